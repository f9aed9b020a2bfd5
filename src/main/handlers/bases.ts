// Handlers of the bases:* channels, over an injected service (the host builds it): no tfjs import here.
import type { BasesService } from '../../engine/bases-service';
import type { HandlerGroup } from './types';

export type { BasesService };

export function basesHandlers(service?: BasesService): HandlerGroup<'bases:inspect' | 'bases:place'> {
  const s = (): BasesService => {
    if (!service)
      throw new Error('This window has no engine to load pretrained bases with: restart the app.');
    return service;
  };
  return {
    'bases:inspect': ({ source }) => s().inspect(source),
    'bases:place': ({ doc, source, upTo }) => s().place(doc, source, upTo),
  };
}
