// The run evaluator behind a lazy door: tfjs and its backend load on the first evaluation, not when the host starts.
import type { RunEvaluation, RunEvaluator, RunPrediction } from './evaluate-run.ts';

export interface LazyEvaluator {
  evaluate(runId: string): Promise<RunEvaluation>;
  images(
    runId: string,
    indices: number[],
  ): Promise<{ pixels: Uint8Array; shape: [number, number, number, number] }>;
  predict(runId: string, data: Float32Array, shape: [number, number, number]): Promise<RunPrediction>;
  dispose(): void;
}

/**
 * `dataDir` defaults to the app's data folder (where training writes runs); `backend` as for
 * training: the ladder picks when absent.
 */
export function createLazyEvaluator(opts: { dataDir?: string; backend?: string } = {}): LazyEvaluator {
  let loading: Promise<RunEvaluator> | null = null;
  let loaded: RunEvaluator | null = null;
  const get = (): Promise<RunEvaluator> =>
    (loading ??= (async () => {
      const { initBackend } = await import('./backend.ts');
      await initBackend(opts.backend ? { prefer: opts.backend } : {});
      const { RunEvaluator: Ctor } = await import('./evaluate-run.ts');
      const { defaultDataDir } = await import('./runs.ts');
      loaded = new Ctor(opts.dataDir ?? defaultDataDir());
      return loaded;
    })());
  return {
    evaluate: async (runId) => (await get()).evaluate(runId),
    images: async (runId, indices) => (await get()).images(runId, indices),
    predict: async (runId, data, shape) => (await get()).predict(runId, data, shape),
    dispose: () => loaded?.dispose(),
  };
}
