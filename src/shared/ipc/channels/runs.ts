// Channels of the runs on disk: list, read one (config, graph, metrics, result), rename, delete.
import type { RunRecord, RunSummary } from '../../runs';
import { v } from '../check';

/** One row of the runs table: a run summary without its folder path (the UI names runs by id). */
export type RunListItem = Omit<RunSummary, 'dir'>;

/** A run folder's content, as the engine's readRun returns it. */
export type RunRecordPayload = RunRecord;

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
