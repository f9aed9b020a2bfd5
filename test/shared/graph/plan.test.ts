// plan(): shapes and param counts equal to Keras's model.summary(), trainable flags, receptive fields, speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../../src/shared/graph/plan.ts';
import { GraphBuilder, sequential } from '../../../src/shared/graph/builder.ts';
import { getTemplate, TEMPLATES } from '../../../src/shared/graph/templates/index.ts';
import type { GraphDoc } from '../../../src/shared/graph/schema.ts';

const shapes = (doc: ReturnType<typeof sequential>) => {
  const p = plan(doc);
  return p.order.map((id) => [id, p.nodes[id].outputShape, p.nodes[id].params]);
};

test('mnist-convnet: every shape and param count as Keras prints them, 93,322 in total', () => {
  const doc = getTemplate('mnist-convnet');
  assert.ok(doc);
  const p = plan(doc);
  assert.equal(p.ok, true, JSON.stringify(p.errors));
  assert.deepEqual(shapes(doc), [
    ['input_layer', [null, 28, 28, 1], 0],
    ['conv2d', [null, 26, 26, 32], 320],
    ['max_pooling2d', [null, 13, 13, 32], 0],
    ['conv2d_1', [null, 11, 11, 64], 18496],
    ['max_pooling2d_1', [null, 5, 5, 64], 0],
    ['conv2d_2', [null, 3, 3, 64], 36928],
    ['flatten', [null, 576], 0],
    ['dense', [null, 64], 36928],
    ['dense_1', [null, 10], 650],
  ]);
  assert.deepEqual([p.totalParams, p.trainableParams, p.nonTrainableParams], [93322, 93322, 0]);
  assert.deepEqual(p.inputs, ['input_layer']);
  assert.deepEqual(p.outputs, ['dense_1']);
  assert.deepEqual(p.nodes.conv2d_2.receptiveField, { size: [18, 18], jump: [4, 4] });
  assert.equal(p.nodes.flatten.receptiveField, undefined);
});

test('mnist-dense 407,050 and small-convnet 3,453,121 params', () => {
  assert.equal(plan(getTemplate('mnist-dense')!).totalParams, 407050);
  const small = plan(getTemplate('small-convnet')!);
  assert.equal(small.totalParams, 3453121);
  assert.deepEqual(small.nodes.max_pooling2d_3.outputShape, [null, 7, 7, 128]);
  assert.deepEqual(small.nodes.dense.outputShape, [null, 512]);
  for (const t of TEMPLATES) assert.equal(plan(t.build()).ok, true, t.name);
});

test('BatchNormalization has 4*C params, 2*C of them non-trainable', () => {
  const doc = sequential(
    'bn',
    [8, 8, 3],
    [['Conv2D', { filters: 16 }], ['BatchNormalization'], ['Flatten'], ['Dense', { units: 2 }]],
  );
  const p = plan(doc);
  assert.equal(p.nodes.batch_normalization.params, 64);
  assert.equal(p.nodes.batch_normalization.trainableParams, 32);
  assert.equal(p.nodes.batch_normalization.nonTrainableParams, 32);
  assert.equal(p.nonTrainableParams, 32);
  assert.equal(p.totalParams, 3 * 3 * 3 * 16 + 16 + 64 + 6 * 6 * 16 * 2 + 2);
});

test("trainable: false moves a layer's params into non-trainable, as Keras does", () => {
  const doc = sequential(
    'frozen',
    [4],
    [
      ['Dense', { units: 3 }, { trainable: false }],
      ['Dense', { units: 2 }],
    ],
  );
  const p = plan(doc);
  assert.deepEqual([p.trainableParams, p.nonTrainableParams, p.totalParams], [8, 15, 23]);
  assert.equal(p.nodes.dense.params, 15);
});

