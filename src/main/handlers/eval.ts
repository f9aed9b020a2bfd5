// Handlers of the eval:* channels, over an injected evaluator (in-process or the engine process): no tfjs import here.
import type { RunEvaluation, RunPrediction } from '../../engine/evaluate-run';
import { tensorPayload } from '../../shared/ipc/payloads';
import type { HandlerGroup } from './types';

/** What the runs view needs from the engine; RunEvaluator implements it. */
export interface Evaluator {
  evaluate(runId: string): Promise<RunEvaluation>;
  images(
    runId: string,
    indices: number[],
  ): Promise<{ pixels: Uint8Array; shape: [number, number, number, number] }>;
  predict(runId: string, data: Float32Array, shape: [number, number, number]): Promise<RunPrediction>;
}

function missing(): Error {
  return new Error('This window has no engine to evaluate runs with: restart the app.');
}

export function evalHandlers(
  evaluator?: Evaluator,
): HandlerGroup<'eval:run' | 'eval:images' | 'eval:predict'> {
  return {
    async 'eval:run'({ runId }) {
      if (!evaluator) throw missing();
      return evaluator.evaluate(runId);
    },
    async 'eval:images'({ runId, indices }) {
      if (!evaluator) throw missing();
      const { pixels, shape } = await evaluator.images(runId, indices);
      return tensorPayload('uint8', shape, pixels);
    },
    async 'eval:predict'({ runId, image }) {
      if (!evaluator) throw missing();
      if (image.dtype !== 'float32') throw new Error('The image should hold float32 pixels in [0, 1].');
      const [h, w, c] = image.shape as [number, number, number];
      const p = await evaluator.predict(runId, image.data, [h, w, c]);
      return { probabilities: p.probabilities, predicted: p.predicted, classNames: p.classNames };
    },
  };
}
