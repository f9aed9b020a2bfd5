// Keras JSON both ways without tfjs: Keras 3 and Keras 2 samples import with Keras's shapes and params; round trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromKerasJson, KerasJsonError, toKerasJson } from '../../../src/shared/graph/keras.ts';
import { plan } from '../../../src/shared/graph/plan.ts';
import { TEMPLATES } from '../../../src/shared/graph/templates/index.ts';
import type { GraphDoc } from '../../../src/shared/graph/schema.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const keras = (f: string): unknown => JSON.parse(readFileSync(join(fixtures, 'keras', f), 'utf8'));
const graphs = (): { name: string; graph: GraphDoc }[] => [
  ...TEMPLATES.map((t) => ({ name: t.name, graph: t.build() })),
  ...readdirSync(join(fixtures, 'graphs', 'valid'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      name: f,
      graph: (JSON.parse(readFileSync(join(fixtures, 'graphs', 'valid', f), 'utf8')) as { graph: GraphDoc })
        .graph,
    })),
];

/** The graph without ids or positions: what a round trip must keep (a Reshape's -1 is written out resolved). */
function essence(doc: GraphDoc) {
  const name = new Map(doc.nodes.map((n) => [n.id, n.name]));
  const p = plan(doc);
  const params = (n: GraphDoc['nodes'][number]) =>
    n.type === 'Reshape' ? { target_shape: p.nodes[n.id].outputShape?.slice(1) } : n.params;
  return {
    nodes: doc.nodes
      .map((n) => ({ type: n.type, name: n.name, params: params(n), trainable: n.trainable !== false }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    edges: doc.edges
      .map((e) => ({
        source: name.get(e.source),
        target: name.get(e.target),
        targetIndex: e.targetIndex ?? 0,
      }))
      .sort((a, b) => `${a.target}${a.targetIndex}`.localeCompare(`${b.target}${b.targetIndex}`)),
  };
}

const summary = (doc: GraphDoc) => {
  const p = plan(doc);
  return { ok: p.ok, total: p.totalParams, trainable: p.trainableParams, frozen: p.nonTrainableParams, p };
};

test('Keras 3 Sequential (the course convnet, hand-written as to_json writes it) imports with 93,322 params', () => {
  const doc = fromKerasJson(keras('keras3-mnist-convnet-sequential.json'));
  const s = summary(doc);
  assert.equal(s.ok, true, JSON.stringify(s.p.errors));
  assert.equal(s.total, 93322);
  assert.deepEqual(
    doc.nodes.map((n) => n.name),
    [
      'input_layer',
      'conv2d',
      'max_pooling2d',
      'conv2d_1',
      'max_pooling2d_1',
      'conv2d_2',
      'flatten',
      'dense',
      'dense_1',
    ],
  );
  assert.deepEqual(s.p.nodes.conv2d_2.outputShape, [null, 3, 3, 64]);
  assert.deepEqual(doc.nodes[1].params, {
    filters: 32,
    kernel_size: [3, 3],
    strides: [1, 1],
    padding: 'valid',
    activation: 'relu',
    use_bias: true,
  });
  const ys = doc.nodes.map((n) => n.position.y);
  assert.ok(
    ys.every((y, i) => i === 0 || y > ys[i - 1]),
    'laid out top to bottom',
  );
});

test('Keras 3 Functional residual block: shapes, params, Add inputs in call order', () => {
  const doc = fromKerasJson(keras('keras3-residual-functional.json'));
  const s = summary(doc);
  assert.equal(s.ok, true, JSON.stringify(s.p.errors));
  assert.deepEqual([s.total, s.trainable, s.frozen], [3002, 2970, 32]);
  assert.deepEqual(s.p.nodes.add.sources, ['conv2d_1', 'conv2d']);
  assert.deepEqual(s.p.nodes.add.outputShape, [null, 32, 32, 16]);
  const add = doc.nodes.find((n) => n.name === 'add');
  const conv = doc.nodes.find((n) => n.name === 'conv2d');
  assert.ok(add && conv && add.position.y > conv.position.y);
});

test('Keras 3 with two inputs and two outputs keeps their order and the frozen layer', () => {
  const doc = fromKerasJson(keras('keras3-two-inputs-two-outputs.json'));
  const s = summary(doc);
  assert.equal(s.ok, true, JSON.stringify(s.p.errors));
  assert.deepEqual(s.p.inputs, ['pixels', 'extra']);
  assert.deepEqual(s.p.outputs, ['odd', 'digit']);
  assert.deepEqual([s.total, s.trainable, s.frozen], [351, 143, 208]);
  assert.deepEqual(s.p.nodes.concatenate.outputShape, [null, 12]);
  assert.equal(doc.nodes.find((n) => n.name === 'conv2d')?.trainable, false);
});

test('Keras 2 Functional (list-style inbound_nodes) and Keras 2 Sequential without an InputLayer', () => {
  const inception = summary(fromKerasJson(keras('keras2-inception-functional.json')));
  assert.equal(inception.total, 49250);
  assert.deepEqual(inception.p.nodes.concatenate.sources, [
    'conv2d_2',
    'conv2d',
    'conv2d_1',
    'average_pooling2d',
  ]);
  assert.deepEqual(inception.p.nodes.concatenate.outputShape, [null, 28, 28, 25]);
  const dense = fromKerasJson(keras('keras2-mnist-dense-sequential.json'));
  assert.equal(summary(dense).total, 407050);
  assert.deepEqual(dense.nodes[0].params, { shape: [28, 28, 1] });
  assert.equal(dense.nodes[0].type, 'InputLayer');
});

test('a Keras 3 Sequential without an InputLayer takes its shape from build_input_shape', () => {
  const seq = keras('keras3-mnist-convnet-sequential.json') as { config: { layers: unknown[] } };
  seq.config.layers.shift();
  const doc = fromKerasJson(seq);
  assert.deepEqual(doc.nodes[0].params, { shape: [28, 28, 1] });
  assert.equal(summary(doc).total, 93322);
});

test('a layer class the app cannot draw is named in the error', () => {
  assert.throws(
    () => fromKerasJson(keras('keras3-lstm-unsupported.json')),
    (e: unknown) =>
      e instanceof KerasJsonError && /'lstm' \(LSTM\)/.test(e.message) && /Conv2D/.test(e.message),
  );
});

test('unsupported options and damaged files give a sentence saying what to do', () => {
  const seq = keras('keras3-mnist-convnet-sequential.json') as {
    config: { layers: { config: Record<string, unknown> }[] };
  };
  const clone = () => structuredClone(seq);
  const dil = clone();
  dil.config.layers[1].config.dilation_rate = [2, 2];
  assert.throws(() => fromKerasJson(dil), /'conv2d' \(Conv2D\) uses dilation_rate \[2,2\]/);
  const cf = clone();
  cf.config.layers[2].config.data_format = 'channels_first';
  assert.throws(() => fromKerasJson(cf), /channels_first/);
  const free = clone();
  free.config.layers[0].config.batch_shape = [null, null, null, 1];
  assert.throws(() => fromKerasJson(free), /unknown size.*fixed sizes/);
  assert.throws(() => fromKerasJson('{not json'), /not valid JSON/);
  assert.throws(() => fromKerasJson({ hello: 1 }), /not a Keras model JSON/);
  const bnAxis = keras('keras3-residual-functional.json') as {
    config: { layers: { config: Record<string, unknown> }[] };
  };
  bnAxis.config.layers[2].config.axis = 1;
  assert.throws(
    () => fromKerasJson(bnAxis),
    /'batch_normalization' \(BatchNormalization\) normalises axis 1/,
  );
  bnAxis.config.layers[2].config.axis = [3];
  assert.equal(plan(fromKerasJson(bnAxis)).totalParams, 3002, 'axis [3] is the channels of a 4-D tensor');
  const shared = keras('keras3-residual-functional.json') as {
    config: { layers: { inbound_nodes: unknown[] }[] };
  };
  shared.config.layers[1].inbound_nodes.push(shared.config.layers[1].inbound_nodes[0]);
  assert.throws(() => fromKerasJson(shared), /'conv2d' is called 2 times/);
});

test('a JSON string, a tfjs model.json wrapper and class_name "Model" are read too', () => {
  const json = toKerasJson(TEMPLATES[0].build());
  const want = essence(fromKerasJson(json));
  assert.deepEqual(essence(fromKerasJson(JSON.stringify(json))), want);
  assert.deepEqual(essence(fromKerasJson({ modelTopology: json, weightsManifest: [] })), want);
  assert.deepEqual(essence(fromKerasJson({ ...json, class_name: 'Model' })), want);
});

for (const { name, graph } of graphs()) {
  test(`round trip doc -> Keras JSON -> doc keeps the graph: ${name}`, () => {
    const json = JSON.parse(JSON.stringify(toKerasJson(graph))) as unknown;
    const back = fromKerasJson(json);
    assert.deepEqual(essence(back), essence(graph));
    assert.equal(summary(back).total, summary(graph).total);
  });
}

test('toKerasJson writes a Functional model with Keras 2 fields', () => {
  const json = toKerasJson(TEMPLATES[0].build()) as {
    class_name: string;
    config: { layers: { class_name: string; config: Record<string, unknown>; inbound_nodes: unknown }[] };
  };
  assert.equal(json.class_name, 'Functional');
  const [input, conv] = json.config.layers;
  assert.deepEqual(input.config.batch_input_shape, [null, 28, 28, 1]);
  assert.deepEqual(conv.inbound_nodes, [[['input_layer', 0, 0, {}]]]);
  assert.equal(conv.config.kernel_size && conv.class_name, 'Conv2D');
});

test('toKerasJson refuses an invalid graph and lists its errors', () => {
  const doc = TEMPLATES[0].build();
  doc.edges = doc.edges.filter((e) => e.target !== 'flatten');
  assert.throws(
    () => toKerasJson(doc),
    (e: unknown) => e instanceof KerasJsonError && /flatten/.test(e.message),
  );
});
