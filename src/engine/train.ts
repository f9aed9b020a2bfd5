// The training loop: our own batches (seeded order, augmentation) and events through an injected sink.
import * as tf from '@tensorflow/tfjs';
import type { EpochEvent, TrainConfig, TrainEvent } from '../shared/training.ts';
import { augmenterFor, epochOrder, labelModeFor, makeBatch, splitIndices } from './datasets/batches.ts';
import { subset, type DatasetSplits } from './datasets/types.ts';
import { TrainControl } from './train-control.ts';
import { divergenceMessage, evaluateSet, makeOptimizer, TF_LOSS, TrainError } from './train-setup.ts';

export { TrainControl } from './train-control.ts';
export { evaluateSet, makeOptimizer, TrainError } from './train-setup.ts';

export type TrainSink = (event: TrainEvent) => void;

export interface TrainHooks {
  /** After each completed epoch (after its event): save `last/`, and `best/` when `best`. */
  onEpochEnd?(model: tf.LayersModel, epoch: EpochEvent): Promise<void>;
  /** After each batch's weight update (batch is 1-based): e.g. probe the live model. */
  onBatchEnd?(model: tf.LayersModel, epoch: number, batch: number): void;
  /** Milliseconds clock; injectable for tests. */
  now?(): number;
  /** Minimum milliseconds between batch events (default 50: at most ~20 per second). */
  batchEventIntervalMs?: number;
}

export interface TrainResult {
  status: 'completed' | 'stopped' | 'failed';
  epochsCompleted: number;
  bestEpoch: number | null;
  history: EpochEvent[];
  test: { loss: number; accuracy: number | null; epoch: number } | null;
  error?: { code: string; message: string };
}

/** A loss above this is treated as diverged even while it is still a finite number. */
const EXPLODED = 1e6;
/**
 * tfjs clips cross-entropy, so a diverged classifier shows no NaN: its loss sits near -ln(1e-7) ≈ 16
 * (confidently wrong). Loss above this many times an untrained model's for this many batches in a row
 * counts as diverged.
 */
const SATURATED_FACTOR = 2.5;
const SATURATED_BATCHES = 10;

function outputUnits(model: tf.LayersModel): number {
  const shape = model.outputs[0]!.shape;
  return shape[shape.length - 1] ?? 1;
}

/**
 * Trains `model` (compiled here from `cfg`) on `data`, reporting through `sink`. Errors the user can
 * act on (NaN loss, data that doesn't fit the model) end the run with an error event, not a throw.
 */
