// `export`: Keras Python, Keras JSON and tfjs out of templates and runs, and back in as the same graph.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../src/engine/build-model.ts';
import { loadModelFromDir, saveModelToDir } from '../../src/engine/model-io.ts';
import { createRun } from '../../src/engine/runs.ts';
import { fromKerasJson } from '../../src/shared/graph/keras.ts';
import { plan } from '../../src/shared/graph/plan.ts';
import type { GraphDoc } from '../../src/shared/graph/schema.ts';
import { getTemplate } from '../../src/shared/graph/templates/index.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/shared/training.ts';

const out = mkdtempSync(join(tmpdir(), 'export-'));
let runDir = '';
let trained: Float32Array[] = [];

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'export', ...args], {
    encoding: 'utf8',
  });
}

/** Layer types, params and output shapes in order: what "the same graph" means to a user. */
function shapeOf(doc: GraphDoc) {
  const p = plan(doc);
  assert.deepEqual(p.errors, []);
  return p.order.map((id) => {
    const n = doc.nodes.find((x) => x.id === id)!;
    return [n.type, n.name, p.nodes[id].params, p.nodes[id].outputShape];
  });
}

before(async () => {
  await tf.setBackend('cpu');
  const model = buildModel(getTemplate('mnist-convnet')!);
  trained = model.getWeights().map((w) => w.dataSync() as Float32Array);
  const run = createRun(join(out, 'data'), {
    graph: getTemplate('mnist-convnet')!,
    config: { ...DEFAULT_TRAIN_CONFIG, optimizer: 'adam', learningRate: 0.0005, epochs: 3 },
    dataset: { kind: 'mnist' },
  });
  runDir = run.dir;
  await saveModelToDir(model, join(runDir, 'best'));
  model.dispose();
});

test('a run exports as a Keras script that compiles and loads its trained weights from beside it', () => {
  const file = join(out, 'py', 'convnet.py');
  const r = cli(runDir, '--format', 'keras-py', '--out', file);
  assert.equal(r.status, 0, r.stderr);
  const src = readFileSync(file, 'utf8');
  assert.match(src, /WEIGHTS_MODEL_JSON = "convnet_weights\/model.json"/);
  assert.match(src, /Adam\(learning_rate=0\.0005\)/);
  assert.match(src, /default=3\)/);
  assert.ok(existsSync(join(out, 'py', 'convnet_weights', 'weights.bin')));
  const c = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
  assert.equal(c.status, 0, c.stderr);
});

test('a run exports as tfjs with its trained weights, and imports back as the same graph', async () => {
  const dir = join(out, 'tfjs');
  const r = cli(runDir, '--format', 'tfjs', '--out', dir);
  assert.equal(r.status, 0, r.stderr);
  const model = await loadModelFromDir(dir);
  model.getWeights().forEach((w, i) => assert.deepEqual(w.dataSync(), trained[i]));
  model.dispose();
  const back = fromKerasJson(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')));
  assert.deepEqual(shapeOf(back), shapeOf(getTemplate('mnist-convnet')!));
});

test('a template exports as Keras JSON that imports back as the same graph and loads in tfjs', async () => {
  for (const name of ['mnist-convnet', 'small-convnet']) {
    const file = join(out, `${name}.json`);
    const r = cli(name, '--format', 'keras-json', '--out', file);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(shapeOf(fromKerasJson(json)), shapeOf(getTemplate(name)!));
    const model = await tf.models.modelFromJSON(json);
    assert.equal(model.countParams(), plan(getTemplate(name)!).totalParams);
    model.dispose();
  }
});

test('bad sources and broken graphs are refused with a reason, writing nothing', () => {
  const missing = cli('no-such-template', '--format', 'tfjs', '--out', join(out, 'x'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /No file, folder or template named "no-such-template"/);
  const broken = getTemplate('mnist-convnet')!;
  const conv = broken.nodes.filter((n) => n.type === 'Conv2D')[2];
  if (conv.type === 'Conv2D') conv.params.kernel_size = [7, 7];
  const file = join(out, 'broken.json');
  writeFileSync(file, JSON.stringify(broken));
  const r = cli(file, '--format', 'keras-py', '--out', join(out, 'broken.py'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /fix them before exporting/);
  assert.ok(!existsSync(join(out, 'broken.py')));
  const fmt = cli('mnist-convnet', '--format', 'onnx', '--out', join(out, 'y'));
  assert.equal(fmt.status, 2);
  assert.match(fmt.stderr, /Unknown format "onnx"/);
});
