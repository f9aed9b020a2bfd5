// The lab's numbers come from tfjs' own ops: the course example cell by cell, padding, stride, ReLU and hand-checked pooling.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { COURSE_INPUT, COURSE_KERNEL, gridToMatrix, matrixToGrid } from '../../src/shared/conv-lab/matrix.ts';
import { convolve, pool, relu, runPipeline } from '../../src/shared/conv-lab/ops.ts';
import { kernelsFromConvWeights } from '../../src/shared/conv-lab/image.ts';
import { galleryKernel } from '../../src/shared/conv-lab/kernels.ts';
import { enumerateWindows } from '../../src/shared/conv-lab/windows.ts';
import type { Matrix, Padding } from '../../src/shared/conv-lab/types.ts';

tf.env().set('IS_TEST', true); // no "install tfjs-node" banner in the test log
const course = matrixToGrid(COURSE_INPUT);
const FEATURE_MAP: Matrix = [
  [4, 3, 4],
  [2, 4, 3],
  [2, 3, 4],
];

test("tf.conv2d on the course's 5x5 input and 3x3 kernel gives its feature map, cell by cell", () => {
  const out = gridToMatrix(convolve(tf, course, COURSE_KERNEL, { stride: 1, padding: 'valid' }));
  assert.equal(out.length, 3);
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) assert.equal(out[r][c], FEATURE_MAP[r][c], `cell (${r}, ${c})`);
});

test('same padding keeps 5x5; the corners see the zeros (hand-checked: top-left 2)', () => {
  const out = gridToMatrix(convolve(tf, course, COURSE_KERNEL, { stride: 1, padding: 'same' }));
  assert.deepEqual([out.length, out[0].length], [5, 5]);
  assert.deepEqual(out, [
    [2, 2, 3, 1, 1],
    [1, 4, 3, 4, 1],
    [1, 2, 4, 3, 3],
    [1, 2, 3, 4, 1],
    [0, 2, 2, 1, 1],
  ]);
  // The inner 3x3 of 'same' is the 'valid' map.
  assert.deepEqual(
    out.slice(1, 4).map((row) => row.slice(1, 4)),
    FEATURE_MAP,
  );
});

test('stride 2 halves the output: 5x5 valid gives 2x2 (every other window), 8x8 same gives 4x4', () => {
  assert.deepEqual(gridToMatrix(convolve(tf, course, COURSE_KERNEL, { stride: 2, padding: 'valid' })), [
    [4, 4],
    [2, 4],
  ]);
  const eight = matrixToGrid(
    Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (i * j) % 3)),
  );
  const out = convolve(tf, eight, COURSE_KERNEL, { stride: 2, padding: 'same' });
  assert.deepEqual([out.height, out.width], [4, 4]);
});

test('the stepper explanation and tf.conv2d agree on every window, for every padding, stride and kernel size', () => {
  const input: Matrix = Array.from({ length: 7 }, (_, i) =>
    Array.from({ length: 6 }, (_, j) => ((i * 7 + j * 3) % 5) - 2),
  );
  for (const padding of ['valid', 'same'] as Padding[]) {
    for (const stride of [1, 2, 3]) {
      for (const k of [1, 2, 3, 4]) {
        const kernel: Matrix = Array.from({ length: k }, (_, i) =>
          Array.from({ length: k }, (_, j) => ((i + 2 * j) % 3) - 1),
        );
        const out = convolve(tf, matrixToGrid(input), kernel, { stride, padding });
        const wins = enumerateWindows(input, kernel, stride, padding);
        assert.equal(wins.length, out.height * out.width, `${padding} s${stride} k${k}`);
        for (const w of wins)
          assert.ok(
            Math.abs(out.data[w.outRow * out.width + w.outCol] - w.sum) < 1e-5,
            `${padding} s${stride} k${k}`,
          );
      }
    }
  }
});