export async function train(
  model: tf.LayersModel,
  data: DatasetSplits,
  cfg: TrainConfig,
  sink: TrainSink,
  control: TrainControl = new TrainControl(),
  hooks: TrainHooks = {},
): Promise<TrainResult> {
  const now = hooks.now ?? (() => performance.now());
  const interval = hooks.batchEventIntervalMs ?? 50;
  const history: EpochEvent[] = [];
  let bestEpoch: number | null = null;
  let bestWeights: Float32Array[] | null = null;
  const result = (status: TrainResult['status'], extra: Partial<TrainResult> = {}): TrainResult => ({
    status,
    epochsCompleted: history.length,
    bestEpoch,
    history,
    test: null,
    ...extra,
  });
  // The optimizer's slots (RMSprop/Adam moments) are variables the model does not own: freed below.
  let optimizer: tf.Optimizer | null = null;
  try {
    const mode = labelModeFor(cfg.loss, outputUnits(model), data.train.classNames.length);
    const metrics = cfg.metrics.map((m) => (m === 'acc' ? 'accuracy' : m));
    try {
      optimizer = makeOptimizer(cfg);
      model.compile({ optimizer, loss: TF_LOSS[cfg.loss], metrics });
    } catch (err) {
      throw err instanceof TrainError
        ? err
        : new TrainError('model', `The model cannot be compiled: ${(err as Error).message}`);
    }
    let trainSet = data.train;
    let valSet = data.validation;
    if (!valSet && cfg.validationSplit > 0) {
      const split = splitIndices(data.train.count, cfg.validationSplit, cfg.seed);
      trainSet = subset(data.train, split.train);
      valSet = subset(data.train, split.validation);
    }
    const n = trainSet.count;
    const batches = Math.ceil(n / cfg.batchSize);
    sink({
      type: 'start',
      epochs: cfg.epochs,
      batchesPerEpoch: batches,
      trainSamples: n,
      validationSamples: valSet?.count ?? 0,
      testSamples: data.test.count,
      backend: tf.getBackend(),
    });
    const ce = cfg.loss !== 'mse';
    let saturatedAbove = Infinity;
    let saturatedRun = 0;
    let bestScore = Infinity;
    let sinceBest = 0;
    let activeMs = 0;
    for (let epoch = 1; epoch <= cfg.epochs; epoch++) {
      const order = epochOrder(n, cfg.seed, epoch);
      const augment = augmenterFor(cfg.augmentation, cfg.seed, epoch);
      let lossSum = 0;
      let accSum = 0;
      let hasAcc = false;
      let lastEmit = -Infinity;
      let segmentStart = now();
      const epochStart = activeMs;
      for (let b = 0; b < batches; b++) {
        // trainOnBatch resolves through microtasks only; without a macrotask turn, stop/pause
        // messages from the host would wait until the whole run is over.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (control.isPaused) {
          activeMs += now() - segmentStart;
          sink({ type: 'paused', epoch, batch: b });
          await control.waitWhilePaused();
          if (!control.stopping) sink({ type: 'resumed', epoch, batch: b });
          segmentStart = now();
        }
        if (control.stopping) {
          const message = `Stopped by the user during epoch ${epoch}; ${history.length} completed epoch(s) are kept.`;
          sink({ type: 'stopped', reason: 'user', epoch: history.length, message });
          return result('stopped');
        }
        const idx = order.subarray(b * cfg.batchSize, Math.min(n, (b + 1) * cfg.batchSize));
        const { xs, ys } = makeBatch(trainSet, idx, mode, augment);
        let out: number | number[];
        try {
          out = await model.trainOnBatch(xs, ys);
        } finally {
          tf.dispose([xs, ys]);
        }
        const [loss, acc] = Array.isArray(out) ? out : [out];
        if (!Number.isFinite(loss)) {
          throw new TrainError(
            'nan-loss',
            divergenceMessage(`became ${loss}`, epoch, b + 1, cfg.learningRate),
            { epoch, batch: b + 1 },
          );
        }
        if (loss! > EXPLODED) {
          throw new TrainError(
            'exploding-loss',
            divergenceMessage(`exploded to ${loss!.toExponential(2)}`, epoch, b + 1, cfg.learningRate),
            { epoch, batch: b + 1 },
          );
        }
        if (ce && saturatedAbove === Infinity) {
          saturatedAbove =
            SATURATED_FACTOR * Math.max(loss!, Math.log(Math.max(2, data.train.classNames.length)));
        }
        saturatedRun = ce && loss! > saturatedAbove ? saturatedRun + 1 : 0;
        if (saturatedRun >= SATURATED_BATCHES) {
          throw new TrainError(
            'exploding-loss',
            divergenceMessage(
              `diverged to ${loss!.toFixed(1)} (the model is confidently wrong on almost every image)`,
              epoch,
              b + 1,
              cfg.learningRate,
            ),
            { epoch, batch: b + 1 },
          );
        }
        lossSum += loss! * idx.length;
        if (acc !== undefined) {
          accSum += acc * idx.length;
          hasAcc = true;
        }
        const t = now();
        const elapsed = activeMs + (t - segmentStart);
        if (t - lastEmit >= interval || b === batches - 1) {
          lastEmit = t;
          const seen = (b + 1) * cfg.batchSize > n ? n : (b + 1) * cfg.batchSize;
          const speed = elapsed - epochStart > 0 ? (seen / (elapsed - epochStart)) * 1000 : 0;
          const left = (cfg.epochs - epoch) * n + (n - seen);
          sink({
            type: 'batch',
            epoch,
            batch: b + 1,
            batches,
            loss: loss!,
            accuracy: acc ?? null,
            samplesPerSec: speed,
            etaSec: speed > 0 ? left / speed : 0,
          });
        }
        hooks.onBatchEnd?.(model, epoch, b + 1);
      }
      activeMs += now() - segmentStart;
      const val = valSet ? evaluateSet(model, valSet, mode) : null;
      const trainLoss = lossSum / n;
      const score = val ? val.loss : trainLoss;
      const isBest = score < bestScore;
      if (isBest) {
        bestScore = score;
        bestEpoch = epoch;
        sinceBest = 0;
        if (cfg.keepBest) bestWeights = model.getWeights().map((w) => (w.dataSync() as Float32Array).slice());
      } else sinceBest++;
      const event: EpochEvent = {
        type: 'epoch',
        epoch,
        loss: trainLoss,
        accuracy: hasAcc ? accSum / n : null,
        val_loss: val?.loss ?? null,
        val_accuracy: val?.accuracy ?? null,
        seconds: (activeMs - epochStart) / 1000,
        best: isBest,
      };
      history.push(event);
      sink(event);
      await hooks.onEpochEnd?.(model, event);
      if (cfg.earlyStopping && sinceBest >= cfg.earlyStopping.patience && epoch < cfg.epochs) {
        sink({
          type: 'stopped',
          reason: 'early-stopping',
          epoch,
          message: `Early stopping after epoch ${epoch}: the ${val ? 'validation' : 'training'} loss has not improved for ${sinceBest} epoch(s) since epoch ${bestEpoch}.`,
        });
        break;
      }
    }
    let testedEpoch = history.length;
    if (cfg.keepBest && bestWeights && bestEpoch !== null && bestEpoch !== history.length) {
      const current = model.getWeights();
      const tensors = bestWeights.map((w, i) => tf.tensor(w, current[i]!.shape));
      model.setWeights(tensors);
      tf.dispose(tensors);
      testedEpoch = bestEpoch;
    }
    const test = evaluateSet(model, data.test, mode);
    sink({ type: 'test', loss: test.loss, accuracy: test.accuracy, epoch: testedEpoch });
    return result('completed', { test: { ...test, epoch: testedEpoch } });
  } catch (err) {
    const e = err instanceof TrainError ? err : null;
    const code = e?.code ?? (err instanceof Error && err.name === 'DatasetError' ? 'data' : 'internal');
    const message = err instanceof Error ? err.message : String(err);
    sink({ type: 'error', code, message, ...(e?.at ?? (history.length ? { epoch: history.length } : {})) });
    return result('failed', { error: { code, message } });
  } finally {
    optimizer?.dispose();
  }
}
