// Project files: a saved project reads back the same; corrupt, foreign or newer files give a clear reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProject, serializeProject, PROJECT_VERSION } from '../../src/shared/project/project-file.ts';
import type { GraphDoc } from '../../src/shared/graph/schema.ts';

const graph: GraphDoc = {
  version: 1,
  name: 'tiny',
  nodes: [
    { id: 'a', type: 'InputLayer', name: 'input_layer', params: { shape: [4] }, position: { x: 0, y: 0 } },
    {
      id: 'b',
      type: 'Dense',
      name: 'dense',
      params: { units: 2, activation: 'softmax', use_bias: true },
      position: { x: 0, y: 100 },
    },
  ],
  edges: [{ id: 'e1', source: 'a', target: 'b' }],
};

test('a saved project reads back with its graph, training settings and runs', () => {
  const text = serializeProject(graph, { epochs: 3 }, [{ id: 'run-1' }]);
  const r = parseProject(text);
  assert.ok(r.ok);
  assert.deepEqual(r.project.graph, graph);
  assert.deepEqual(r.project.training, { epochs: 3 });
  assert.deepEqual(r.project.runs, [{ id: 'run-1' }]);
  assert.equal(r.project.version, PROJECT_VERSION);
});

function errorCode(text: string): string {
  const r = parseProject(text);
  assert.equal(r.ok, false);
  if (r.ok) return '';
  assert.match(r.error.message, /\.$/);
  assert.ok(r.error.messageEs.length > 20);
  return r.error.code;
}

test('empty, cut-short and foreign files are refused with the reason', () => {
  assert.equal(errorCode(''), 'empty-file');
  const text = serializeProject(graph);
  assert.equal(errorCode(text.slice(0, text.length / 2)), 'not-json');
  assert.equal(errorCode(JSON.stringify({ class_name: 'Sequential', config: {} })), 'not-a-project');
  assert.equal(errorCode('[1, 2]'), 'not-a-project');
});

test('a file from a newer version says to update the app', () => {
  const raw = JSON.parse(serializeProject(graph));
  raw.version = PROJECT_VERSION + 1;
  const r = parseProject(JSON.stringify(raw));
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.code, 'newer-version');
    assert.match(r.error.message, /newer/);
    assert.match(r.error.message, /update/);
  }
  raw.version = 'one';
  assert.equal(errorCode(JSON.stringify(raw)), 'bad-version');
});

test('a damaged graph names the part that is wrong', () => {
  const bad = (mutate: (g: GraphDoc & Record<string, unknown>) => void): string => {
    const raw = JSON.parse(serializeProject(graph));
    mutate(raw.graph);
    const r = parseProject(JSON.stringify(raw));
    assert.equal(r.ok, false);
    return r.ok ? '' : r.error.message;
  };
  assert.match(
    bad((g) => ((g.nodes[1] as { type: string }).type = 'Conv3D')),
    /graph\.nodes\[1\].*Conv3D/,
  );
  assert.match(
    bad((g) => (g.edges[0].target = 'zz')),
    /graph\.edges\[0\]/,
  );
  assert.match(
    bad((g) => (g.nodes[1].id = 'a')),
    /repeats the id a/,
  );
  assert.match(
    bad((g) => delete (g as Record<string, unknown>).nodes),
    /nodes and edges/,
  );
});
