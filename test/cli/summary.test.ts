// `npm run cli -- summary` as a subprocess: Keras-style tables, JSON-only stdout, exit codes 0/1/2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const dir = mkdtempSync(join(tmpdir(), 'summary-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'summary', ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface SummaryJson {
  layers: { name: string; class_name: string; output_shape: (number | null)[] | null; params: number }[];
  total_params: number;
  trainable_params: number;
  non_trainable_params: number;
  errors: { code: string; layer: string | null; nodeId?: string; message: string }[];
}

test('mnist-convnet --json: stdout is the JSON alone, with Keras shapes and 93,322 params', () => {
  const r = cli('mnist-convnet', '--json');
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout) as SummaryJson;
  assert.deepEqual(Object.keys(s), [
    'layers',
    'total_params',
    'trainable_params',
    'non_trainable_params',
    'errors',
  ]);
  assert.deepEqual(s.layers[1], {
    name: 'conv2d',
    class_name: 'Conv2D',
    output_shape: [null, 26, 26, 32],
    params: 320,
  });
  assert.deepEqual(s.layers.at(-1), {
    name: 'dense_1',
    class_name: 'Dense',
    output_shape: [null, 10],
    params: 650,
  });
  assert.deepEqual([s.total_params, s.trainable_params, s.non_trainable_params], [93322, 93322, 0]);
  assert.deepEqual(s.errors, []);
});

test('the table of small-convnet reads like model.summary(), thousands separated', () => {
  const r = cli('small-convnet');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Layer \(type\)\s+Output Shape\s+Param #\n/);
  assert.match(r.stdout, / conv2d_3 \(Conv2D\)\s+\(None, 15, 15, 128\)\s+147,584\n/);
  assert.match(r.stdout, / dense \(Dense\)\s+\(None, 512\)\s+3,211,776\n/);
  assert.match(r.stdout, /Total params: 3,453,121\nTrainable params: 3,453,121\nNon-trainable params: 0\n/);
  assert.doesNotMatch(r.stdout, /Connected to/);
});

test('a Keras 3 Functional JSON gets a "Connected to" column listing both inputs of Add', () => {
  const r = cli('test/fixtures/keras/keras3-residual-functional.json');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Connected to/);
  assert.match(
    r.stdout,
    / add \(Add\)\s+\(None, 32, 32, 16\)\s+0\s+conv2d_1\[0\]\[0\]\n\s+conv2d\[0\]\[0\]\n/,
  );
  assert.match(r.stdout, /Non-trainable params: 32\n/);
});

test('a project file (with "graph") and a bare graph document both work', () => {
  const fixture = JSON.parse(readFileSync('test/fixtures/graphs/valid/multi-output.json', 'utf8')) as {
    graph: unknown;
  };
  const project = join(dir, 'project.json');
  writeFileSync(project, JSON.stringify({ version: 1, graph: fixture.graph, training: {} }));
  const bare = join(dir, 'bare.json');
  writeFileSync(bare, JSON.stringify(fixture.graph));
  const a = JSON.parse(cli(project, '--json').stdout) as SummaryJson;
  const b = JSON.parse(cli(bare, '--json').stdout) as SummaryJson;
  assert.deepEqual(a, b);
  assert.deepEqual(
    a.layers.filter((l) => l.class_name === 'Dense').map((l) => l.name),
    ['digit', 'is_even'],
  );
});

test('an invalid graph exits 1 and lists every error, naming the layer', () => {
  const file = 'test/fixtures/graphs/invalid/several-faults.json';
  const r = cli(file);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /The graph has 2 errors:/);
  assert.match(r.stdout, /\[kernel-larger-than-input\] conv2d: Conv2D 'conv2d' has a 5x5 kernel/);
  assert.match(r.stdout, /\[dense-needs-flatten\] dense_1: .*add a Flatten/);
  const j = cli(file, '--json');
  assert.equal(j.code, 1);
  const s = JSON.parse(j.stdout) as SummaryJson;
  assert.deepEqual(
    s.errors.map((e) => [e.code, e.layer]),
    [
      ['kernel-larger-than-input', 'conv2d'],
      ['dense-needs-flatten', 'dense_1'],
    ],
  );
  assert.equal(s.layers.find((l) => l.name === 'conv2d')?.output_shape, null);
});

test('a missing file exits 2 with a sentence; an unknown Keras layer exits 1 naming it', () => {
  const r = cli('no-such-model.json');
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /No file, folder or template named "no-such-model.json".*mnist-convnet/);
  const k = cli('test/fixtures/keras/keras3-lstm-unsupported.json', '--json');
  assert.equal(k.code, 1);
  assert.equal(k.stdout, '');
  assert.match(k.stderr, /'lstm' \(LSTM\)/);
});