test('pooling on hand-checked grids: max and average, 2x2 stride 2 and 2x2 stride 1', () => {
  const g = matrixToGrid([
    [1, 3, 2, 1],
    [4, 2, 0, 1],
    [5, 1, 7, 8],
    [0, 2, 3, 4],
  ]);
  assert.deepEqual(gridToMatrix(pool(tf, g, { kind: 'max', size: 2, stride: 2 })), [
    [4, 2],
    [5, 8],
  ]);
  assert.deepEqual(gridToMatrix(pool(tf, g, { kind: 'avg', size: 2, stride: 2 })), [
    [2.5, 1],
    [2, 5.5],
  ]);
  const map = matrixToGrid(FEATURE_MAP);
  assert.deepEqual(gridToMatrix(pool(tf, map, { kind: 'max', size: 2, stride: 1 })), [
    [4, 4],
    [4, 4],
  ]);
  assert.deepEqual(gridToMatrix(pool(tf, map, { kind: 'avg', size: 2, stride: 1 })), [
    [3.25, 3.5],
    [2.75, 3.5],
  ]);
  assert.throws(() => pool(tf, map, { kind: 'max', size: 4, stride: 4 }), /does not fit in a 3x3 map/);
});

test('ReLU keeps the positive side of a vertical edge and zeroes the negative side', () => {
  const stripe = matrixToGrid([
    [0, 0, 1, 1, 0, 0],
    [0, 0, 1, 1, 0, 0],
    [0, 0, 1, 1, 0, 0],
  ]);
  const edge = galleryKernel('vertical-edge')?.kernel as Matrix;
  const conv = gridToMatrix(convolve(tf, stripe, edge, { stride: 1, padding: 'valid' }));
  assert.deepEqual(conv, [[-3, -3, 3, 3]]);
  assert.deepEqual(gridToMatrix(relu(tf, matrixToGrid(conv))), [[0, 0, 3, 3]]);
});

test('the pipeline chains conv → ReLU → pooling and leaves no tensor behind', () => {
  const before = tf.memory().numTensors;
  const r = runPipeline(tf, course, COURSE_KERNEL, {
    stride: 1,
    padding: 'same',
    relu: true,
    pool: { kind: 'max', size: 2, stride: 2 },
  });
  assert.deepEqual([r.conv.height, r.relu?.height, r.pool?.height], [5, 5, 2]);
  assert.equal(r.final, r.pool);
  assert.deepEqual(gridToMatrix(r.final), [
    [4, 4],
    [2, 4],
  ]);
  assert.throws(
    () => convolve(tf, matrixToGrid([[1, 2]]), COURSE_KERNEL, { stride: 1, padding: 'valid' }),
    /does not fit/,
  );
  assert.equal(tf.memory().numTensors, before);
});

test("a trained model's first Conv2D kernel, summed over channels, does in the lab what the layer does to a grey picture", () => {
  const layer = tf.layers.conv2d({
    filters: 2,
    kernelSize: 3,
    useBias: false,
    padding: 'same',
    inputShape: [6, 6, 3],
  });
  const model = tf.sequential({ layers: [layer] });
  const grey: Matrix = Array.from({ length: 6 }, (_, i) =>
    Array.from({ length: 6 }, (_, j) => ((i * 5 + j * 3) % 7) / 7),
  );
  const [weights] = layer.getWeights();
  const kernels = kernelsFromConvWeights(weights.dataSync(), weights.shape);
  const rgb = tf.tidy(() => tf.tensor4d(grey.flat(), [1, 6, 6, 1]).tile([1, 1, 1, 3]));
  const out = model.predict(rgb) as tf.Tensor4D;
  const layerOut = out.arraySync()[0];
  for (let f = 0; f < 2; f++) {
    const lab = convolve(tf, matrixToGrid(grey), kernels[f], { stride: 1, padding: 'same' });
    for (let i = 0; i < 36; i++) {
      assert.ok(
        Math.abs(lab.data[i] - layerOut[Math.floor(i / 6)][i % 6][f]) < 1e-5,
        `filter ${f}, pixel ${i}`,
      );
    }
  }
  tf.dispose([rgb, out]);
  model.dispose();
});
