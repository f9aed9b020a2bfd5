// Handlers of the probe:* channels, over an injected probe service (the host builds it): no tfjs import here.
import type { ProbeService } from '../../engine/probes/service';
import type { HandlerGroup } from './types';

export type { ProbeService };

export type ProbeChannel =
  'probe:models' | 'probe:feature-maps' | 'probe:kernels' | 'probe:filters' | 'probe:gradcam';

function missing(): Error {
  return new Error('This window has no engine to look inside models with: restart the app.');
}

export function probeHandlers(service?: ProbeService): HandlerGroup<ProbeChannel> {
  const s = (): ProbeService => {
    if (!service) throw missing();
    return service;
  };
  return {
    'probe:models': () => s().models(),
    'probe:feature-maps': ({ source, input }) => s().featureMaps(source, input),
    'probe:kernels': ({ source }) => s().kernels(source),
    'probe:filters': ({ source, layer, count }) => s().filters(source, layer, count),
    'probe:gradcam': ({ source, input, classIndex }) => s().gradcam(source, input, classIndex),
  };
}
