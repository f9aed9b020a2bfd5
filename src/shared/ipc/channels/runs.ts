// Channels of the runs on disk: list, read one (config, graph, metrics, result), rename, delete.
import type { GraphDoc } from '../../graph/schema';
import type { DatasetSpec, TrainConfig, TrainEvent } from '../../training';
import { v } from '../check';

export interface RunListItem {
  id: string;
  name: string;
  createdAt: string;
  status: 'completed' | 'stopped' | 'failed' | 'interrupted';
  epochsCompleted: number;
  testAccuracy: number | null;
  dataset: string;
}

/** A run folder's content, as the engine's readRun returns it. */
export interface RunRecordPayload {
  dir: string;
  meta: {
    id: string;
    name: string;
    createdAt: string;
    config: TrainConfig;
    dataset: DatasetSpec;
    backend?: string;
  };
  graph: GraphDoc;
  events: TrainEvent[];
  result: {
    status: 'completed' | 'stopped' | 'failed';
    epochs_completed: number;
    best_epoch: number | null;
    test_loss: number | null;
    test_accuracy: number | null;
    tested_epoch: number | null;
    error?: string;
    finishedAt: string;
  } | null;
  hasBest: boolean;
  hasLast: boolean;
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const id = v.custom<string>((x, p) =>
  typeof x === 'string' && RUN_ID.test(x) && !x.includes('..') ? null : `${p} should be a run id`,
);

export const runsInvoke = {
  /** Every run of the data folder, newest first. */
  'runs:list': { arg: v.none(), result: v.returns<RunListItem[]>() },
  'runs:read': { arg: v.object({ id }), result: v.returns<RunRecordPayload>() },
  'runs:rename': {
    arg: v.object({ id, name: v.string({ nonEmpty: true, maxLength: 200 }) }),
    result: v.returns<void>(),
  },
  /** Deletes the run folder and its saved models. */
  'runs:delete': { arg: v.object({ id }), result: v.returns<void>() },
};
