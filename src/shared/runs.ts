// A training run as it is kept on disk and shown in the views: pure types shared by engine, IPC and UI.
import type { GraphDoc } from './graph/schema.ts';
import type { DatasetSpec, TrainConfig, TrainEvent } from './training.ts';

export interface RunMeta {
  id: string;
  name: string;
  createdAt: string;
  config: TrainConfig;
  dataset: DatasetSpec;
  backend?: string;
}

export interface RunResult {
  status: 'completed' | 'stopped' | 'failed';
  epochs_completed: number;
  best_epoch: number | null;
  test_loss: number | null;
  test_accuracy: number | null;
  /** Which epoch's model the test figures are for. */
  tested_epoch: number | null;
  error?: string;
  finishedAt: string;
}

export interface RunSummary {
  id: string;
  name: string;
  dir: string;
  createdAt: string;
  /** 'interrupted' when the run has no result: it is still going, or its process was killed. */
  status: RunResult['status'] | 'interrupted';
  epochsCompleted: number;
  testAccuracy: number | null;
  dataset: string;
}

export interface RunRecord {
  dir: string;
  meta: RunMeta;
  graph: GraphDoc;
  /** Every complete line of metrics.jsonl (a line cut short by a kill is skipped). */
  events: TrainEvent[];
  result: RunResult | null;
  hasBest: boolean;
  hasLast: boolean;
}
