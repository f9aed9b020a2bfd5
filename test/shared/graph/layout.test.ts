// The layered layout of imported graphs and templates: top to bottom, no overlaps, branches side by side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layeredLayout, LAYOUT_SPACING } from '../../../src/shared/graph/layout.ts';
import { fromKerasJson } from '../../../src/shared/graph/keras.ts';
import { TEMPLATES } from '../../../src/shared/graph/templates/index.ts';
import type { GraphDoc } from '../../../src/shared/graph/schema.ts';

const keras = (f: string) =>
  fromKerasJson(
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'keras', f), 'utf8')),
  );

function assertTidy(doc: GraphDoc): void {
  const pos = new Map(doc.nodes.map((n) => [n.id, n.position]));
  for (const e of doc.edges) {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    assert.ok(a && b && a.y < b.y, `${e.source} sits above ${e.target}`);
  }
  const seen = new Set<string>();
  for (const n of doc.nodes) {
    const key = `${n.position.x},${n.position.y}`;
    assert.ok(!seen.has(key), `no two layers at ${key}`);
    seen.add(key);
  }
}

test('templates and imported models are laid out top to bottom without overlaps', () => {
  for (const t of TEMPLATES) assertTidy(t.build());
  for (const f of [
    'keras2-inception-functional.json',
    'keras3-residual-functional.json',
    'keras3-two-inputs-two-outputs.json',
  ]) {
    assertTidy(keras(f));
  }
});

test('four parallel branches share one row, one column apart, and the merge sits below them', () => {
  const doc = keras('keras2-inception-functional.json');
  const at = (name: string) => doc.nodes.find((n) => n.name === name)?.position;
  const row = ['conv2d', 'conv2d_1', 'conv2d_2', 'average_pooling2d'].map((n) => at(n));
  assert.ok(row.every((p) => p?.y === LAYOUT_SPACING.y));
  const xs = row.map((p) => p?.x as number).sort((a, b) => a - b);
  xs.slice(1).forEach((x, i) => assert.equal(x - xs[i], LAYOUT_SPACING.x));
  assert.equal(at('concatenate')?.y, 2 * LAYOUT_SPACING.y);
});

test('a long skip connection puts the merge below the longest branch', () => {
  const nodes = ['a', 'b', 'c', 'd'].map((id) => ({
    id,
    type: 'Dense' as const,
    name: id,
    params: { units: 1, activation: 'linear' as const, use_bias: true },
    position: { x: 0, y: 0 },
  }));
  const edges = [
    { id: '1', source: 'a', target: 'b' },
    { id: '2', source: 'b', target: 'c' },
    { id: '3', source: 'a', target: 'd' },
    { id: '4', source: 'c', target: 'd' },
  ];
  const pos = layeredLayout(nodes, edges);
  assert.deepEqual(
    ['a', 'b', 'c', 'd'].map((id) => (pos.get(id)?.y ?? -1) / LAYOUT_SPACING.y),
    [0, 1, 2, 3],
  );
});
