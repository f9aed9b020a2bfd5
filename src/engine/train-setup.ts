// Training set-up pieces: the optimizer and loss from a config, the user-facing error, whole-set evaluation.
import * as tf from '@tensorflow/tfjs';
import type { LossName, TrainConfig } from '../shared/training.ts';
import { makeBatch, type LabelMode } from './datasets/batches.ts';
import type { ImageSet } from './datasets/types.ts';

/** A training failure whose message is for the user (bad config, NaN loss). */
export class TrainError extends Error {
  override name = 'TrainError';
  constructor(
    readonly code: 'nan-loss' | 'exploding-loss' | 'model' | 'data',
    message: string,
    readonly at?: { epoch: number; batch: number },
  ) {
    super(message);
  }
}

export const TF_LOSS: Record<LossName, string> = {
  categorical_crossentropy: 'categoricalCrossentropy',
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
  binary_crossentropy: 'binaryCrossentropy',
  mse: 'meanSquaredError',
};
const EVAL_BATCH = 256;

export function makeOptimizer(cfg: TrainConfig): tf.Optimizer {
  if (!(cfg.learningRate > 0) || !Number.isFinite(cfg.learningRate)) {
    throw new TrainError(
      'model',
      `The learning rate must be a positive number; got ${cfg.learningRate}. Try 0.001.`,
    );
  }
  switch (cfg.optimizer) {
    case 'rmsprop':
      return tf.train.rmsprop(cfg.learningRate);
    case 'adam':
      return tf.train.adam(cfg.learningRate);
    case 'sgd':
      return cfg.momentum
        ? tf.train.momentum(cfg.learningRate, cfg.momentum)
        : tf.train.sgd(cfg.learningRate);
    default:
      throw new TrainError(
        'model',
        `Unknown optimizer "${String(cfg.optimizer)}"; use rmsprop, adam or sgd.`,
      );
  }
}

export function divergenceMessage(what: string, epoch: number, batch: number, lr: number): string {
  const suggest = lr > 0.001 ? 0.001 : lr / 10;
  return `The loss ${what} at epoch ${epoch}, batch ${batch} — the learning rate ${lr} is probably too high; try ${suggest}.`;
}

/** Mean loss and accuracy of the model over a whole set, in batches, leaving no tensors behind. */
export function evaluateSet(
  model: tf.LayersModel,
  set: ImageSet,
  mode: LabelMode,
): { loss: number; accuracy: number | null } {
  let loss = 0;
  let acc = 0;
  let hasAcc = false;
  for (let start = 0; start < set.count; start += EVAL_BATCH) {
    const idx = Array.from({ length: Math.min(EVAL_BATCH, set.count - start) }, (_, i) => start + i);
    const { xs, ys } = makeBatch(set, idx, mode);
    const out = model.evaluate(xs, ys, { batchSize: EVAL_BATCH });
    const values = (Array.isArray(out) ? out : [out]).map((t) => t.dataSync()[0]!);
    tf.dispose([xs, ys, ...(Array.isArray(out) ? out : [out])]);
    loss += values[0]! * idx.length;
    if (values.length > 1) {
      acc += values[1]! * idx.length;
      hasAcc = true;
    }
  }
  return { loss: loss / set.count, accuracy: hasAcc ? acc / set.count : null };
}
