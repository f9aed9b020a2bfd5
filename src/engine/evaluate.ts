// After a run: the test set's predictions, confusion matrix, misclassified list, and one-image prediction.
import * as tf from '@tensorflow/tfjs';

/** One misclassified test image: its index in the test set, what it is, what the model said. */
export interface Misclassified {
  index: number;
  trueLabel: number;
  predicted: number;
  /** The probability the model gave its (wrong) answer. */
  confidence: number;
}

export interface Evaluation {
  numClasses: number;
  count: number;
  accuracy: number;
  /** matrix[true][predicted] = how many test images. */
  confusion: number[][];
  /** Sorted by confidence, most confident mistakes first. */
  misclassified: Misclassified[];
  /** The predicted class of every image, in test-set order. */
  predicted: Int32Array;
  /** The probability given to each image's predicted class. */
  confidence: Float32Array;
}

export interface Prediction {
  /** One probability per class; they sum to 1. */
  probabilities: number[];
  predicted: number;
}

/** Counts true/predicted label pairs; labels outside [0, numClasses) are refused. */
export function confusionMatrix(
  trueLabels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  numClasses: number,
): number[][] {
  if (trueLabels.length !== predicted.length) {
    throw new Error(
      `There are ${trueLabels.length} labels but ${predicted.length} predictions: they must match one to one.`,
    );
  }
  const m = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < trueLabels.length; i++) {
    const t = trueLabels[i]!;
    const p = predicted[i]!;
    if (t < 0 || t >= numClasses || p < 0 || p >= numClasses) {
      throw new Error(
        `Label ${t} or prediction ${p} at index ${i} is outside the ${numClasses} classes of this model.`,
      );
    }
    m[t]![p]!++;
  }
  return m;
}

/** Turns one row of scores into probabilities: kept as they are when they already sum to 1, softmaxed otherwise. */
export function toProbabilities(scores: ArrayLike<number>): number[] {
  const arr = Array.from(scores);
  if (arr.length === 1) {
    // A single sigmoid unit: class 1 has probability p, class 0 has 1 - p.
    const p = Math.min(1, Math.max(0, arr[0]!));
    return [1 - p, p];
  }
  const sum = arr.reduce((a, b) => a + b, 0);
  const isDistribution = arr.every((v) => v >= 0 && v <= 1) && Math.abs(sum - 1) < 1e-3;
  if (isDistribution) return arr.map((v) => v / sum);
  const max = Math.max(...arr);
  const exps = arr.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / total);
}

function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}

/**
 * Predicts every image of `xs` ([n, h, w, c], values in [0, 1]) in batches and compares with
 * `labels`. Leaves tf.memory().numTensors as it found it.
 */
export async function evaluateModel(
  model: tf.LayersModel,
  xs: tf.Tensor4D,
  labels: ArrayLike<number>,
  opts: { batchSize?: number; maxMisclassified?: number } = {},
): Promise<Evaluation> {
  const n = xs.shape[0];
  if (labels.length !== n) {
    throw new Error(
      `The test set has ${n} images but ${labels.length} labels: the dataset files do not match.`,
    );
  }
  const batchSize = opts.batchSize ?? 256;
  const predicted = new Int32Array(n);
  const confidence = new Float32Array(n);
  let numClasses = 0;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const out = tf.tidy(() => {
      const batch = xs.slice([start, 0, 0, 0], [size, -1, -1, -1]);
      return model.predict(batch) as tf.Tensor;
    });
    const scores = (await out.data()) as Float32Array;
    const width = out.shape[1] ?? 1;
    out.dispose();
    for (let i = 0; i < size; i++) {
      const probs = toProbabilities(scores.subarray(i * width, (i + 1) * width));
      numClasses = probs.length;
      const p = argmax(probs);
      predicted[start + i] = p;
      confidence[start + i] = probs[p]!;
    }
    // Let the event loop breathe between batches so the process stays responsive.
    await new Promise((r) => setImmediate(r));
  }
  const confusion = confusionMatrix(labels, predicted, numClasses);
  let correct = 0;
  const misclassified: Misclassified[] = [];
  for (let i = 0; i < n; i++) {
    if (predicted[i] === labels[i]) correct++;
    else
      misclassified.push({
        index: i,
        trueLabel: labels[i]!,
        predicted: predicted[i]!,
        confidence: confidence[i]!,
      });
  }
  misclassified.sort((a, b) => b.confidence - a.confidence);
  const limit = opts.maxMisclassified ?? 500;
  return {
    numClasses,
    count: n,
    accuracy: n === 0 ? 0 : correct / n,
    confusion,
    misclassified: misclassified.slice(0, limit),
    predicted,
    confidence,
  };
}

/**
 * Predicts one image given as [h, w, c] floats in [0, 1]; resized (bilinear) and converted
 * between grayscale and RGB to the model's input when they differ.
 */
export function predictOne(
  model: tf.LayersModel,
  data: Float32Array,
  shape: [number, number, number],
): Prediction {
  const [h, w, c] = shape;
  if (data.length !== h * w * c) {
    throw new Error(`The image has ${data.length} values but its shape ${h}x${w}x${c} needs ${h * w * c}.`);
  }
  const inShape = model.inputs[0]!.shape;
  const [mh, mw, mc] = [inShape[1] ?? h, inShape[2] ?? w, inShape[3] ?? c];
  const scores = tf.tidy(() => {
    let img: tf.Tensor3D = tf.tensor3d(data, [h, w, c]);
    if (c !== mc) {
      if (mc === 1) img = img.mean(2, true) as tf.Tensor3D;
      else if (c === 1) img = tf.tile(img, [1, 1, mc]);
      else throw new Error(`The model expects ${mc} channels; this image has ${c}.`);
    }
    if (h !== mh || w !== mw) img = tf.image.resizeBilinear(img, [mh, mw]);
    const out = model.predict(img.expandDims(0)) as tf.Tensor;
    return out.dataSync();
  });
  const probabilities = toProbabilities(scores);
  return { probabilities, predicted: argmax(probabilities) };
}
