// The Node side of the lab: PNG/JPEG files in, tf.conv2d through the shared pipeline, coloured PNG out.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { convLab, readImageFile, useLabBackend, writeGridPng } from '../../src/engine/conv-lab.ts';
import { galleryKernel } from '../../src/shared/conv-lab/kernels.ts';
import type { Matrix } from '../../src/shared/conv-lab/types.ts';

tf.env().set('IS_TEST', true);
const dir = mkdtempSync(join(tmpdir(), 'conv-lab-'));
before(useLabBackend);
after(() => rmSync(dir, { recursive: true, force: true }));

/** A 12x12 picture: black left half, white right half (one vertical edge). */
function halfImage(): { width: number; height: number; data: Buffer } {
  const width = 12;
  const height = 12;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const v = i % width >= 6 ? 255 : 0;
    data.set([v, v, v, 255], i * 4);
  }
  return { width, height, data };
}

test('a PNG is read to grey [0, 1] and the vertical-edge kernel finds its one edge', async () => {
  const png = new PNG({ width: 12, height: 12 });
  png.data = halfImage().data;
  const file = join(dir, 'half.png');
  writeFileSync(file, PNG.sync.write(png));
  const grid = await readImageFile(file);
  assert.deepEqual([grid.height, grid.width, grid.data[0], grid.data[11]], [12, 12, 0, 1]);
  const r = await convLab(grid, galleryKernel('vertical-edge')?.kernel as Matrix, {
    stride: 1,
    padding: 'valid',
    relu: false,
  });
  assert.deepEqual([r.conv.height, r.conv.width], [10, 10]);
  const row = Array.from(r.conv.data.subarray(0, 10), (v) => Math.round(v * 1000) / 1000);
  assert.deepEqual(row, [0, 0, 0, 0, -3, -3, 0, 0, 0, 0], 'dark-to-light is negative for [1,0,-1]');
});

test('a JPEG is decoded too, and downscaled to the working size on request', async () => {
  const file = join(dir, 'half.jpg');
  writeFileSync(file, jpeg.encode(halfImage(), 95).data);
  const grid = await readImageFile(file, 6);
  assert.deepEqual([grid.height, grid.width], [6, 6]);
  assert.ok(grid.data[0] < 0.1 && grid.data[5] > 0.9);
});

test('unreadable or unsupported files are refused with what to do', async () => {
  const bad = join(dir, 'bad.png');
  writeFileSync(bad, 'not a png');
  await assert.rejects(readImageFile(bad), /Could not decode .* check that the file is a valid image/);
  const gif = join(dir, 'x.gif');
  writeFileSync(gif, 'GIF89a');
  await assert.rejects(readImageFile(gif), /not a PNG or JPEG file/);
});

test('signed results are written with the diverging scale: negative blue, zero white, positive red', async () => {
  const file = join(dir, 'signed.png');
  await writeGridPng({ height: 1, width: 3, data: Float32Array.from([-1, 0, 1]) }, file);
  const png = PNG.sync.read(readFileSync(file));
  const px = (i: number) => Array.from(png.data.subarray(i * 4, i * 4 + 3));
  assert.deepEqual([png.width, png.height], [3, 1]);
  assert.deepEqual(px(1), [247, 247, 247]);
  assert.ok(px(0)[2] > px(0)[0] && px(2)[0] > px(2)[2]);
});
