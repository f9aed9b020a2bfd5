// Named selectors over the training slice; training and runs components read state through these.
import type { AppStore } from './app-store.ts';
import type { TrainStatus } from '../features/training/live-run.ts';

export const selectTraining = (s: AppStore) => s.training;
export const selectTrainConfig = (s: AppStore) => s.training.config;
export const selectDataset = (s: AppStore) => s.training.dataset;
export const selectLive = (s: AppStore) => s.live;
export const selectLiveStatus = (s: AppStore): TrainStatus => s.live.status;
export const selectProgress = (s: AppStore) => s.live.progress;
export const selectBatchSeries = (s: AppStore) => s.live.batches;
export const selectEpochSeries = (s: AppStore) => s.live.epochs;
export const selectBackendInfo = (s: AppStore) => s.backendInfo;
export const selectPickedRuns = (s: AppStore) => s.pickedRuns;

/** A run is in flight: settings are locked and closing the window asks first. */
export function selectIsTraining(s: AppStore): boolean {
  const st = s.live.status;
  return st === 'starting' || st === 'running' || st === 'paused' || st === 'stopping';
}
export const selectRuns = (s: AppStore) => s.runs;
export const selectOpenedRunId = (s: AppStore) => s.openedRun;

/** The run whose details are open, when it is still in the list. */
export function selectOpenedRun(s: AppStore) {
  return s.runs?.find((r) => r.id === s.openedRun) ?? null;
}
