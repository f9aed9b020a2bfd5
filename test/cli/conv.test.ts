// `npm run cli -- conv` as a subprocess: JSON-only stdout for matrices, a PNG for images, sentences for mistakes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PNG } from 'pngjs';

const dir = mkdtempSync(join(tmpdir(), 'conv-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const COURSE = '[[1,1,1,0,0],[0,1,1,1,0],[0,0,1,1,1],[0,0,1,1,0],[0,1,1,0,0]]';
const X = '[[1,0,1],[0,1,0],[1,0,1]]';

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'conv', ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("the course's example prints its feature map, and nothing but JSON on stdout", () => {
  const r = cli('--input', COURSE, '--kernel', X);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [
    [4, 3, 4],
    [2, 4, 3],
    [2, 3, 4],
  ]);
  assert.doesNotMatch(r.stderr, /running TensorFlow\.js/);
});

test('stride 2 and --relu with a gallery kernel; same padding, average pooling and --out', () => {
  const edge = cli(
    '--input',
    '[[0,0,1,1,0,0],[0,0,1,1,0,0],[0,0,1,1,0,0]]',
    '--kernel',
    'vertical-edge',
    '--stride',
    '2',
    '--relu',
  );
  assert.deepEqual(JSON.parse(edge.stdout), [[0, 3]], 'windows at columns 0 and 2: -3 and 3, then ReLU');
  const out = join(dir, 'pooled.json');
  const pooled = cli(
    '--input',
    COURSE,
    '--kernel',
    X,
    '--padding',
    'same',
    '--pool',
    'avg',
    '--pool-size',
    '2',
    '--out',
    out,
  );
  assert.deepEqual(JSON.parse(pooled.stdout), [
    [2.25, 2.75],
    [1.5, 3.5],
  ]);
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), JSON.parse(pooled.stdout));
});

test('an image input writes a PNG of the result and reports its size as JSON', () => {
  const png = new PNG({ width: 16, height: 10 });
  for (let i = 0; i < 160; i++) {
    const v = Math.floor(i / 16) >= 5 ? 255 : 0; // dark top, light bottom: one horizontal edge
    png.data.set([v, v, v, 255], i * 4);
  }
  const input = join(dir, 'scene.png');
  writeFileSync(input, PNG.sync.write(png));
  const out = join(dir, 'edges.png');
  const r = cli('--input', input, '--kernel', 'horizontal-edge', '--pool', 'avg', '--out', out);
  assert.equal(r.code, 0, r.stderr);
  const info = JSON.parse(r.stdout);
  assert.deepEqual([info.out, info.height, info.width, info.min], [out, 4, 7, -1.5]);
  const written = PNG.sync.read(readFileSync(out));
  assert.deepEqual([written.width, written.height], [7, 4]);
});

test('mistakes get a sentence and a non-zero exit code', () => {
  const unknown = cli('--input', COURSE, '--kernel', 'emboss');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /Unknown kernel "emboss".*vertical-edge/);
  assert.match(
    cli('--input', COURSE, '--kernel', X, '--padding', 'full').stderr,
    /--padding must be "valid" or "same"/,
  );
  assert.match(cli('--input', '[[1,2]]', '--kernel', X).stderr, /does not fit/);
  assert.match(
    cli('--input', COURSE, '--kernel', X, '--pool-size', '2').stderr,
    /need --pool max or --pool avg/,
  );
  const missing = cli('--kernel', X);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /conv needs --input and --kernel/);
  assert.equal(cli('--input', COURSE, '--kernel', '[[1,2],[3]]').code, 1);
});
