// The probe service behind a lazy door: tfjs and its backend load on the first probe, not when the host starts.
import type { ProbeService } from './service.ts';

const FAST = new Set(['wasm', 'tensorflow', 'tensorflow-gpu', 'webgpu']);

/** `dataDir` defaults to the app's data folder (where training writes runs); `backend` forces one. */
export function createLazyProbeService(opts: { dataDir?: string; backend?: string } = {}): ProbeService {
  let loading: Promise<ProbeService> | null = null;
  let loaded: ProbeService | null = null;
  const get = (): Promise<ProbeService> =>
    (loading ??= (async () => {
      const tf = await import('@tensorflow/tfjs');
      // Another engine feature of this host may have started the ladder already; start it once.
      if (opts.backend || !FAST.has(tf.getBackend() ?? '')) {
        const { initBackend } = await import('../backend.ts');
        await initBackend(opts.backend ? { prefer: opts.backend } : {});
      }
      const { createProbeService } = await import('./service.ts');
      const { defaultDataDir } = await import('../runs.ts');
      loaded = createProbeService({ dataDir: opts.dataDir ?? defaultDataDir() });
      return loaded;
    })());
  return {
    models: async () => (await get()).models(),
    featureMaps: async (source, input) => (await get()).featureMaps(source, input),
    kernels: async (source) => (await get()).kernels(source),
    filters: async (source, layer, count) => (await get()).filters(source, layer, count),
    gradcam: async (source, input, classIndex) => (await get()).gradcam(source, input, classIndex),
    dispose: () => loaded?.dispose(),
  };
}
