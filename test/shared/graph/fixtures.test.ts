// Data-driven: every graph fixture under test/fixtures/graphs plans as its file says (valid totals, invalid errors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan } from '../../../src/shared/graph/plan.ts';
import { GRAPH_ERROR_CODES } from '../../../src/shared/graph/errors.ts';
import type { GraphDoc } from '../../../src/shared/graph/schema.ts';

const root = join(import.meta.dirname, '..', '..', 'fixtures', 'graphs');
const read = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as Fixture) }));

interface Fixture {
  description: string;
  graph: GraphDoc;
  expect: unknown;
}
interface Expected {
  code: string;
  nodeId?: string;
  edgeId?: string;
}
/** Graph-wide problems have no single node to blame. */
const GRAPH_LEVEL = new Set(['empty-graph', 'missing-input', 'missing-output']);

const invalid = read('invalid');
const valid = read('valid');

test('at least 20 invalid and several valid fixtures exist', () => {
  assert.ok(invalid.length >= 20, `${invalid.length} invalid fixtures`);
  assert.ok(valid.length >= 8, `${valid.length} valid fixtures`);
});

for (const fx of invalid) {
  test(`invalid/${fx.file}: ${fx.description}`, () => {
    const p = plan(fx.graph);
    assert.equal(p.ok, false);
    for (const want of fx.expect as Expected[]) {
      assert.ok(
        (GRAPH_ERROR_CODES as readonly string[]).includes(want.code),
        `fixture uses a known code: ${want.code}`,
      );
      const hit = p.errors.find(
        (e) =>
          e.code === want.code &&
          e.nodeId === want.nodeId &&
          (want.edgeId === undefined || e.edgeId === want.edgeId),
      );
      assert.ok(
        hit,
        `expected ${JSON.stringify(want)} among ${JSON.stringify(p.errors.map((e) => [e.code, e.nodeId, e.edgeId]))}`,
      );
    }
    for (const e of p.errors) {
      assert.ok(
        e.nodeId !== undefined || e.edgeId !== undefined || GRAPH_LEVEL.has(e.code),
        `${e.code} points at a node or edge`,
      );
      const node = fx.graph.nodes.find((n) => n.id === e.nodeId);
      if (node && e.code !== 'bad-name')
        assert.ok(e.message.includes(node.name), `"${e.message}" names the layer`);
      assert.ok(e.messageEs.length > 20 && e.messageEs !== e.message, 'has a Spanish message');
      assert.match(e.message, /: .*[a-z]/, 'says what to do after a colon');
    }
  });
}

for (const fx of valid) {
  test(`valid/${fx.file}: ${fx.description}`, () => {
    const p = plan(fx.graph);
    assert.deepEqual(p.errors, []);
    const want = fx.expect as { totalParams: number; trainableParams: number; nonTrainableParams: number };
    assert.deepEqual(
      {
        totalParams: p.totalParams,
        trainableParams: p.trainableParams,
        nonTrainableParams: p.nonTrainableParams,
      },
      want,
    );
    assert.equal(p.order.length, fx.graph.nodes.length);
    for (const id of p.order) assert.ok(p.nodes[id].outputShape, `${id} has a shape`);
  });
}
