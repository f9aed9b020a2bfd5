// A run as the runs view shows it, made from the run folder's record (config, graph, metrics, result).
import type { GraphDoc } from '../../../../shared/graph/schema.ts';
import type { DatasetSpec, TrainConfig } from '../../../../shared/training.ts';
import type { EpochSeries } from '../training/live-run.ts';
import type { RunRecord, RunResult } from '../../../../shared/runs.ts';

/** The fields of a run record this view reads (the engine's RunRecord has these and more). */
export type RunRecordLike = Omit<RunRecord, 'result' | 'hasBest' | 'hasLast'> & {
  result: Pick<
    RunResult,
    'status' | 'epochs_completed' | 'test_accuracy' | 'test_loss' | 'finishedAt' | 'error'
  > | null;
  hasBest?: boolean;
  hasLast?: boolean;
};

export type RunStatus = 'completed' | 'stopped' | 'failed' | 'interrupted';

export interface RunInfo {
  id: string;
  dir: string;
  name: string;
  model: string;
  dataset: string;
  /** "rmsprop 0.001 · 5 ep · batch 64" */
  settings: string;
  config: TrainConfig;
  createdAt: string;
  status: RunStatus;
  testAccuracy: number | null;
  errorRate: number | null;
  /** Training time: the sum of epoch times. */
  seconds: number;
  backend: string | null;
  epochs: EpochSeries;
  graph: GraphDoc;
  hasModel: boolean;
  /** The test accuracy comes from evaluating the saved model here (the run stopped before its test). */
  evaluated?: boolean;
}

export function datasetLabel(ds: DatasetSpec): string {
  const name =
    ds.kind === 'folder'
      ? (ds.path.split(/[\\/]/).filter(Boolean).pop() ?? ds.path)
      : ds.kind === 'mnist'
        ? 'MNIST'
        : 'Fashion-MNIST';
  return ds.limit ? `${name} (${ds.limit.toLocaleString('en-US')})` : name;
}

export function settingsLabel(c: TrainConfig): string {
  const parts = [`${c.optimizer} ${c.learningRate}`, `${c.epochs} ep`, `batch ${c.batchSize}`];
  if (c.augmentation) parts.push('aug');
  if (c.earlyStopping) parts.push(`patience ${c.earlyStopping.patience}`);
  return parts.join(' · ');
}

export function toRunInfo(rec: RunRecordLike): RunInfo {
  const epochs: EpochSeries = { x: [], loss: [], acc: [], valLoss: [], valAcc: [] };
  let seconds = 0;
  let test: number | null = null;
  for (const e of rec.events) {
    if (e.type === 'epoch') {
      epochs.x.push(e.epoch);
      epochs.loss.push(e.loss);
      epochs.acc.push(e.accuracy);
      epochs.valLoss.push(e.val_loss);
      epochs.valAcc.push(e.val_accuracy);
      seconds += e.seconds;
    } else if (e.type === 'test') test = e.accuracy;
  }
  const testAccuracy = rec.result?.test_accuracy ?? test;
  return {
    id: rec.meta.id,
    dir: rec.dir,
    name: rec.meta.name,
    model: rec.graph.name,
    dataset: datasetLabel(rec.meta.dataset),
    settings: settingsLabel(rec.meta.config),
    config: rec.meta.config,
    createdAt: rec.meta.createdAt,
    status: rec.result?.status ?? 'interrupted',
    testAccuracy,
    errorRate: testAccuracy === null ? null : 1 - testAccuracy,
    seconds,
    backend: rec.meta.backend ?? null,
    epochs,
    graph: rec.graph,
    hasModel: !!(rec.hasBest || rec.hasLast),
  };
}
