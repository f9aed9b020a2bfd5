// Runs on disk: the data folder, model save/load round trip, run records, and a stopped job's completed epochs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  appendFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { registerWasmTrainingKernels } from '../../src/engine/wasm/register.ts';
import { buildModel } from '../../src/engine/build-model.ts';
import {
  appendMetric,
  createRun,
  defaultDataDir,
  deleteRun,
  listRuns,
  loadModelFromDir,
  readRun,
  renameRun,
  saveModelToDir,
  writeResult,
} from '../../src/engine/runs.ts';
import { runTrainingJob } from '../../src/engine/process/job.ts';
import { TrainControl } from '../../src/engine/train-control.ts';
import { getTemplate } from '../../src/shared/graph/templates/index.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainEvent } from '../../src/shared/training.ts';

before(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'runs-'));
}

test('the data folder: CONVNET_STUDIO_DATA, else the platform app-data place', () => {
  assert.equal(defaultDataDir({ CONVNET_STUDIO_DATA: '/x/y' }, 'linux'), '/x/y');
  assert.equal(defaultDataDir({ HOME: '/h', XDG_DATA_HOME: '/xdg' }, 'linux'), '/xdg/convnet-studio');
  assert.equal(defaultDataDir({ HOME: '/h' }, 'linux'), '/h/.local/share/convnet-studio');
  assert.equal(defaultDataDir({ HOME: '/h' }, 'darwin'), '/h/Library/Application Support/Convnet Studio');
  assert.match(
    defaultDataDir({ HOME: '/h', APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32'),
    /Roaming.Convnet Studio$/,
  );
});

test('a saved model loads back with the same weights and predictions, leaving no temp files', async () => {
  const dir = tmp();
  try {
    const model = buildModel(getTemplate('mnist-convnet')!);
    await saveModelToDir(model, join(dir, 'm'));
    await saveModelToDir(model, join(dir, 'm')); // overwriting is fine
    assert.deepEqual(readdirSync(join(dir, 'm')).sort(), ['model.json', 'weights.bin']);
    const loaded = await loadModelFromDir(join(dir, 'm'));
    const x = tf.randomUniform([2, 28, 28, 1]);
    const a = model.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    assert.deepEqual(Array.from(b.dataSync()), Array.from(a.dataSync()));
    assert.equal(loaded.countParams(), 93322);
    tf.dispose([x, a, b]);
    model.dispose();
    loaded.dispose();
    await assert.rejects(loadModelFromDir(join(dir, 'nothing')), /does not exist/);
    appendFileSync(join(dir, 'm', 'weights.bin'), 'xx');
    await assert.rejects(loadModelFromDir(join(dir, 'm', 'model.json')), /the model is damaged/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('run records: create, append, read (a cut-short last line is skipped), list, rename, delete', () => {
  const data = tmp();
  try {
    const graph = getTemplate('mnist-dense')!;
    const a = createRun(data, { graph, config: DEFAULT_TRAIN_CONFIG, dataset: { kind: 'mnist', limit: 10 } });
    const ev: TrainEvent = {
      type: 'epoch',
      epoch: 1,
      loss: 1,
      accuracy: 0.5,
      val_loss: null,
      val_accuracy: null,
      seconds: 1,
      best: true,
    };
    appendMetric(a.dir, ev);
    appendFileSync(join(a.dir, 'metrics.jsonl'), '{"type":"epo');
    const rec = readRun(a.dir);
    assert.equal(rec.meta.name, 'mnist-dense on mnist');
    assert.deepEqual(rec.events, [ev]);
    assert.equal(rec.result, null);
    assert.equal(rec.graph.name, 'mnist-dense');
    const b = createRun(data, {
      name: 'second',
      graph,
      config: DEFAULT_TRAIN_CONFIG,
      dataset: { kind: 'fashion-mnist' },
    });
    writeResult(b.dir, {
      status: 'completed',
      epochs_completed: 0,
      best_epoch: null,
      test_loss: 0.1,
      test_accuracy: 0.97,
      tested_epoch: 1,
      finishedAt: new Date().toISOString(),
    });
    mkdirSync(join(data, 'runs', 'not-a-run'));
    const list = listRuns(data);
    assert.equal(list.length, 2);
    const byName = Object.fromEntries(list.map((r) => [r.name, r]));
    assert.equal(byName['mnist-dense on mnist']!.status, 'interrupted');
    assert.equal(byName['mnist-dense on mnist']!.epochsCompleted, 1);
    assert.equal(byName.second!.testAccuracy, 0.97);
    renameRun(a.dir, '  My first run ');
    assert.equal(readRun(a.dir).meta.name, 'My first run');
    assert.throws(() => renameRun(a.dir, '  '), /needs a name/);
    assert.throws(
      () => deleteRun(join(data, 'runs', 'not-a-run')),
      /not a training run; nothing was deleted/,
    );
    deleteRun(b.dir);
    assert.equal(existsSync(b.dir), false);
    assert.deepEqual(
      listRuns(data).map((r) => r.name),
      ['My first run'],
    );
    assert.deepEqual(listRuns(join(data, 'missing')), []);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});

test('a job paused, resumed and stopped midway keeps its completed epochs on disk, readable', async () => {
  const data = tmp();
  try {
    const control = new TrainControl();
    const events: TrainEvent[] = [];
    let paused = false;
    const done = await runTrainingJob(
      {
        graph: getTemplate('mnist-dense')!,
        config: { ...DEFAULT_TRAIN_CONFIG, epochs: 5, batchSize: 32 },
        dataset: { kind: 'mnist', limit: 600 },
        dataDir: data,
      },
      (e) => {
        events.push(e);
        if (e.type === 'batch' && e.epoch === 2 && !paused) {
          paused = true;
          control.pause();
          setTimeout(() => control.resume(), 30);
        }
        if (e.type === 'resumed') control.stop();
      },
      control,
    );
    assert.equal(done.status, 'stopped');
    assert.equal(done.epochs_completed, 1);
    assert.ok(done.run_dir);
    const types = events.map((e) => e.type);
    assert.ok(types.includes('paused') && types.includes('resumed') && types.includes('stopped'));
    const rec = readRun(done.run_dir);
    assert.equal(rec.result?.status, 'stopped');
    assert.deepEqual(
      rec.events.filter((e) => e.type === 'epoch').map((e) => (e as { epoch: number }).epoch),
      [1],
    );
    assert.ok(rec.hasLast && rec.hasBest);
    const model = await loadModelFromDir(done.run_dir);
    assert.equal(model.countParams(), 407050);
    model.dispose();
    const config = JSON.parse(readFileSync(join(done.run_dir, 'config.json'), 'utf8'));
    assert.equal(config.config.epochs, 5);
    assert.equal(listRuns(data)[0]!.status, 'stopped');
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});
