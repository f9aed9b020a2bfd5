// The editor's store: building a graph by actions, undo/redo, copy/paste, connection refusals, auto-layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore, type AppStoreApi } from '../../src/renderer/src/store/app-store.ts';
import type { LayerType } from '../../src/shared/graph/schema.ts';

/** Appends a chain of layers by keyboard-style append and sets their params. */
function buildMnistConvnet(store: AppStoreApi): string[] {
  const s = () => store.getState();
  const chain: [LayerType, Record<string, unknown>][] = [
    ['InputLayer', { shape: [28, 28, 1] }],
    ['Conv2D', { filters: 32, kernel_size: [3, 3], activation: 'relu' }],
    ['MaxPooling2D', { pool_size: [2, 2] }],
    ['Conv2D', { filters: 64, kernel_size: [3, 3], activation: 'relu' }],
    ['MaxPooling2D', { pool_size: [2, 2] }],
    ['Conv2D', { filters: 64, kernel_size: [3, 3], activation: 'relu' }],
    ['Flatten', {}],
    ['Dense', { units: 64, activation: 'relu' }],
    ['Dense', { units: 10, activation: 'softmax' }],
  ];
  return chain.map(([type, params]) => {
    const id = s().appendLayer(type);
    for (const [k, v] of Object.entries(params)) s().setParam(id, k, v);
    return id;
  });
}

test('appending layers builds the Keras MNIST convnet with 93,322 params', () => {
  const store = createAppStore();
  const ids = buildMnistConvnet(store);
  const { doc, plan } = store.getState();
  assert.equal(doc.nodes.length, 9);
  assert.equal(doc.edges.length, 8);
  assert.deepEqual(plan.errors, []);
  assert.equal(plan.totalParams, 93322);
  assert.deepEqual(plan.nodes[ids[5]].outputShape, [null, 3, 3, 64]);
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
});

test('a kernel larger than its input is an error on that node, and undo takes it away', () => {
  const store = createAppStore();
  const ids = buildMnistConvnet(store);
  const s = () => store.getState();
  s().setParam(ids[5], 'kernel_size', [7, 7]);
  assert.ok(s().plan.errors.some((e) => e.nodeId === ids[5] && e.code === 'kernel-larger-than-input'));
  s().undo();
  assert.deepEqual(s().plan.errors, []);
  assert.equal(s().plan.totalParams, 93322);
  s().redo();
  assert.equal(s().plan.errors[0]?.nodeId, ids[5]);
});

test('every edit is one undo step, and a new edit clears redo', () => {
  const store = createAppStore();
  const s = () => store.getState();
  const a = s().addLayer('InputLayer', { x: 0, y: 0 });
  const b = s().addLayer('Dense', { x: 0, y: 100 });
  assert.ok(s().connect(a, b));
  assert.equal(s().past.length, 3);
  s().undo();
  assert.equal(s().doc.edges.length, 0);
  s().undo();
  assert.deepEqual(
    s().doc.nodes.map((n) => n.id),
    [a],
  );
  s().redo();
  assert.equal(s().doc.nodes.length, 2);
  s().setParam(b, 'units', 5);
  assert.equal(s().future.length, 0);
  s().undo();
  s().undo();
  s().undo();
  s().undo();
  assert.equal(s().doc.nodes.length, 0);
});

test('a drag is one undo step and keeps the plan object', () => {
  const store = createAppStore();
  const s = () => store.getState();
  const a = s().addLayer('InputLayer', { x: 0, y: 0 });
  const plan = s().plan;
  const steps = s().past.length;
  s().moveNodes([{ id: a, position: { x: 5, y: 5 } }], false);
  s().moveNodes([{ id: a, position: { x: 50, y: 60 } }], false);
  s().moveNodes([], true);
  assert.equal(s().past.length, steps + 1);
  assert.equal(s().plan, plan);
  assert.deepEqual(s().doc.nodes[0].position, { x: 50, y: 60 });
  s().undo();
  assert.deepEqual(s().doc.nodes[0].position, { x: 0, y: 0 });
});

test('connections that make a cycle, feed a single input twice or feed an InputLayer are refused with the reason', () => {
  const store = createAppStore();
  const s = () => store.getState();
  const [inp, c1, c2] = buildMnistConvnet(store);
  const edges = s().doc.edges.length;
  assert.equal(s().connect(c2, c1), false);
  assert.equal(s().refusal?.code, 'cycle');
  assert.equal(s().connect(c1, c1), false);
  assert.equal(s().refusal?.code, 'self');
  const extra = s().addLayer('Conv2D', { x: 400, y: 0 });
  assert.equal(s().connect(extra, c1), false);
  assert.deepEqual(s().refusal, { code: 'input-taken', source: 'conv2d_3', target: 'conv2d', max: 1 });
  assert.equal(s().connect(c1, inp), false);
  assert.equal(s().refusal?.code, 'no-inputs');
  assert.equal(s().connect(inp, c1), false);
  assert.equal(s().refusal?.code, 'duplicate');
  assert.equal(s().doc.edges.length, edges);
  assert.ok(s().connect(inp, extra));
  assert.equal(s().refusal, null);
});

