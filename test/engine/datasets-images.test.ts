// Image folders (PNG and JPEG the test writes itself), bilinear resizing and augmentation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { loadImageFolder } from '../../src/engine/datasets/image-folder.ts';
import { resizeBilinear } from '../../src/engine/datasets/image.ts';
import { randomWarp, warpInto, previewAugmentation } from '../../src/engine/datasets/augment.ts';
import { loadDataset } from '../../src/engine/datasets/index.ts';
import { createRng } from '../../src/engine/datasets/prng.ts';
import type { ImageSet } from '../../src/engine/datasets/types.ts';

function png(w: number, h: number, rgb: [number, number, number]): Buffer {
  const p = new PNG({ width: w, height: h });
  for (let i = 0; i < w * h; i++) p.data.set([...rgb, 255], i * 4);
  return PNG.sync.write(p);
}
function jpg(w: number, h: number, rgb: [number, number, number]): Buffer {
  const data = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set([...rgb, 255], i * 4);
  return jpeg.encode({ data, width: w, height: h }, 95).data;
}

function makeFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'imgs-'));
  mkdirSync(join(dir, 'red'));
  mkdirSync(join(dir, 'blue'));
  for (let i = 0; i < 6; i++) writeFileSync(join(dir, 'red', `r${i}.png`), png(12 + i, 10, [250, 0, 0]));
  for (let i = 0; i < 4; i++) writeFileSync(join(dir, 'blue', `b${i}.JPG`), jpg(20, 16 + i, [0, 0, 240]));
  writeFileSync(join(dir, 'blue', 'notes.txt'), 'not an image');
  writeFileSync(join(dir, 'README'), 'top-level files are ignored');
  return dir;
}