test('residual Add and inception-like Concatenate: shapes, and inputs ordered by targetIndex', () => {
  const b = new GraphBuilder('branches');
  const x = b.add('InputLayer', { shape: [16, 16, 8] });
  const wide = b.add('Conv2D', { filters: 4, kernel_size: [1, 1] }, x);
  const tall = b.add('Conv2D', { filters: 6, kernel_size: [3, 3], padding: 'same' }, x);
  const cat = b.add('Concatenate', {}, [tall, wide]);
  const sum = b.add('Add', {}, [x, b.add('Conv2D', { filters: 8, padding: 'same' }, x)]);
  b.add('Concatenate', { axis: 1 }, [cat, b.add('Conv2D', { filters: 10, kernel_size: [1, 1] }, sum)]);
  const p = plan(b.doc());
  assert.equal(p.ok, true, JSON.stringify(p.errors));
  assert.deepEqual(p.nodes.concatenate.outputShape, [null, 16, 16, 10]);
  assert.deepEqual(p.nodes.concatenate.sources, [tall, wide]);
  assert.deepEqual(p.nodes.add.outputShape, [null, 16, 16, 8]);
  assert.deepEqual(p.nodes.concatenate_1.outputShape, [null, 32, 16, 10]);
  assert.deepEqual(p.outputs, ['concatenate_1']);
  assert.ok(p.order.indexOf('concatenate') > p.order.indexOf(tall));
});

test('Reshape fills in -1, Rescaling and GlobalAveragePooling2D keep/shrink shapes', () => {
  const doc = sequential(
    'misc',
    [784],
    [
      ['Rescaling', { scale: 1 / 255 }],
      ['Reshape', { target_shape: [28, -1, 1] }],
      ['Conv2D', { filters: 5, padding: 'same', strides: [2, 2] }],
      ['GlobalAveragePooling2D'],
      ['Dense', { units: 3 }],
    ],
  );
  assert.deepEqual(
    shapes(doc).map((r) => r[1]),
    [
      [null, 784],
      [null, 784],
      [null, 28, 28, 1],
      [null, 14, 14, 5],
      [null, 5],
      [null, 3],
    ],
  );
});

test('every error at once, and no cascade of errors below a broken layer', () => {
  const b = new GraphBuilder('two-faults');
  const x = b.add('InputLayer', { shape: [4, 4, 1] });
  b.chain(x, [['Conv2D', { kernel_size: [5, 5] }], ['Flatten'], ['Dense', { units: 2 }]]);
  b.chain(x, [
    ['Dense', { units: 0 }],
    ['Dense', { units: 3 }],
  ]);
  const p = plan(b.doc());
  assert.equal(p.ok, false);
  assert.deepEqual(p.errors.map((e) => [e.code, e.nodeId]).sort(), [
    ['bad-param', 'dense_1'],
    ['kernel-larger-than-input', 'conv2d'],
  ]);
  assert.equal(p.nodes.dense.outputShape, null);
  assert.deepEqual(p.nodes.input_layer.outputShape, [null, 4, 4, 1]);
  for (const e of p.errors) assert.ok(e.message.length > 20 && e.messageEs.length > 20);
});

test('malformed documents from files give errors, never an exception', () => {
  const docs = [
    { version: 1, name: 'x', nodes: [null, 3, 'a'], edges: [null] },
    { version: 1, name: 'x', nodes: [{}], edges: [{}] },
    { version: 1, name: 'x', nodes: [{ id: 'i', type: 'InputLayer', name: 'i' }], edges: [] },
    { version: 1, name: 'x' },
  ] as unknown as GraphDoc[];
  for (const doc of docs) {
    const p = plan(doc);
    assert.equal(p.ok, false);
    assert.ok(p.errors.length > 0);
  }
});

test('a 300-layer chain plans in a few milliseconds', () => {
  const layers: Parameters<GraphBuilder['chain']>[1] = [];
  for (let i = 0; i < 299; i++)
    layers.push(i % 2 ? ['Dense', { units: 16 }] : ['Activation', { activation: 'relu' }]);
  const doc = sequential('long', [16], layers);
  assert.equal(doc.nodes.length, 300);
  assert.equal(plan(doc).ok, true);
  for (let i = 0; i < 10; i++) plan(doc); // warm the JIT, as the editor is after its first edits
  const runs = 100;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) plan(doc);
  const ms = (performance.now() - t0) / runs;
  const used = process.cpuUsage(cpu0);
  // CPU time, not wall time: the shared test machines are busy, and other processes' turns are not plan()'s cost.
  const cpuMs = (used.user + used.system) / 1000 / runs;
  console.log(
    `plan() of a 300-node chain: ${cpuMs.toFixed(3)} ms CPU (${ms.toFixed(3)} ms wall) per call, mean of ${runs}`,
  );
  assert.ok(cpuMs < 25, `plan() took ${cpuMs} ms of CPU per call`);
});
