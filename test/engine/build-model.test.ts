// buildModel(): the tfjs model equals plan() on params (trainable and not) and every layer's output shape.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { buildModel, GraphPlanError } from '../../src/engine/build-model.ts';
import { plan } from '../../src/shared/graph/plan.ts';
import { TEMPLATES } from '../../src/shared/graph/templates/index.ts';
import type { GraphDoc } from '../../src/shared/graph/schema.ts';

before(async () => {
  await tf.setBackend('cpu');
});

const fixtureDir = join(import.meta.dirname, '..', 'fixtures', 'graphs');
const fixtures = (dir: string) =>
  readdirSync(join(fixtureDir, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      name: `${dir}/${f}`,
      graph: (JSON.parse(readFileSync(join(fixtureDir, dir, f), 'utf8')) as { graph: GraphDoc }).graph,
    }));

const graphs = [
  ...TEMPLATES.map((t) => ({ name: `template ${t.name}`, graph: t.build() })),
  ...fixtures('valid'),
];
const weightCount = (ws: tf.LayerVariable[]) =>
  ws.reduce((a, w) => a + w.shape.reduce<number>((x, d) => x * (d ?? 0), 1), 0);

for (const { name, graph } of graphs) {
  test(`${name}: tfjs model and plan agree on params and output shapes`, () => {
    const before = tf.memory().numTensors;
    const p = plan(graph);
    const model = buildModel(graph);
    try {
      assert.equal(model.countParams(), p.totalParams);
      assert.equal(weightCount(model.trainableWeights), p.trainableParams);
      assert.equal(weightCount(model.nonTrainableWeights), p.nonTrainableParams);
      assert.equal(model.layers.length, graph.nodes.length);
      const idByName = new Map(graph.nodes.map((n) => [n.name, n.id]));
      for (const layer of model.layers) {
        const id = idByName.get(layer.name);
        assert.ok(id, `layer ${layer.name} comes from a node`);
        const shape = layer.outputShape as (number | null)[];
        assert.deepEqual(shape, p.nodes[id].outputShape, `${layer.name} output shape`);
        assert.equal(layer.countParams(), p.nodes[id].params, `${layer.name} params`);
      }
      assert.deepEqual(
        model.outputs.map((o) => o.shape),
        p.outputs.map((id) => p.nodes[id].outputShape),
      );
    } finally {
      model.dispose();
    }
    assert.equal(tf.memory().numTensors, before, 'every weight disposed');
  });
}

test('a residual model runs forward and its output has the planned shape', () => {
  const graph = fixtures('valid').find((f) => f.name.endsWith('residual-add.json'))?.graph as GraphDoc;
  const before = tf.memory().numTensors;
  const model = buildModel(graph);
  const y = tf.tidy(() => model.predict(tf.ones([2, 16, 16, 8])) as tf.Tensor);
  assert.deepEqual(y.shape, [2, 10]);
  const sums = tf.tidy(() => y.sum(1).arraySync() as number[]);
  for (const s of sums) assert.ok(Math.abs(s - 1) < 1e-4, 'softmax rows sum to 1');
  y.dispose();
  model.dispose();
  assert.equal(tf.memory().numTensors, before);
});

test('Concatenate receives its inputs in targetIndex order, whatever the edge order', () => {
  const graph = fixtures('valid').find((f) => f.name.endsWith('inception-concat.json'))?.graph as GraphDoc;
  const reversed: GraphDoc = { ...graph, edges: [...graph.edges].reverse() };
  const model = buildModel(reversed);
  const concat = model.getLayer('concatenate');
  const sources = concat.inboundNodes[0].inboundLayers.map((l) => l.name);
  assert.deepEqual(sources, ['conv2d', 'conv2d_2', 'conv2d_4', 'conv2d_5']);
  model.dispose();
});

test('frozen layers stay frozen in tfjs', () => {
  const graph = fixtures('valid').find((f) => f.name.endsWith('batchnorm-frozen.json'))?.graph as GraphDoc;
  const model = buildModel(graph);
  assert.equal(model.getLayer('conv2d').trainable, false);
  assert.equal(model.getLayer('batch_normalization').trainable, true);
  assert.equal(model.getLayer('batch_normalization_1').trainable, false);
  model.dispose();
});

test('an invalid graph throws GraphPlanError listing every error, and builds nothing', () => {
  const graph = fixtures('invalid').find((f) => f.name.endsWith('several-faults.json'))?.graph as GraphDoc;
  const before = tf.memory().numTensors;
  assert.throws(
    () => buildModel(graph),
    (e: unknown) =>
      e instanceof GraphPlanError &&
      e.errors.length === 2 &&
      /conv2d/.test(e.message) &&
      /Flatten/.test(e.message),
  );
  assert.equal(tf.memory().numTensors, before);
});
