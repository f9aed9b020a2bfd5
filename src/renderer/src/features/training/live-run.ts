// The live state of one training run, folded from the engine's events: progress, curves, outcome.
import type { TrainEvent } from '../../../../shared/training.ts';

export type TrainStatus =
  'idle' | 'starting' | 'running' | 'paused' | 'stopping' | 'completed' | 'stopped' | 'failed';

export interface Progress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  samplesPerSec: number;
  etaSec: number;
  /** 0..1 of the whole run. */
  fraction: number;
}

/** Per-batch points; x is the run's fractional epoch (epoch - 1 + batch / batches). */
export interface BatchSeries {
  x: number[];
  loss: number[];
  lossSmooth: number[];
  acc: (number | null)[];
  accSmooth: (number | null)[];
}

/** Per-epoch points, x = epoch number. */
export interface EpochSeries {
  x: number[];
  loss: number[];
  acc: (number | null)[];
  valLoss: (number | null)[];
  valAcc: (number | null)[];
}

export interface LiveRun {
  status: TrainStatus;
  runId: string | null;
  runDir: string | null;
  backend: string | null;
  progress: Progress | null;
  batches: BatchSeries;
  epochs: EpochSeries;
  test: { accuracy: number | null; loss: number; epoch: number } | null;
  /** The last error or stop explanation, already a sentence from the engine. */
  message: string | null;
  /** Info lines (backend chosen, dataset loaded), newest last. */
  log: string[];
  epochsCompleted: number;
}

/** Weight of the past in the exponential moving average of per-batch curves (TensorBoard's default feel). */
export const SMOOTHING = 0.9;
const LOG_LIMIT = 50;

export function emptyLiveRun(status: TrainStatus = 'idle'): LiveRun {
  return {
    status,
    runId: null,
    runDir: null,
    backend: null,
    progress: null,
    batches: { x: [], loss: [], lossSmooth: [], acc: [], accSmooth: [] },
    epochs: { x: [], loss: [], acc: [], valLoss: [], valAcc: [] },
    test: null,
    message: null,
    log: [],
    epochsCompleted: 0,
  };
}

/** Debiased EMA: the i-th smoothed value of a series whose raw values are `raw` (i = raw.length - 1). */
function smoothNext(prevSmooth: number | null | undefined, value: number, index: number): number {
  if (prevSmooth === null || prevSmooth === undefined || index === 0) return value;
  // Debiasing: divide the running average by (1 - w^n) as TensorBoard does, kept incremental.
  const w = SMOOTHING;
  const biasPrev = 1 - Math.pow(w, index);
  const bias = 1 - Math.pow(w, index + 1);
  return (prevSmooth * biasPrev * w + (1 - w) * value) / bias;
}

const isFinished = (s: TrainStatus) => s === 'completed' || s === 'stopped' || s === 'failed';

/**
 * Folds a burst of events into a new LiveRun (arrays are copied once per burst, not per event,
 * so a frame's worth of batches costs one copy).
 */
export function applyEvents(run: LiveRun, events: readonly TrainEvent[]): LiveRun {
  if (events.length === 0) return run;
  const next: LiveRun = {
    ...run,
    batches: {
      x: run.batches.x.slice(),
      loss: run.batches.loss.slice(),
      lossSmooth: run.batches.lossSmooth.slice(),
      acc: run.batches.acc.slice(),
      accSmooth: run.batches.accSmooth.slice(),
    },
    epochs: run.epochs,
    log: run.log,
  };
  const b = next.batches;
  for (const e of events) {
    switch (e.type) {
      case 'run':
        next.runId = e.runId;
        next.runDir = e.runDir;
        break;
      case 'start':
        next.backend = e.backend;
        if (!isFinished(next.status)) next.status = 'running';
        next.progress = {
          epoch: 1,
          epochs: e.epochs,
          batch: 0,
          batches: e.batchesPerEpoch,
          samplesPerSec: 0,
          etaSec: 0,
          fraction: 0,
        };
        break;
      case 'batch': {
        const epochs = next.progress?.epochs ?? e.epoch;
        const x = e.epoch - 1 + e.batch / e.batches;
        const i = b.x.length;
        b.x.push(x);
        b.loss.push(e.loss);
        b.lossSmooth.push(smoothNext(b.lossSmooth[i - 1], e.loss, i));
        b.acc.push(e.accuracy);
        b.accSmooth.push(e.accuracy === null ? null : smoothNext(b.accSmooth[i - 1], e.accuracy, i));
        next.progress = {
          epoch: e.epoch,
          epochs,
          batch: e.batch,
          batches: e.batches,
          samplesPerSec: e.samplesPerSec,
          etaSec: e.etaSec,
          fraction: Math.min(1, x / Math.max(1, epochs)),
        };
        if (next.status === 'starting') next.status = 'running';
        break;
      }
      case 'epoch':
        next.epochs = {
          x: [...next.epochs.x, e.epoch],
          loss: [...next.epochs.loss, e.loss],
          acc: [...next.epochs.acc, e.accuracy],
          valLoss: [...next.epochs.valLoss, e.val_loss],
          valAcc: [...next.epochs.valAcc, e.val_accuracy],
        };
        next.epochsCompleted = Math.max(next.epochsCompleted, e.epoch);
        break;
      case 'test':
        next.test = { accuracy: e.accuracy, loss: e.loss, epoch: e.epoch };
        break;
      case 'paused':
        if (!isFinished(next.status)) next.status = 'paused';
        break;
      case 'resumed':
        if (!isFinished(next.status)) next.status = 'running';
        break;
      case 'stopped':
        next.message = e.message;
        next.epochsCompleted = Math.max(next.epochsCompleted, e.epoch);
        break;
      case 'error':
        next.message = e.message;
        next.status = 'failed';
        break;
      case 'info':
        next.log = [...next.log, e.message].slice(-LOG_LIMIT);
        break;
      case 'done':
        next.status = e.status;
        next.epochsCompleted = Math.max(next.epochsCompleted, e.epochs_completed);
        if (e.run_dir) next.runDir = e.run_dir;
        if (e.test_accuracy !== null && !next.test)
          next.test = { accuracy: e.test_accuracy, loss: e.test_loss ?? 0, epoch: next.epochsCompleted };
        if (e.status === 'completed' && next.progress)
          next.progress = { ...next.progress, fraction: 1, etaSec: 0 };
        break;
    }
  }
  return next;
}