test('Add and Concatenate take several inputs, numbered in arrival order', () => {
  const store = createAppStore();
  const s = () => store.getState();
  const a = s().addLayer('InputLayer', { x: 0, y: 0 });
  const b = s().addLayer('Dense', { x: 0, y: 0 });
  const c = s().addLayer('Dense', { x: 0, y: 0 });
  const cat = s().addLayer('Concatenate', { x: 0, y: 0 });
  s().connect(a, b);
  s().connect(a, c);
  assert.ok(s().connect(b, cat));
  assert.ok(s().connect(c, cat));
  assert.deepEqual(
    s()
      .doc.edges.filter((e) => e.target === cat)
      .map((e) => e.targetIndex),
    [0, 1],
  );
});

test('copy/paste and duplicate make fresh ids and names, keep inner edges, and select the copy', () => {
  const store = createAppStore();
  const s = () => store.getState();
  const ids = buildMnistConvnet(store);
  s().select({ nodes: [ids[1], ids[2]] });
  s().copy();
  s().paste();
  const doc = s().doc;
  assert.equal(doc.nodes.length, 11);
  const pasted = s().selection.nodes;
  assert.equal(pasted.length, 2);
  assert.ok(pasted.every((id) => !ids.includes(id)));
  assert.equal(new Set(doc.nodes.map((n) => n.name)).size, 11);
  assert.equal(doc.edges.filter((e) => pasted.includes(e.source) && pasted.includes(e.target)).length, 1);
  const first = doc.nodes.find((n) => n.id === pasted[0])!;
  assert.deepEqual(first.position, { x: doc.nodes[1].position.x + 40, y: doc.nodes[1].position.y + 40 });
  s().paste();
  assert.equal(s().doc.nodes.length, 13);
  s().duplicate();
  assert.equal(s().doc.nodes.length, 15);
  s().undo();
  s().undo();
  s().undo();
  assert.equal(s().doc.nodes.length, 9);
});

test('delete removes the selected nodes with their edges, and selected edges', () => {
  const store = createAppStore();
  const s = () => store.getState();
  const ids = buildMnistConvnet(store);
  s().select({ nodes: [ids[6]], edges: [] });
  s().deleteSelection();
  assert.equal(s().doc.nodes.length, 8);
  assert.equal(s().doc.edges.length, 6);
  assert.ok(s().plan.errors.length > 0);
  const edge = s().doc.edges[0].id;
  s().select({ nodes: [], edges: [edge] });
  s().deleteSelection();
  assert.equal(s().doc.edges.length, 5);
  assert.deepEqual(s().selection, { nodes: [], edges: [] });
});

test('auto-layout puts each layer below the one feeding it, as one undo step', () => {
  const store = createAppStore();
  const s = () => store.getState();
  const ids = buildMnistConvnet(store);
  for (const id of ids)
    s().moveNodes([{ id, position: { x: Math.random() * 500, y: Math.random() * 500 } }], false);
  s().moveNodes([], true);
  const scattered = s().doc.nodes.map((n) => n.position);
  s().autoLayout();
  const y = (id: string) => s().doc.nodes.find((n) => n.id === id)!.position.y;
  for (let i = 1; i < ids.length; i++)
    assert.ok(y(ids[i]) > y(ids[i - 1]), `layer ${i} below layer ${i - 1}`);
  s().undo();
  assert.deepEqual(
    s().doc.nodes.map((n) => n.position),
    scattered,
  );
});

test('renaming refuses empty and duplicate names', () => {
  const store = createAppStore();
  const s = () => store.getState();
  const [a, b] = buildMnistConvnet(store);
  assert.equal(s().rename(b, 'input_layer'), false);
  assert.equal(s().rename(b, '  '), false);
  assert.ok(s().rename(b, 'features'));
  assert.equal(s().doc.nodes.find((n) => n.id === b)!.name, 'features');
  assert.ok(a);
});

test('loading a document as a project resets history; as a template it is undoable', () => {
  const store = createAppStore();
  const s = () => store.getState();
  buildMnistConvnet(store);
  const built = s().doc;
  s().loadDoc({ version: 1, name: 'blank', nodes: [], edges: [] }, { undoable: true });
  assert.equal(s().doc.nodes.length, 0);
  s().undo();
  assert.equal(s().doc, built);
  s().loadDoc(built);
  assert.equal(s().past.length, 0);
  assert.equal(s().plan.totalParams, 93322);
});

test('typing into one inspector field is one undo step until the field is left', () => {
  const store = createAppStore();
  const s = () => store.getState();
  const id = s().appendLayer('Dense');
  const steps = s().past.length;
  s().setParam(id, 'units', 7, true);
  s().setParam(id, 'units', 70, true);
  assert.equal(s().past.length, steps + 1);
  s().endEdit();
  s().setParam(id, 'units', 71, true);
  assert.equal(s().past.length, steps + 2);
  s().undo();
  s().undo();
  assert.equal((s().doc.nodes[0].params as { units: number }).units, 64);
});
