// The Keras Python export: valid Python for every template and for branching graphs, and faithful layer calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { toKerasPython } from '../../../src/shared/graph/keras-py.ts';
import { TEMPLATES, getTemplate } from '../../../src/shared/graph/templates/index.ts';
import type { GraphDoc } from '../../../src/shared/graph/schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'keras-py-'));

function compiles(name: string, source: string): void {
  const file = join(dir, `${name}.py`);
  writeFileSync(file, source);
  const r = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `python3 -m py_compile ${name}.py failed:\n${r.stderr}`);
}

for (const t of TEMPLATES) {
  test(`template ${t.name} exports to Python that compiles`, () => {
    const src = toKerasPython(getTemplate(t.name)!, { weightsModelJson: 'run/best/model.json' });
    compiles(t.name.replace(/-/g, '_'), src);
    assert.match(src, /keras\.Model\(inputs=/);
    assert.match(src, /MirroredStrategy/);
    assert.match(src, /WEIGHTS_MODEL_JSON = "run\/best\/model.json"/);
  });
}

test('the course convnet exports its layers with Keras arguments', () => {
  const src = toKerasPython(getTemplate('mnist-convnet')!, {
    settings: { optimizer: 'rmsprop', learningRate: 0.001, epochs: 5, batchSize: 64 },
  });
  assert.match(src, /layers\.Conv2D\(32, \(3, 3\), strides=\(1, 1\), padding="valid", activation="relu"/);
  assert.match(src, /layers\.MaxPooling2D\(\(2, 2\)/);
  assert.match(src, /layers\.Dense\(10, activation="softmax"/);
  assert.match(src, /keras\.Input\(shape=\(28, 28, 1\)/);
  assert.match(src, /RMSprop\(learning_rate=0\.001\)/);
  assert.match(src, /default=5\)/);
  assert.match(src, /IMAGE_SIZE = \(28, 28\)/);
});

test('a residual graph with Add and Concatenate keeps input order and compiles', () => {
  const conv = (id: string, name: string, y: number) => ({
    id,
    type: 'Conv2D' as const,
    name,
    position: { x: 0, y },
    params: {
      filters: 8,
      kernel_size: [3, 3] as [number, number],
      strides: [1, 1] as [number, number],
      padding: 'same' as const,
      activation: 'relu' as const,
      use_bias: true,
    },
  });
  const doc: GraphDoc = {
    version: 1,
    name: 'residual net',
    nodes: [
      {
        id: 'in',
        type: 'InputLayer',
        name: 'input',
        params: { shape: [16, 16, 3] },
        position: { x: 0, y: 0 },
      },
      conv('a', 'conv_a', 1),
      conv('b', 'conv-b', 2),
      { id: 'add', type: 'Add', name: 'add', params: {}, position: { x: 0, y: 3 } },
      { id: 'cat', type: 'Concatenate', name: 'class', params: { axis: -1 }, position: { x: 0, y: 4 } },
      { id: 'g', type: 'GlobalAveragePooling2D', name: 'gap', params: {}, position: { x: 0, y: 5 } },
      {
        id: 'd',
        type: 'Dense',
        name: 'out',
        params: { units: 3, activation: 'softmax', use_bias: true },
        position: { x: 0, y: 6 },
        trainable: false,
      },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'a' },
      { id: 'e2', source: 'a', target: 'b' },
      { id: 'e3', source: 'b', target: 'add' },
      { id: 'e4', source: 'a', target: 'add' },
      { id: 'e5', source: 'add', target: 'cat', targetIndex: 1 },
      { id: 'e6', source: 'b', target: 'cat', targetIndex: 0 },
      { id: 'e7', source: 'cat', target: 'g' },
      { id: 'e8', source: 'g', target: 'd' },
    ],
  };
  const src = toKerasPython(doc, { settings: { optimizer: 'sgd', momentum: 0.9, learningRate: 0.01 } });
  compiles('residual', src);
  assert.match(src, /conv_b = layers\.Conv2D\(.*name="conv-b"\)\(conv_a\)/);
  assert.match(src, /add = layers\.Add\(name="add"\)\(\[conv_b, conv_a\]\)/);
  assert.match(src, /class_ = layers\.Concatenate\(axis=-1, name="class"\)\(\[conv_b, add\]\)/);
  assert.match(src, /trainable=False/);
  assert.match(src, /SGD\(learning_rate=0\.01, momentum=0\.9\)/);
  assert.throws(
    () => toKerasPython({ ...doc, edges: [...doc.edges, { id: 'cy', source: 'd', target: 'a' }] }),
    /cycle/,
  );
});