test('an image folder loads one class per sub-folder, PNG and JPEG, resized, in RGB or grayscale', () => {
  const dir = makeFolder();
  try {
    const rgb = loadImageFolder(dir, { size: [8, 8], color: 'rgb' });
    assert.deepEqual(rgb.classNames, ['blue', 'red']);
    assert.equal(rgb.count, 10);
    assert.deepEqual([rgb.height, rgb.width, rgb.channels], [8, 8, 3]);
    assert.deepEqual(Array.from(rgb.labels), [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    const size = 8 * 8 * 3;
    const blue = rgb.pixels.subarray(0, size);
    const red = rgb.pixels.subarray(5 * size, 6 * size);
    assert.ok(Math.abs(blue[2]! - 240) < 8 && blue[0]! < 8, `blue pixel ${blue.subarray(0, 3)}`);
    assert.deepEqual(Array.from(red.subarray(0, 3)), [250, 0, 0]);
    const gray = loadImageFolder(dir, { size: [5, 7], color: 'grayscale' });
    assert.deepEqual([gray.height, gray.width, gray.channels], [5, 7, 1]);
    assert.equal(gray.pixels[5 * 35], Math.round(0.2989 * 250));
    const limited = loadImageFolder(dir, { size: [4, 4], color: 'grayscale', limit: 5, seed: 1 });
    assert.equal(limited.count, 5);
    // The registry splits a folder into train and test and sizes it for the model.
    const splits = loadDataset({ kind: 'folder', path: dir }, [6, 6, 3], 3);
    assert.equal(splits.train.count + splits.test.count, 10);
    assert.equal(splits.test.count, 2);
    assert.equal(splits.train.width, 6);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('image folder errors say which folder or file is wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imgs-'));
  try {
    assert.throws(() => loadImageFolder(dir, { size: [4, 4], color: 'rgb' }), /has no sub-folders/);
    mkdirSync(join(dir, 'cats'));
    assert.throws(() => loadImageFolder(dir, { size: [4, 4], color: 'rgb' }), /hold no PNG or JPEG images/);
    writeFileSync(join(dir, 'cats', 'broken.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    assert.throws(
      () => loadImageFolder(dir, { size: [4, 4], color: 'rgb' }),
      /broken\.png could not be decoded/,
    );
    writeFileSync(join(dir, 'cats', 'broken.png'), 'text');
    assert.throws(
      () => loadImageFolder(dir, { size: [4, 4], color: 'rgb' }),
      /broken\.png is neither a PNG nor a JPEG/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bilinear resize matches tf.image.resizeBilinear with half-pixel centres', () => {
  const rng = createRng(5);
  for (const [h, w, oh, ow] of [
    [9, 13, 4, 5],
    [5, 7, 11, 3],
    [28, 28, 32, 32],
  ] as const) {
    const data = Uint8Array.from({ length: h * w * 3 }, () => rng.int(256));
    const mine = resizeBilinear({ data, height: h, width: w, channels: 3 }, oh, ow).data;
    const ref = tf.tidy(() =>
      tf.image.resizeBilinear(tf.tensor3d(data, [h, w, 3], 'float32'), [oh, ow], false, true).dataSync(),
    );
    for (let i = 0; i < mine.length; i++)
      assert.ok(Math.abs(mine[i]! - ref[i]!) <= 0.51, `at ${i}: ${mine[i]} vs ${ref[i]}`);
  }
});

function stripes(h: number, w: number): ImageSet {
  const pixels = new Uint8Array(h * w);
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) pixels[r * w + c] = c * 10 + r;
  return {
    pixels,
    labels: new Uint8Array([3]),
    count: 1,
    height: h,
    width: w,
    channels: 1,
    classNames: ['a', 'b', 'c', 'd'],
  };
}

test('augmentation: no config is the identity, a flip mirrors, shifts and rotations follow their ranges', () => {
  const img = stripes(8, 10);
  const out = new Uint8Array(80);
  const rng = createRng(1);
  warpInto(img.pixels, 8, 10, 1, randomWarp({}, 8, 10, rng), out, 0, 1);
  assert.deepEqual(out, img.pixels);
  warpInto(img.pixels, 8, 10, 1, { m: [1, 0, 0, 0, 1, 0], flip: true }, out, 0, 1);
  assert.equal(out[0], img.pixels[9]);
  assert.equal(out[3 * 10 + 2], img.pixels[3 * 10 + 7]);
  for (let i = 0; i < 50; i++) {
    const shift = randomWarp({ width_shift_range: 0.2, height_shift_range: 0.1 }, 8, 10, rng).m;
    assert.deepEqual([shift[0], shift[1], shift[3], shift[4]], [1, 0, 0, 1]);
    assert.ok(Math.abs(shift[2]) <= 0.8 && Math.abs(shift[5]) <= 2);
    const rot = randomWarp({ rotation_range: 30 }, 8, 10, rng).m;
    const det = rot[0] * rot[4] - rot[1] * rot[3];
    assert.ok(Math.abs(det - 1) < 1e-9 && Math.abs(rot[1]) <= Math.sin(Math.PI / 6) + 1e-9);
    // A rotation about the centre leaves the centre where it is.
    const [cy, cx] = [3.5, 4.5];
    assert.ok(Math.abs(rot[0] * cy + rot[1] * cx + rot[2] - cy) < 1e-9);
    const zoom = randomWarp({ zoom_range: 0.2 }, 8, 10, rng).m;
    assert.ok(zoom[0] >= 0.8 && zoom[0] <= 1.2 && zoom[4] >= 0.8 && zoom[4] <= 1.2 && zoom[1] === 0);
  }
  // A shift by exactly one column moves the stripes by one (edges repeat: fill 'nearest').
  warpInto(img.pixels, 8, 10, 1, { m: [1, 0, 0, 0, 1, 1], flip: false }, out, 0, 1);
  assert.equal(out[2 * 10 + 4], img.pixels[2 * 10 + 5]);
  assert.equal(out[2 * 10 + 9], img.pixels[2 * 10 + 9]);
});

test('the augmentation preview is deterministic for a seed and varies between samples', () => {
  const img = stripes(12, 12);
  const cfg = {
    rotation_range: 20,
    width_shift_range: 0.1,
    height_shift_range: 0.1,
    shear_range: 10,
    zoom_range: 0.1,
    horizontal_flip: true,
  };
  const a = previewAugmentation(img, cfg, { count: 6, seed: 9, index: 0 });
  assert.deepEqual(a.shape, [6, 12, 12, 1]);
  assert.deepEqual(a.labels, [3, 3, 3, 3, 3, 3]);
  assert.deepEqual(a.pixels, previewAugmentation(img, cfg, { count: 6, seed: 9, index: 0 }).pixels);
  assert.notDeepEqual(a.pixels.subarray(0, 144), a.pixels.subarray(144, 288));
  assert.notDeepEqual(a.pixels, previewAugmentation(img, cfg, { count: 6, seed: 10, index: 0 }).pixels);
});
