// Keras JSON against the real tfjs: it loads what toKerasJson writes, and what tfjs writes imports back.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../src/engine/build-model.ts';
import { fromKerasJson, toKerasJson } from '../../src/shared/graph/keras.ts';
import { plan } from '../../src/shared/graph/plan.ts';
import { TEMPLATES } from '../../src/shared/graph/templates/index.ts';
import type { GraphDoc } from '../../src/shared/graph/schema.ts';

before(async () => {
  await tf.setBackend('cpu');
});

const fixtureDir = join(import.meta.dirname, '..', 'fixtures');
const graphs = [
  ...TEMPLATES.map((t) => ({ name: `template ${t.name}`, graph: t.build() })),
  ...readdirSync(join(fixtureDir, 'graphs', 'valid'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      name: f,
      graph: (JSON.parse(readFileSync(join(fixtureDir, 'graphs', 'valid', f), 'utf8')) as { graph: GraphDoc })
        .graph,
    })),
];
const names = (doc: GraphDoc) => doc.nodes.map((n) => `${n.type}:${n.name}`).sort();

for (const { name, graph } of graphs) {
  test(`${name}: tf.models.modelFromJSON loads toKerasJson, and tfjs's own toJSON imports back`, async () => {
    const start = tf.memory().numTensors;
    const p = plan(graph);
    const loaded = await tf.models.modelFromJSON(toKerasJson(graph) as unknown as tf.io.ModelJSON);
    assert.equal(loaded.countParams(), p.totalParams);
    const idByName = new Map(graph.nodes.map((n) => [n.name, n.id]));
    for (const layer of loaded.layers) {
      const id = idByName.get(layer.name) as string;
      assert.deepEqual(layer.outputShape, p.nodes[id].outputShape, layer.name);
      const node = graph.nodes.find((n) => n.id === id);
      // tfjs marks every InputLayer non-trainable; it has no weights either way.
      if (node?.type !== 'InputLayer')
        assert.equal(layer.trainable, node?.trainable !== false, `${layer.name} trainable`);
    }
    loaded.dispose();

    const built = buildModel(graph);
    const back = fromKerasJson(built.toJSON(undefined, false));
    built.dispose();
    assert.deepEqual(names(back), names(graph));
    const q = plan(back);
    assert.deepEqual(
      [q.totalParams, q.trainableParams, q.nonTrainableParams],
      [p.totalParams, p.trainableParams, p.nonTrainableParams],
    );
    assert.equal(tf.memory().numTensors, start);
  });
}

test('a saved tfjs model.json ({modelTopology, weightsManifest}) imports', async () => {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [12, 12, 3],
        filters: 4,
        kernelSize: 3,
        activation: 'relu',
        name: 'c1',
      }),
      tf.layers.maxPooling2d({ poolSize: 2, name: 'p1' }),
      tf.layers.batchNormalization({ name: 'bn' }),
      tf.layers.flatten({ name: 'f' }),
      tf.layers.dense({ units: 3, activation: 'softmax', name: 'out' }),
    ],
  });
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  assert.ok(saved);
  const modelJson = {
    modelTopology: saved.modelTopology,
    format: 'layers-model',
    weightsManifest: [{ paths: ['weights.bin'], weights: saved.weightSpecs }],
  };
  const doc = fromKerasJson(JSON.parse(JSON.stringify(modelJson)));
  const p = plan(doc);
  assert.equal(p.ok, true, JSON.stringify(p.errors));
  assert.equal(p.totalParams, model.countParams());
  assert.equal(p.nonTrainableParams, 8);
  assert.deepEqual(
    doc.nodes.map((n) => n.name),
    ['input_layer', 'c1', 'p1', 'bn', 'f', 'out'],
  );
  assert.deepEqual(doc.nodes[1].params, {
    filters: 4,
    kernel_size: [3, 3],
    strides: [1, 1],
    padding: 'valid',
    activation: 'relu',
    use_bias: true,
  });
  model.dispose();
});

test('hand-written Keras 3 JSON builds in tfjs once imported (the loader tfjs lacks)', () => {
  for (const file of [
    'keras3-mnist-convnet-sequential.json',
    'keras3-residual-functional.json',
    'keras3-two-inputs-two-outputs.json',
  ]) {
    const doc = fromKerasJson(JSON.parse(readFileSync(join(fixtureDir, 'keras', file), 'utf8')));
    const model = buildModel(doc);
    assert.equal(model.countParams(), plan(doc).totalParams, file);
    model.dispose();
  }
});
