// A drawn digit becomes an MNIST-like 28x28 image, and runs compare by the course's error-rate reduction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MNIST_SIZE, mnistify, resizeArea } from '../../src/renderer/src/features/runs/mnistify.ts';
import { errorReduction, errorRate } from '../../src/renderer/src/features/runs/compare.ts';

function inkBox(w: number, h: number, x0: number, y0: number, bw: number, bh: number): Float32Array {
  const ink = new Float32Array(w * h);
  for (let y = y0; y < y0 + bh; y++) for (let x = x0; x < x0 + bw; x++) ink[y * w + x] = 1;
  return ink;
}

function stats(img: Float32Array) {
  let mass = 0,
    mx = 0,
    my = 0,
    x0 = 99,
    x1 = -1,
    y0 = 99,
    y1 = -1;
  for (let y = 0; y < MNIST_SIZE; y++) {
    for (let x = 0; x < MNIST_SIZE; x++) {
      const v = img[y * MNIST_SIZE + x]!;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
      if (v > 0.05) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  return { mass, cx: mx / mass, cy: my / mass, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

test('a tall stroke drawn in a corner of a big canvas is scaled to 20 pixels high and centred by mass', () => {
  // A 280x280 canvas with a 30x160 bar near the top-left corner, like a "1" drawn off-centre.
  const img = mnistify(inkBox(280, 280, 10, 5, 30, 160), 280, 280);
  assert.equal(img.length, 28 * 28);
  const s = stats(img);
  assert.equal(s.height, 20);
  assert.ok(s.width >= 3 && s.width <= 5, `width ${s.width}`);
  assert.ok(Math.abs(s.cx - 14) <= 0.5 && Math.abs(s.cy - 14) <= 0.5, `centre ${s.cx},${s.cy}`);
  assert.ok(img.every((v) => v >= 0 && v <= 1));
});

test('centring uses the centre of mass, not the bounding box', () => {
  // An "L": a heavy bottom bar pulls the mass down, so the box sits higher than the middle.
  const w = 100;
  const ink = inkBox(w, w, 20, 20, 10, 60);
  for (let y = 70; y < 80; y++) for (let x = 20; x < 80; x++) ink[y * w + x] = 1;
  const img = mnistify(ink, w, w);
  const s = stats(img);
  assert.ok(Math.abs(s.cx - 14) <= 0.5 && Math.abs(s.cy - 14) <= 0.5);
  // The box is 20x20; its top edge is above 4 because the mass is low in the box.
  let top = 28;
  for (let i = 0; i < img.length; i++) if (img[i]! > 0.05) top = Math.min(top, Math.floor(i / 28));
  assert.ok(top < 4, `top row ${top}`);
});

test('a blank canvas gives an all-zero image, and area resizing keeps the mean', () => {
  assert.ok(mnistify(new Float32Array(50 * 50), 50, 50).every((v) => v === 0));
  const src = new Float32Array(9 * 6).map((_, i) => (i % 7) / 7);
  const mean = (a: Float32Array) => a.reduce((x, y) => x + y, 0) / a.length;
  assert.ok(Math.abs(mean(resizeArea(src, 9, 6, 4, 5)) - mean(src)) < 1e-5);
});

test('the error-rate reduction factor is the course figure for dense 0.978 vs conv 0.993', () => {
  assert.ok(Math.abs(errorRate(0.978) - 0.022) < 1e-12);
  assert.equal(errorReduction(0.978, 0.993)!.toFixed(3), '0.682');
  assert.ok(errorReduction(0.993, 0.978)! < 0, 'a worse run B is a negative reduction');
  assert.equal(errorReduction(1, 0.99), null);
});
