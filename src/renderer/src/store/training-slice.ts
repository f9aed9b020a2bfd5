// Training slice: the training settings, the live run folded from engine events, the backend, and the runs list.
import type { StateCreator } from 'zustand';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig, type TrainEvent } from '../../../shared/training.ts';
import { applyEvents, emptyLiveRun, type LiveRun } from '../features/training/live-run.ts';
import type { RunInfo } from '../features/runs/run-info.ts';
import type { AppStore } from './app-store.ts';

export type DatasetKind = 'mnist' | 'fashion-mnist' | 'folder';

export interface DatasetChoice {
  kind: DatasetKind;
  /** The image folder, for kind 'folder'. */
  path: string;
  /** Cap on training images; null uses them all. */
  limit: number | null;
}

/** What the training panel edits and the project file keeps. */
export interface TrainingSettings {
  config: TrainConfig;
  dataset: DatasetChoice;
}

/** The engine's backend ladder result, as shown in the panel. */
export interface BackendInfo {
  name: string;
  reason: string;
  skipped: { name: string; why: string }[];
}

export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = {
  config: DEFAULT_TRAIN_CONFIG,
  dataset: { kind: 'mnist', path: '', limit: null },
};

export interface TrainingSlice {
  training: TrainingSettings;
  live: LiveRun;
  backendInfo: BackendInfo | null;
  /** Run ids picked in the runs view for overlaying curves and comparing (in click order). */
  pickedRuns: string[];
  /** Every run of the data folder, newest first; null until first loaded. */
  runs: RunInfo[] | null;
  /** The run whose details (confusion matrix, gallery, drawing) are shown. */
  openedRun: string | null;

  setTrainConfig(patch: Partial<TrainConfig>): void;
  setDataset(patch: Partial<DatasetChoice>): void;
  /** Replaces the settings, e.g. from an opened project; unknown fields fall back to defaults. */
  loadTrainingSettings(settings: Partial<TrainingSettings> | null | undefined): void;
  /** The UI asked the engine to start: clears the previous live run. */
  trainStarting(): void;
  /** The UI asked the engine to stop: shows "stopping" until the engine says it stopped. */
  trainStopping(): void;
  /** The engine refused or failed before sending events. */
  trainFailed(message: string): void;
  applyTrainEvents(events: readonly TrainEvent[]): void;
  setBackendInfo(info: BackendInfo | null): void;
  togglePickedRun(runId: string): void;
  setRuns(runs: RunInfo[]): void;
  openRun(runId: string | null): void;
  /** A run stopped before its test gets the accuracy its saved model scores on the test set. */
  setEvaluatedAccuracy(runId: string, accuracy: number): void;
}

export const createTrainingSlice: StateCreator<AppStore, [], [], TrainingSlice> = (set, get) => ({
  training: DEFAULT_TRAINING_SETTINGS,
  live: emptyLiveRun(),
  backendInfo: null,
  pickedRuns: [],
  runs: null,
  openedRun: null,

  setTrainConfig: (patch) =>
    set({ training: { ...get().training, config: { ...get().training.config, ...patch } } }),
  setDataset: (patch) =>
    set({ training: { ...get().training, dataset: { ...get().training.dataset, ...patch } } }),
  loadTrainingSettings(settings) {
    set({
      training: {
        config: { ...DEFAULT_TRAIN_CONFIG, ...(settings?.config ?? {}) },
        dataset: { ...DEFAULT_TRAINING_SETTINGS.dataset, ...(settings?.dataset ?? {}) },
      },
    });
  },
  trainStarting: () => set({ live: emptyLiveRun('starting') }),
  trainStopping() {
    const live = get().live;
    if (live.status === 'running' || live.status === 'paused' || live.status === 'starting') {
      set({ live: { ...live, status: 'stopping' } });
    }
  },
  trainFailed: (message) => set({ live: { ...get().live, status: 'failed', message } }),
  applyTrainEvents: (events) => set({ live: applyEvents(get().live, events) }),
  setBackendInfo: (backendInfo) => set({ backendInfo }),
  togglePickedRun(runId) {
    const picked = get().pickedRuns;
    set({ pickedRuns: picked.includes(runId) ? picked.filter((id) => id !== runId) : [...picked, runId] });
  },
  setRuns(runs) {
    const ids = new Set(runs.map((r) => r.id));
    const opened = get().openedRun;
    set({
      runs,
      pickedRuns: get().pickedRuns.filter((id) => ids.has(id)),
      openedRun: opened && ids.has(opened) ? opened : null,
    });
  },
  openRun: (openedRun) => set({ openedRun }),
  setEvaluatedAccuracy(runId, accuracy) {
    const runs = get().runs;
    if (!runs?.some((r) => r.id === runId && r.testAccuracy === null)) return;
    set({
      runs: runs.map((r) =>
        r.id === runId && r.testAccuracy === null
          ? { ...r, testAccuracy: accuracy, errorRate: 1 - accuracy, evaluated: true }
          : r,
      ),
    });
  },
});
