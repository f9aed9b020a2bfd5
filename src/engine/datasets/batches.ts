// Turns an image set into training batches: [0,1] floats, labels shaped for the loss, seeded order, augmentation.
import * as tf from '@tensorflow/tfjs';
import type { AugmentationConfig, LossName } from '../../shared/training.ts';
import { isAugmenting, randomWarp, warpInto } from './augment.ts';
import { createRng, deriveSeed, shuffleInPlace, type Rng } from './prng.ts';
import { DatasetError, type ImageSet } from './types.ts';

/** How labels are fed: class indices [b,1], or one-hot [b, units]. */
export type LabelMode = { kind: 'sparse' } | { kind: 'one-hot'; units: number } | { kind: 'binary' };

/** Chooses the label form from the loss and the model's output units, or says why they don't fit the data. */
export function labelModeFor(loss: LossName, outputUnits: number, numClasses: number): LabelMode {
  if (loss === 'sparse_categorical_crossentropy') {
    if (outputUnits < numClasses) throw unitsError(outputUnits, numClasses);
    return { kind: 'sparse' };
  }
  if (outputUnits === 1) {
    if (numClasses > 2) {
      throw new DatasetError(
        `The last layer has 1 unit, which suits two classes, but the dataset has ${numClasses}. Give the last Dense layer ${numClasses} units with softmax.`,
      );
    }
    return { kind: 'binary' };
  }
  if (outputUnits < numClasses) throw unitsError(outputUnits, numClasses);
  return { kind: 'one-hot', units: outputUnits };
}

function unitsError(units: number, classes: number): DatasetError {
  return new DatasetError(
    `The dataset has ${classes} classes but the last layer has ${units} units: give the last Dense layer ${classes} units.`,
  );
}

/** Makes a batch from the images at `indices`; warps each image when `augment` is given. */
export function makeBatch(
  set: ImageSet,
  indices: ArrayLike<number>,
  mode: LabelMode,
  augment?: { cfg: AugmentationConfig; rng: Rng },
): { xs: tf.Tensor4D; ys: tf.Tensor2D } {
  const { height: h, width: w, channels: c } = set;
  const size = h * w * c;
  const n = indices.length;
  const x = new Float32Array(n * size);
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    const src = set.pixels.subarray(j * size, (j + 1) * size);
    if (augment) warpInto(src, h, w, c, randomWarp(augment.cfg, h, w, augment.rng), x, i * size, 1 / 255);
    else for (let k = 0; k < size; k++) x[i * size + k] = src[k]! / 255;
  }
  let ys: tf.Tensor2D;
  if (mode.kind === 'one-hot') {
    const y = new Float32Array(n * mode.units);
    for (let i = 0; i < n; i++) y[i * mode.units + set.labels[indices[i]!]!] = 1;
    ys = tf.tensor2d(y, [n, mode.units]);
  } else {
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) y[i] = set.labels[indices[i]!]!;
    ys = tf.tensor2d(y, [n, 1]);
  }
  return { xs: tf.tensor4d(x, [n, h, w, c]), ys };
}

/** The sample order of one epoch: the same seed and epoch give the same order. */
export function epochOrder(count: number, seed: number, epoch: number): Uint32Array {
  return shuffleInPlace(
    Uint32Array.from({ length: count }, (_, i) => i),
    createRng(deriveSeed(seed, epoch)),
  );
}

/** Splits off the last `fraction` of a seeded permutation as validation (Keras splits the tail too). */
export function splitIndices(
  count: number,
  fraction: number,
  seed: number,
): { train: Uint32Array; validation: Uint32Array } {
  const order = shuffleInPlace(
    Uint32Array.from({ length: count }, (_, i) => i),
    createRng(deriveSeed(seed, 0x7a11d)),
  );
  const nVal = fraction > 0 ? Math.max(1, Math.round(count * fraction)) : 0;
  if (nVal >= count)
    throw new DatasetError(
      `A validation split of ${fraction} leaves no training images; use a smaller split.`,
    );
  return { train: order.subarray(0, count - nVal).sort(), validation: order.subarray(count - nVal).sort() };
}

/** An augmentation source for an epoch, or undefined when the config changes nothing. */
export function augmenterFor(
  cfg: AugmentationConfig | null | undefined,
  seed: number,
  epoch: number,
): { cfg: AugmentationConfig; rng: Rng } | undefined {
  return isAugmenting(cfg) ? { cfg, rng: createRng(deriveSeed(seed, 1000 + epoch)) } : undefined;
}
