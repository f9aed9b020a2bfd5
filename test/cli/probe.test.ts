// The probe, filters and gradcam commands end to end: files written, clean --json stdout, clear errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import * as tf from '@tensorflow/tfjs';
import { saveModelToDir } from '../../src/engine/model-io';
import { channelStats, featureMapProbe } from '../../src/engine/probes/feature-maps';
import { courseConvnet, digit } from '../engine/probes-fixtures';

let dir = '';
let runDir = '';
let model: tf.LayersModel;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function png(path: string): PNG {
  return PNG.sync.read(readFileSync(path));
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'probe-cli-'));
  runDir = join(dir, 'run');
  model = courseConvnet(3);
  await saveModelToDir(model, join(runDir, 'best'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('probe --json prints only JSON and writes one grid per layer plus activations.json', () => {
  const out = join(dir, 'probe');
  const r = cli('probe', runDir, '--input', 'mnist-test:4', '--out', out, '--json');
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as {
    label: number;
    layers: { name: string; output_shape: unknown[]; mean: number[]; max: number[] }[];
  };
  assert.equal(report.label, digit(4).label);
  const names = model.layers.filter((l) => /Conv2D|Pooling/.test(l.getClassName())).map((l) => l.name);
  assert.deepEqual(
    report.layers.map((l) => l.name),
    names,
  );
  const saved = JSON.parse(readFileSync(join(out, 'activations.json'), 'utf8')) as typeof report;
  const expected = channelStats(featureMapProbe(model).run(digit(4).image));
  saved.layers.forEach((l, i) => {
    assert.deepEqual(l.output_shape, expected[i]!.output_shape);
    l.mean.forEach((m, ch) => assert.ok(Math.abs(m - expected[i]!.mean[ch]!) < 1e-5));
    assert.deepEqual(
      l.max.map((m) => m.toFixed(5)),
      expected[i]!.max.map((m) => m.toFixed(5)),
    );
  });
  names.forEach((name, i) =>
    assert.ok(existsSync(join(out, `${String(i + 1).padStart(2, '0')}-${name}.png`)), name),
  );
  const first = png(join(out, `01-${names[0]}.png`));
  // 32 maps of 26x26 on a 6-column grid, 4 px per value, 4 px gaps.
  assert.deepEqual([first.width, first.height], [6 * 104 + 7 * 4, 6 * 104 + 7 * 4]);
});

test('filters writes the kernel image and the pattern grid of a layer', () => {
  const out = join(dir, 'filters');
  const layer = model.layers[0]!.name;
  const r = cli(
    'filters',
    join(runDir, 'best', 'model.json'),
    '--layer',
    layer,
    '--count',
    '4',
    '--steps',
    '5',
    '--out',
    out,
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { count: number; files: string[] };
  assert.equal(report.count, 4);
  assert.deepEqual(
    report.files.map((f) => f.slice(out.length + 1)),
    [`kernels-${layer}.png`, `patterns-${layer}.png`],
  );
  const patterns = png(join(out, `patterns-${layer}.png`));
  assert.deepEqual([patterns.width, patterns.height], [2 * 112 + 3 * 6, 2 * 112 + 3 * 6]);
});

test('gradcam writes the heatmap and the overlay for the asked class', () => {
  const out = join(dir, 'gradcam');
  const r = cli('gradcam', runDir, '--input', 'mnist-test:0', '--class', '3', '--out', out, '--json');
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { class: number; layer: string; cam_shape: number[] };
  assert.equal(report.class, 3);
  assert.equal(report.layer, model.layers[4]!.name);
  assert.deepEqual(report.cam_shape, [3, 3]);
  for (const f of ['heatmap.png', 'overlay.png', 'input.png']) assert.equal(png(join(out, f)).width, 280);
});

test('mistakes get a sentence saying what to do', () => {
  const noLayer = cli('filters', runDir, '--layer', 'nope', '--out', join(dir, 'x'));
  assert.notEqual(noLayer.code, 0);
  assert.match(noLayer.stderr, /no layer named "nope"\. Choose one of: conv2d/);
  const badInput = cli('probe', runDir, '--input', 'mnist-test:10000', '--out', join(dir, 'x'));
  assert.match(badInput.stderr, /images 0 to 9999/);
  const noModel = cli('gradcam', join(dir, 'missing'), '--input', 'mnist-test:0', '--out', join(dir, 'x'));
  assert.match(noModel.stderr, /does not exist: give a run folder, a model folder or a model\.json file/);
  const usage = cli('probe', runDir);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /usage: npm run cli -- probe/);
});
