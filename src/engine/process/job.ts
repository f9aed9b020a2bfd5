// One training job as the engine process runs it: backend, model, data, run folder, training, result.
import * as tf from '@tensorflow/tfjs';
import type { DoneEvent, TrainEvent } from '../../shared/training.ts';
import { buildModelWithBases } from '../bases.ts';
import { loadDataset } from '../datasets/index.ts';
import { seedMathRandom } from '../datasets/prng.ts';
import { appendMetric, createRun, saveModelToDir, writeResult } from '../runs.ts';
import { train, TrainControl, type TrainResult } from '../train.ts';
import { initBackend, type BackendChoice } from '../backend.ts';
import type { TrainRequest } from './protocol.ts';
import type { LiveWatch } from './watch.ts';
import { join } from 'node:path';

/** Events worth keeping in metrics.jsonl: everything but the per-batch stream. */
const RECORDED = new Set<TrainEvent['type']>(['start', 'epoch', 'test', 'stopped', 'error']);

/**
 * Runs a training request to the end and returns its `done` event; never throws. Events reach
 * `sink` in order; every completed epoch is on disk (models first, then its metrics line).
 */
export async function runTrainingJob(
  req: TrainRequest,
  sink: (e: TrainEvent) => void,
  control = new TrainControl(),
  chooseBackend: (prefer?: string) => Promise<BackendChoice> = (prefer) => initBackend({ prefer }),
  watch?: LiveWatch,
): Promise<DoneEvent> {
  const restoreRandom = seedMathRandom(req.config.seed);
  let model: tf.LayersModel | null = null;
  let runDir: string | null = null;
  const fail = (code: 'data' | 'model' | 'internal', err: unknown): DoneEvent => {
    const message = err instanceof Error ? err.message : String(err);
    const event: TrainEvent = { type: 'error', code, message };
    sink(event);
    if (runDir) {
      appendMetric(runDir, event);
      writeResult(runDir, {
        status: 'failed',
        epochs_completed: 0,
        best_epoch: null,
        test_loss: null,
        test_accuracy: null,
        tested_epoch: null,
        error: message,
        finishedAt: new Date().toISOString(),
      });
    }
    return {
      type: 'done',
      status: 'failed',
      test_accuracy: null,
      test_loss: null,
      run_dir: runDir,
      epochs_completed: 0,
    };
  };
  try {
    let backend: BackendChoice;
    try {
      backend = await chooseBackend(req.backend);
    } catch (err) {
      return fail('internal', err);
    }
    for (const s of backend.skipped) sink({ type: 'info', message: `${s.name}: ${s.why}.` });
    const threads = backend.threads > 0 ? `, ${backend.threads} thread(s)` : '';
    sink({ type: 'info', message: `Training on ${backend.name}${threads}: ${backend.reason}.` });
    try {
      model = await buildModelWithBases(req.graph);
    } catch (err) {
      return fail('model', err);
    }
    const inputShape = model.inputs[0]!.shape.slice(1) as number[];
    let data;
    try {
      const t0 = Date.now();
      data = loadDataset(req.dataset, inputShape, req.config.seed);
      sink({
        type: 'info',
        message: `Loaded ${data.name}: ${data.train.count} training and ${data.test.count} test images of ${inputShape.join('x')} in ${((Date.now() - t0) / 1000).toFixed(1)} s.`,
      });
    } catch (err) {
      return fail('data', err);
    }
    const run = createRun(req.dataDir, {
      name: req.name,
      graph: req.graph,
      config: req.config,
      dataset: req.dataset,
      backend: backend.name,
    });
    runDir = run.dir;
    sink({ type: 'run', runId: run.id, runDir: run.dir });
    const dir = run.dir;
    let pending: TrainEvent | null = null;
    const result: TrainResult = await train(
      model,
      data,
      req.config,
      (e) => {
        if (e.type === 'epoch') pending = e;
        else if (RECORDED.has(e.type)) appendMetric(dir, e);
        sink(e);
      },
      control,
      {
        onEpochEnd: async (m, epoch) => {
          await saveModelToDir(m, join(dir, 'last'));
          if (epoch.best && req.config.keepBest) await saveModelToDir(m, join(dir, 'best'));
          if (pending) appendMetric(dir, pending);
          pending = null;
        },
        ...(watch ? { onBatchEnd: (m, epoch, batch) => watch.onBatchEnd(m, epoch, batch) } : {}),
      },
    );
    writeResult(dir, {
      status: result.status,
      epochs_completed: result.epochsCompleted,
      best_epoch: result.bestEpoch,
      test_loss: result.test?.loss ?? null,
      test_accuracy: result.test?.accuracy ?? null,
      tested_epoch: result.test?.epoch ?? null,
      ...(result.error ? { error: result.error.message } : {}),
      finishedAt: new Date().toISOString(),
    });
    return {
      type: 'done',
      status: result.status,
      test_accuracy: result.test?.accuracy ?? null,
      test_loss: result.test?.loss ?? null,
      run_dir: dir,
      epochs_completed: result.epochsCompleted,
    };
  } catch (err) {
    return fail('internal', err);
  } finally {
    model?.dispose();
    restoreRandom();
  }
}
