// Pretrained bases on the engine side: weights copied exactly from a run or a URL, frozen layers untouched by training.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { addBaseFrom, buildModelWithBases, loadBaseWeights } from '../../src/engine/bases.ts';
import { buildModel } from '../../src/engine/build-model.ts';
import { saveModelToDir } from '../../src/engine/model-io.ts';
import { initBackend } from '../../src/engine/backend.ts';
import { loadDataset } from '../../src/engine/datasets/index.ts';
import { train } from '../../src/engine/train.ts';
import { getTemplate } from '../../src/shared/graph/templates/index.ts';
import { plan } from '../../src/shared/graph/plan.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/shared/training.ts';
import type { GraphDoc } from '../../src/shared/graph/schema.ts';

const runDir = mkdtempSync(join(tmpdir(), 'base-run-'));
let server: Server;
let url = '';
let savedWeights: Float32Array[] = [];

before(async () => {
  await initBackend({ prefer: 'wasm' });
  const source = buildModel(getTemplate('mnist-convnet')!);
  savedWeights = source.getWeights().map((w) => w.dataSync() as Float32Array);
  await saveModelToDir(source, join(runDir, 'best'));
  source.dispose();
  server = createServer((req, res) => {
    const file = join(runDir, 'best', (req.url ?? '/').replace(/^\//, ''));
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/model.json`;
});

after(() => server.close());

/** The course's conv base (up to the third Conv2D), frozen, with a new 5-class head. */
function withHead(base: GraphDoc, outputNodeId: string): GraphDoc {
  return {
    ...base,
    nodes: [
      ...base.nodes,
      { id: 'flat', type: 'Flatten', name: 'head_flatten', params: {}, position: { x: 0, y: 800 } },
      {
        id: 'out',
        type: 'Dense',
        name: 'head_out',
        params: { units: 5, activation: 'softmax', use_bias: true },
        position: { x: 0, y: 900 },
      },
    ],
    edges: [
      ...base.edges,
      { id: 'h1', source: outputNodeId, target: 'flat' },
      { id: 'h2', source: 'flat', target: 'out' },
    ],
  };
}

const empty: GraphDoc = { version: 1, name: 'transfer', nodes: [], edges: [] };

test('a base placed from a run brings its saved weights, bit for bit', async () => {
  const placed = await addBaseFrom(empty, { kind: 'run', runDir }, { upTo: 'conv2d_2' });
  const doc = withHead(placed.doc, placed.outputNodeId);
  assert.deepEqual(plan(doc).errors, []);
  const before = tf.memory().numTensors;
  const model = await buildModelWithBases(doc);
  const conv = model.layers.filter((l) => l.getClassName() === 'Conv2D');
  const got = conv.flatMap((l) => l.getWeights().map((w) => w.dataSync() as Float32Array));
  assert.equal(got.length, 6);
  got.forEach((w, i) => assert.deepEqual(w, savedWeights[i]));
  model.dispose();
  assert.equal(tf.memory().numTensors, before);
});

test('a base can be loaded from a model.json URL', async () => {
  const placed = await addBaseFrom(empty, { kind: 'url', url }, { upTo: 'max_pooling2d_1' });
  const doc = withHead(placed.doc, placed.outputNodeId);
  const model = await buildModelWithBases(doc);
  assert.equal(model.countParams(), 320 + 18_496 + 5 * 5 * 64 * 5 + 5);
  const first = model.layers.find((l) => l.getClassName() === 'Conv2D')!;
  assert.deepEqual(first.getWeights()[0].dataSync(), savedWeights[0]);
  model.dispose();
  await assert.rejects(
    addBaseFrom(empty, { kind: 'url', url: url.replace('model.json', 'nothing.json') }),
    /pretrained base could not be loaded from http:\/\/127\.0\.0\.1:\d+\/nothing\.json/,
  );
});

test('training with a frozen base leaves its weights bit-identical and moves the head', async () => {
  const placed = await addBaseFrom(empty, { kind: 'run', runDir }, { upTo: 'conv2d_2' });
  const doc = withHead(placed.doc, placed.outputNodeId);
  const model = await buildModelWithBases(doc);
  const data = loadDataset({ kind: 'mnist', limit: 640 }, [28, 28, 1]);
  const five = (set: typeof data.train) => ({
    ...set,
    labels: set.labels.map((l) => l % 5),
    classNames: ['0', '1', '2', '3', '4'],
  });
  const snapshot = () => model.layers.map((l) => l.getWeights().map((w) => Array.from(w.dataSync())));
  const beforeW = snapshot();
  const result = await train(
    model,
    { ...data, train: five(data.train), test: five(data.test) },
    { ...DEFAULT_TRAIN_CONFIG, epochs: 1, validationSplit: 0, keepBest: false },
    () => {},
  );
  assert.equal(result.status, 'completed');
  const afterW = snapshot();
  model.layers.forEach((l, i) => {
    if (l.getClassName() === 'Conv2D') assert.deepEqual(afterW[i], beforeW[i], `${l.name} must stay frozen`);
    if (l.name === 'head_out') assert.notDeepEqual(afterW[i], beforeW[i], 'the new head must learn');
  });
  model.dispose();
});

test('a base whose saved model changed is refused with the layer named', async () => {
  const placed = await addBaseFrom(empty, { kind: 'run', runDir }, { upTo: 'conv2d_2' });
  const doc = withHead(placed.doc, placed.outputNodeId);
  const conv = doc.nodes.find((n) => n.name === 'conv2d_1')!;
  if (conv.type === 'Conv2D') conv.params.filters = 16;
  const model = buildModel(doc);
  await assert.rejects(
    loadBaseWeights(model, doc),
    /Layer conv2d_1 of the base .* has weights 3x3x32x16, 16 in this graph but 3x3x32x64, 64/,
  );
  model.dispose();
});
