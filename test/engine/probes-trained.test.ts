// What a trained mnist-convnet shows: filter patterns that training changed, Grad-CAM heat on the digit.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/engine/backend';
import { buildModel } from '../../src/engine/build-model';
import { loadIdxPair, MNIST_CLASSES, mnistDir } from '../../src/engine/datasets/idx';
import { gradCam } from '../../src/engine/probes/gradcam';
import { mnistTestImage } from '../../src/engine/probes/inputs';
import { filterPatterns } from '../../src/engine/probes/patterns';
import { getTemplate } from '../../src/shared/graph/templates';
import type { FilterPatterns } from '../../src/shared/probes';

const TRAIN = 6400; // 100 batches of 64
let model: tf.LayersModel;
let firstConv = '';
let untrained: FilterPatterns;
let untrainedAgain: FilterPatterns;
let trained: FilterPatterns;

const meanAbsDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;

before(async () => {
  await initBackend();
  tf.util.assert(tf.getBackend() !== undefined, () => 'a backend');
  model = buildModel(getTemplate('mnist-convnet')!);
  firstConv = model.layers.find((l) => l.getClassName() === 'Conv2D')!.name;
  untrained = filterPatterns(model, firstConv, { count: 8, seed: 3 });
  untrainedAgain = filterPatterns(model, firstConv, { count: 8, seed: 3 });
  const set = loadIdxPair(
    join(mnistDir(), 'train-images-idx3-ubyte'),
    join(mnistDir(), 'train-labels-idx1-ubyte'),
    MNIST_CLASSES,
    TRAIN,
  );
  const xs = tf.tensor4d(
    Float32Array.from(set.pixels, (v) => v / 255),
    [TRAIN, 28, 28, 1],
  );
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from(set.labels), 'int32'), 10));
  model.compile({ optimizer: tf.train.rmsprop(0.001), loss: 'categoricalCrossentropy' });
  await model.fit(xs, ys, { batchSize: 64, epochs: 1, verbose: 0, shuffle: false });
  tf.dispose([xs, ys]);
  trained = filterPatterns(model, firstConv, { count: 8, seed: 3 });
});

test('training changes the first layer’s gradient-ascent patterns (the same start gives the same patterns)', (t) => {
  assert.equal(
    meanAbsDiff(untrained.data, untrainedAgain.data),
    0,
    'patterns are deterministic for a fixed model and seed',
  );
  const change = meanAbsDiff(untrained.data, trained.data);
  t.diagnostic(`mean |trained - untrained| per pixel: ${change.toFixed(4)}`);
  assert.ok(change > 0.01, `trained patterns differ from untrained ones by ${change.toFixed(3)} per pixel`);
  // Training makes the filters respond more strongly to their preferred pattern.
  const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
  assert.ok(mean(trained.activation) > mean(untrained.activation), 'trained filters respond more');
});

/** The digit's ink (pixels above 0.2), dilated by two pixels, and its bounding box likewise. */
function digitMasks(image: Float32Array): { ink: Uint8Array; box: Uint8Array } {
  const ink = new Uint8Array(784);
  const box = new Uint8Array(784);
  let [y0, y1, x0, x1] = [28, -1, 28, -1];
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      if (image[y * 28 + x]! <= 0.2) continue;
      [y0, y1, x0, x1] = [Math.min(y0, y), Math.max(y1, y), Math.min(x0, x), Math.max(x1, x)];
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const [yy, xx] = [y + dy, x + dx];
          if (yy >= 0 && yy < 28 && xx >= 0 && xx < 28) ink[yy * 28 + xx] = 1;
        }
      }
    }
  }
  for (let y = Math.max(0, y0 - 2); y <= Math.min(27, y1 + 2); y++)
    for (let x = Math.max(0, x0 - 2); x <= Math.min(27, x1 + 2); x++) box[y * 28 + x] = 1;
  return { ink, box };
}

test('Grad-CAM of the true class puts its heat on the digit, not on the empty border', (t) => {
  let checked = 0;
  let boxMass = 0;
  let inkDensityRatio = 0;
  let empty = 0;
  for (let i = 0; i < 30 && checked < 15; i++) {
    const { image, label } = mnistTestImage(i);
    const cam = gradCam(model, image, { classIndex: label! });
    const predicted = cam.output.indexOf(Math.max(...cam.output));
    if (predicted !== label) continue;
    checked++;
    const { ink, box } = digitMasks(image.data);
    let inBox = 0;
    let total = 0;
    let onInk = 0;
    let inkPixels = 0;
    cam.heatmap.forEach((v, p) => {
      total += v;
      if (box[p]) inBox += v;
      if (ink[p]) {
        onInk += v;
        inkPixels++;
      }
    });
    // ReLU of the weighted sum can leave no positive evidence at all; allowed, but rarely.
    if (total === 0) {
      empty++;
      continue;
    }
    const boxShare = inBox / total;
    assert.ok(
      boxShare > 0.5,
      `digit ${i} (${label}): ${(boxShare * 100).toFixed(0)}% of the heat inside its box`,
    );
    boxMass += boxShare;
    inkDensityRatio += onInk / inkPixels / ((total - onInk) / (784 - inkPixels));
  }
  assert.ok(
    checked >= 10,
    `at least 10 of the first 30 test digits are classified correctly (got ${checked})`,
  );
  assert.ok(empty <= checked / 5, `${empty} of ${checked} heatmaps are empty`);
  boxMass /= checked - empty;
  inkDensityRatio /= checked - empty;
  t.diagnostic(
    `${checked} digits (${empty} empty heatmaps): ${(boxMass * 100).toFixed(1)}% of heat in the dilated box, ink/off-ink density ${inkDensityRatio.toFixed(2)}`,
  );
  assert.ok(
    boxMass > 0.85,
    `on average ${(boxMass * 100).toFixed(0)}% of the heat lies in the digit's dilated box`,
  );
  assert.ok(
    inkDensityRatio > 1.5,
    `heat per pixel on the digit is ${inkDensityRatio.toFixed(2)}x that off it`,
  );
});
