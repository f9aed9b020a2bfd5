// `npm run cli -- train` as a subprocess: JSON lines only on stdout, a readable progress report, clear errors.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTemplate } from '../../src/shared/graph/templates/index.ts';
import { serializeProject } from '../../src/shared/project/project-file.ts';
import { run } from '../../src/cli/commands/train.ts';

const data = mkdtempSync(join(tmpdir(), 'cli-train-'));
after(() => rmSync(data, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'train', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONVNET_STUDIO_DATA: data },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--json prints one JSON event per line and nothing else, ending with done', () => {
  const r = cli('mnist-dense', '--limit', '300', '--epochs', '2', '--batch-size', '32', '--json');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  const events = lines.map((l) => JSON.parse(l) as { type: string; [k: string]: unknown });
  const types = events.map((e) => e.type);
  for (const t of ['run', 'start', 'batch', 'epoch', 'test']) assert.ok(types.includes(t), t);
  assert.equal(types.filter((t) => t === 'epoch').length, 2);
  const done = events.at(-1)!;
  assert.equal(done.type, 'done');
  assert.equal(typeof done.test_accuracy, 'number');
  assert.ok((done.test_accuracy as number) > 0.5);
  assert.ok(existsSync(join(done.run_dir as string, 'last', 'model.json')));
  assert.ok((done.run_dir as string).startsWith(join(data, 'runs')));
  assert.doesNotMatch(r.stdout, /looks like you are running TensorFlow/);
});

test('without --json the progress goes to stderr and stdout stays empty; a project file trains too', () => {
  const project = join(data, 'p.convnet.json');
  writeFileSync(
    project,
    serializeProject(getTemplate('mnist-dense')!, { epochs: 1, batchSize: 50, optimizer: 'adam' }),
  );
  const r = cli(project, '--limit', '200', '--dataset', 'fashion-mnist');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /Training 180 images \(20 validation, 100 test\) for 1 epoch\(s\) of 4 batches/);
  assert.match(r.stderr, /epoch 1\/1: loss \d\.\d{4} acc/);
  assert.match(r.stderr, /Done \(completed\): 1 epoch\(s\), test accuracy 0\.\d{4}/);
});

/** Runs the command in this process (bad input never reaches the engine), capturing what it writes. */
async function inProcess(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const code = await run(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

test('bad input is refused with a sentence and exit code 2', async () => {
  const r = await inProcess('no-such-template', '--json');
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /"no-such-template" is neither a file nor a template\. Templates: mnist-convnet/);
  assert.match(
    (await inProcess('mnist-dense', '--epochs', '0')).stderr,
    /--epochs must be a whole number of at least 1/,
  );
  assert.match((await inProcess('mnist-dense', '--dataset', join(data, 'nowhere'))).stderr, /no such folder/);
  assert.match(
    (await inProcess('mnist-dense', '--optimizer', 'lbfgs')).stderr,
    /--optimizer must be one of rmsprop, adam, sgd/,
  );
  const keras = join(data, 'keras.json');
  writeFileSync(keras, JSON.stringify({ class_name: 'Sequential', config: {} }));
  assert.match((await inProcess(keras)).stderr, /is a Keras\/tfjs model JSON/);
  assert.equal((await inProcess()).code, 2);
});
