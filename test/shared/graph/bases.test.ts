// Pretrained bases as graph blocks: placing, cutting, freezing as Keras counts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeBase, setBaseTrainable, removeBase, baseNodes } from '../../../src/shared/graph/bases.ts';
import { getTemplate } from '../../../src/shared/graph/templates/index.ts';
import { plan } from '../../../src/shared/graph/plan.ts';
import type { GraphDoc } from '../../../src/shared/graph/schema.ts';

const empty: GraphDoc = { version: 1, name: 'transfer', nodes: [], edges: [] };
const source = { kind: 'run' as const, runDir: '/runs/digits-0-4' };

function withHead(): { doc: GraphDoc; baseId: string } {
  const base = getTemplate('mnist-convnet')!;
  const conv3 = base.nodes.filter((n) => n.type === 'Conv2D')[2].name;
  const placed = placeBase(empty, base, source, { upTo: conv3 });
  const flat = { id: 'f', type: 'Flatten' as const, name: 'flatten', params: {}, position: { x: 0, y: 900 } };
  const dense = {
    id: 'd',
    type: 'Dense' as const,
    name: 'head',
    params: { units: 5, activation: 'softmax' as const, use_bias: true },
    position: { x: 0, y: 1000 },
  };
  const doc: GraphDoc = {
    ...placed.doc,
    nodes: [...placed.doc.nodes, flat, dense],
    edges: [
      ...placed.doc.edges,
      { id: 'h1', source: placed.outputNodeId, target: 'f' },
      { id: 'h2', source: 'f', target: 'd' },
    ],
  };
  return { doc, baseId: placed.baseId };
}

test('a base cut after its last Conv2D keeps the conv layers, frozen, and feeds a new head', () => {
  const { doc, baseId } = withHead();
  const p = plan(doc);
  assert.deepEqual(p.errors, []);
  // conv base: 320 + 18,496 + 36,928 = 55,744 frozen; head: 576*5+5 = 2,885 trainable
  assert.equal(p.nonTrainableParams, 55_744);
  assert.equal(p.trainableParams, 2_885);
  assert.equal(p.totalParams, 58_629);
  const members = baseNodes(doc, baseId);
  assert.deepEqual(
    members.map((n) => n.type),
    ['InputLayer', 'Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Conv2D'],
  );
  assert.ok(members.every((n) => n.base?.id === baseId));
  assert.deepEqual(doc.bases, [{ id: baseId, name: 'mnist-convnet', source }]);
});

test('unfreezing from a layer on makes exactly the top block trainable, as Keras counts it', () => {
  const { doc, baseId } = withHead();
  const lastConv = baseNodes(doc, baseId).filter((n) => n.type === 'Conv2D')[2];
  const tuned = setBaseTrainable(doc, baseId, { mode: 'unfreeze-from', layer: lastConv.base!.layer });
  const p = plan(tuned);
  assert.equal(p.trainableParams, 2_885 + 36_928);
  assert.equal(p.nonTrainableParams, 320 + 18_496);
  assert.equal(plan(setBaseTrainable(tuned, baseId, { mode: 'unfreeze-all' })).nonTrainableParams, 0);
  assert.equal(plan(setBaseTrainable(tuned, baseId, { mode: 'freeze-all' })).trainableParams, 2_885);
  assert.throws(
    () => setBaseTrainable(doc, baseId, { mode: 'unfreeze-from', layer: 'nope' }),
    /no layer named "nope"/,
  );
});

test('placing a base twice renames its layers and ids so the graph stays valid', () => {
  const base = getTemplate('mnist-convnet')!;
  const a = placeBase(empty, base, source);
  const b = placeBase(a.doc, base, source);
  const names = b.doc.nodes.map((n) => n.name);
  assert.equal(new Set(names).size, names.length);
  assert.equal(new Set(b.doc.nodes.map((n) => n.id)).size, names.length);
  assert.notEqual(a.baseId, b.baseId);
  assert.equal(baseNodes(b.doc, b.baseId)[1].base!.layer, base.nodes[1].name);
  const removed = removeBase(b.doc, a.baseId);
  assert.equal(removed.nodes.length, base.nodes.length);
  assert.equal(removed.bases!.length, 1);
  assert.throws(() => placeBase(empty, base, source, { upTo: 'missing' }), /no layer named "missing"/);
});
