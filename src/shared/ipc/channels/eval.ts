// Channels of the runs view's evaluation: a run's test-set predictions, test images by index, one-image prediction.
import { isRecord, v, type Validator } from '../check';
import { tensorValidator, type TensorPayload } from '../payloads';

/** Every test image's true and predicted class (typed arrays, one entry per image) and the confusion matrix. */
export interface RunEvaluationPayload {
  runId: string;
  accuracy: number;
  count: number;
  classNames: string[];
  imageShape: [number, number, number];
  labels: Uint8Array;
  predicted: Uint8Array;
  confidence: Float32Array;
  /** matrix[true][predicted]. */
  confusion: number[][];
}

export interface PredictionPayload {
  /** One per class; they sum to 1. */
  probabilities: number[];
  predicted: number;
  classNames: string[];
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const runId = v.custom<string>((x, p) =>
  typeof x === 'string' && RUN_ID.test(x) && !x.includes('..') ? null : `${p} should be a run id`,
);

/** A float32 image [h, w, c] with c 1 or 3 and sides up to 1024. */
const imageValidator: Validator<TensorPayload> = v.custom<TensorPayload>((x, p) => {
  const problem = tensorValidator.check(x, p);
  if (problem) return problem;
  const t = x as TensorPayload;
  if (t.dtype !== 'float32') return `${p}.dtype should be float32 (pixels in [0, 1])`;
  const [h, w, c] = t.shape;
  if (t.shape.length !== 3 || !h || !w || h > 1024 || w > 1024 || (c !== 1 && c !== 3)) {
    return `${p}.shape should be [height, width, 1 or 3] with sides up to 1024`;
  }
  return isRecord(x) ? null : `${p} should be a tensor`;
});

export const evalInvoke = {
  /** Predicts the run's whole test set with its best (else last) model; cached until another run is asked. */
  'eval:run': { arg: v.object({ runId }), result: v.returns<RunEvaluationPayload>() },
  /** Test images by index as uint8 [n, h, w, c], at most 400 per request. */
  'eval:images': {
    arg: v.object({ runId, indices: v.array(v.number({ integer: true, min: 0 }), { maxLength: 400 }) }),
    result: v.returns<TensorPayload>(),
  },
  /** One image through the run's model: resized and converted to its input as needed. */
  'eval:predict': { arg: v.object({ runId, image: imageValidator }), result: v.returns<PredictionPayload>() },
};
