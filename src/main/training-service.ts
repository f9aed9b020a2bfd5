// Training and runs for a host (Electron main or the server): the engine process, the run folders, the backend.
// Imports no electron and no tfjs up front: tfjs loads only when the backend or a preview is asked for.
import { join } from 'node:path';
import type { EventSink } from '../shared/ipc/contract';
import type { AugmentPreviewResult, BackendInfo } from '../shared/ipc/channels/train';
import type { ProbeInput } from '../shared/ipc/channels/probe';
import type { RunListItem, RunRecordPayload } from '../shared/ipc/channels/runs';
import type { GraphDoc } from '../shared/graph/schema';
import type { AugmentationConfig, DatasetSpec, DoneEvent, TrainConfig } from '../shared/training';
import { EngineHost, forkEngine, type SpawnEngine } from '../engine/process/host';
import { tensorPayload } from '../shared/ipc/payloads';

export interface StartRequest {
  graph: GraphDoc;
  config: TrainConfig;
  dataset: DatasetSpec;
  name?: string;
  backend?: string;
}

export interface TrainingService {
  readonly busy: boolean;
  start(req: StartRequest): void;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Watch an input while runs train (null stops): its live maps go out as 'train:feature-maps'. */
  watch(input: ProbeInput | null, every?: number): void;
  backend(): Promise<BackendInfo>;
  augmentPreview(req: {
    dataset: DatasetSpec;
    inputShape: number[];
    augmentation: AugmentationConfig;
    count: number;
    seed: number;
  }): Promise<AugmentPreviewResult>;
  listRuns(): Promise<RunListItem[]>;
  readRun(id: string): Promise<RunRecordPayload>;
  renameRun(id: string, name: string): Promise<void>;
  deleteRun(id: string): Promise<void>;
  /** Ends the engine process; a run in progress keeps its completed epochs on disk. */
  dispose(): void;
}

export interface TrainingServiceOptions {
  events: EventSink;
  /** Where runs live; default: the app's data folder. */
  dataDir?: string;
  /** How to start the engine process; default: child_process.fork of the engine entry (Electron passes utilityProcess). */
  spawn?: SpawnEngine;
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function createTrainingService(opts: TrainingServiceOptions): TrainingService {
  const host = new EngineHost(opts.spawn ?? forkEngine());
  let backendInfo: Promise<BackendInfo> | null = null;
  const runs = () => import('../engine/runs');
  const dataDir = async () => opts.dataDir ?? (await runs()).defaultDataDir();
  const runDir = async (id: string) => {
    if (!RUN_ID.test(id) || id.includes('..'))
      throw new Error(`"${id}" is not a run id; pick a run from the runs table.`);
    return join((await runs()).runsDir(await dataDir()), id);
  };

  return {
    get busy() {
      return host.busy;
    },
    start(req) {
      if (host.busy) throw new Error('A training run is already going: stop it before starting another.');
      void dataDir().then((dir) =>
        host
          .train(
            { ...req, dataDir: dir },
            (event) => opts.events.emit('train:event', event),
            (live) => opts.events.emit('train:feature-maps', live),
          )
          .catch((err: unknown) => {
            const message = `The training engine could not start: ${err instanceof Error ? err.message : String(err)}. Try again.`;
            opts.events.emit('train:event', { type: 'error', code: 'internal', message });
            const done: DoneEvent = {
              type: 'done',
              status: 'failed',
              test_accuracy: null,
              test_loss: null,
              run_dir: null,
              epochs_completed: 0,
            };
            opts.events.emit('train:event', done);
          }),
      );
    },
    pause: () => host.pause(),
    resume: () => host.resume(),
    stop: () => host.stop(),
    watch: (input, every) => host.watch(input, every),
    backend() {
      backendInfo ??= import('../engine/backend').then(async ({ initBackend }) => {
        const b = await initBackend();
        return {
          name: b.name,
          reason: b.reason,
          skipped: b.skipped.map((s) => ({ name: s.name, why: s.why })),
        };
      });
      return backendInfo;
    },
    async augmentPreview({ dataset, inputShape, augmentation, count, seed }) {
      const [{ loadDataset }, { previewAugmentation }] = await Promise.all([
        import('../engine/datasets/index'),
        import('../engine/datasets/augment'),
      ]);
      // Only the first images are needed: a small limit keeps the preview instant.
      const data = loadDataset({ ...dataset, limit: Math.max(count, 16) }, inputShape, seed);
      const p = previewAugmentation(data.train, augmentation, { count, seed });
      return {
        images: tensorPayload('uint8', p.shape, p.pixels),
        labels: p.labels,
        classNames: data.train.classNames,
      };
    },
    async listRuns() {
      return (await runs())
        .listRuns(await dataDir())
        .map(({ id, name, createdAt, status, epochsCompleted, testAccuracy, dataset }) => ({
          id,
          name,
          createdAt,
          status,
          epochsCompleted,
          testAccuracy,
          dataset,
        }));
    },
    async readRun(id) {
      return (await runs()).readRun(await runDir(id));
    },
    async renameRun(id, name) {
      (await runs()).renameRun(await runDir(id), name);
    },
    async deleteRun(id) {
      (await runs()).deleteRun(await runDir(id));
    },
    dispose: () => host.dispose(),
  };
}
