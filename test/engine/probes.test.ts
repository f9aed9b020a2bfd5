// Probe values against direct tfjs computations, and no tensor left behind by any probe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { channelStats, featureMapProbe } from '../../src/engine/probes/feature-maps';
import { convKernels } from '../../src/engine/probes/kernels';
import { filterPatterns } from '../../src/engine/probes/patterns';
import { gradCam } from '../../src/engine/probes/gradcam';
import { branchyConvnet, courseConvnet, digit } from './probes-fixtures';

function close(a: ArrayLike<number>, b: ArrayLike<number>, tol: number, what: string): void {
  assert.equal(a.length, b.length, `${what}: lengths`);
  for (let i = 0; i < a.length; i++) {
    assert.ok(Math.abs(a[i]! - b[i]!) <= tol * (1 + Math.abs(b[i]!)), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
  }
}

test('feature maps equal each layer computed on its own by tfjs, channel by channel', () => {
  const model = courseConvnet();
  const input = digit(0).image;
  const maps = featureMapProbe(model).run(input);
  assert.deepEqual(
    maps.layers.map((l) => [l.className, l.shape]),
    [
      ['Conv2D', [26, 26, 32]],
      ['MaxPooling2D', [13, 13, 32]],
      ['Conv2D', [11, 11, 64]],
      ['MaxPooling2D', [5, 5, 64]],
      ['Conv2D', [3, 3, 64]],
    ],
  );
  for (const l of maps.layers) {
    const direct = tf.tidy(() => {
      const sub = tf.model({
        inputs: model.inputs,
        outputs: model.getLayer(l.name).output as tf.SymbolicTensor,
      });
      const x = tf.tensor4d(input.data, [1, 28, 28, 1]);
      return tf.transpose(tf.squeeze(sub.predict(x) as tf.Tensor, [0]), [2, 0, 1]).dataSync() as Float32Array;
    });
    const [h, w, c] = l.shape;
    close(maps.data.subarray(l.offset, l.offset + h * w * c), direct, 1e-5, l.name);
    assert.equal(l.min, Math.min(...direct));
    assert.equal(l.max, Math.max(...direct));
  }
  const probs = tf.tidy(() =>
    (model.predict(tf.tensor4d(input.data, [1, 28, 28, 1])) as tf.Tensor).dataSync(),
  );
  close(maps.output, probs, 1e-5, 'output');
});

test('channel statistics are the mean and max of each map', () => {
  const maps = featureMapProbe(courseConvnet()).run(digit(1).image);
  const stats = channelStats(maps);
  const l = maps.layers[2]!;
  const [h, w] = l.shape;
  const ch = 5;
  const plane = Array.from(maps.data.subarray(l.offset + ch * h * w, l.offset + (ch + 1) * h * w));
  assert.deepEqual(stats[2]!.output_shape, [null, 11, 11, 64]);
  assert.ok(Math.abs(stats[2]!.mean[ch]! - plane.reduce((a, b) => a + b, 0) / plane.length) < 1e-6);
  assert.equal(stats[2]!.max[ch], Math.max(...plane));
});

test('kernels are the Conv2D weights as tfjs stores them', () => {
  const model = courseConvnet();
  const ks = convKernels(model);
  assert.deepEqual(
    ks.map((k) => k.shape),
    [
      [3, 3, 1, 32],
      [3, 3, 32, 64],
      [3, 3, 64, 64],
    ],
  );
  close(ks[1]!.data, model.layers[2]!.getWeights()[0]!.dataSync(), 0, 'kernel');
  assert.throws(() => convKernels(model, 'nope'), /not a Conv2D layer/);
});

test('probes take images of another size or with colour, and models with branches', () => {
  const model = branchyConvnet();
  const rgb = {
    shape: [56, 40, 3] as [number, number, number],
    data: new Float32Array(56 * 40 * 3).fill(0.3),
  };
  const maps = featureMapProbe(model).run(rgb);
  assert.deepEqual(
    maps.layers.map((l) => l.name),
    ['stem', 'stem_relu', 'branch', 'residual', 'pool'],
  );
  const cam = gradCam(model, digit(2).image, { classIndex: 3 });
  assert.equal(cam.layer, 'branch');
  assert.equal(cam.classIndex, 3);
  assert.deepEqual(cam.camShape, [28, 28]);
  assert.ok(cam.heatmap.every((v) => v >= 0 && v <= 1));
});

test('gradient ascent raises each filter’s mean activation and returns displayable images', () => {
  const model = courseConvnet();
  const layer = model.layers[0]!.name;
  const start = filterPatterns(model, layer, { count: 4, steps: 0, seed: 7 });
  const after = filterPatterns(model, layer, { count: 4, steps: 20, seed: 7 });
  assert.deepEqual(after.shape, [4, 28, 28, 1]);
  let live = 0;
  for (let i = 0; i < 4; i++) {
    // A ReLU filter silent on the grey start has no gradient to climb; the others must climb.
    if (start.activation[i]! <= 0) continue;
    live++;
    assert.ok(after.activation[i]! > start.activation[i]! * 1.5, `filter ${i} rose`);
  }
  assert.ok(live >= 2, 'at least two filters respond to the starting image');
  assert.ok(after.data.every((v) => v >= 0 && v <= 1));
  const mean = after.data.subarray(0, 784).reduce((a, b) => a + b, 0) / 784;
  assert.ok(Math.abs(mean - 0.5) < 0.05, `deprocessed around 0.5, got ${mean}`);
  assert.throws(() => filterPatterns(model, 'flatten_nope'), /no layer named/);
});

test('no probe leaves a tensor behind', () => {
  const model = courseConvnet();
  const probe = featureMapProbe(model);
  const img = digit(3).image;
  probe.run(img); // first call may create lazily-built weights; count after it
  const before = tf.memory().numTensors;
  probe.run(img);
  assert.equal(tf.memory().numTensors, before, 'feature maps');
  convKernels(model);
  assert.equal(tf.memory().numTensors, before, 'kernels');
  filterPatterns(model, model.layers[2]!.name, { count: 2, steps: 2 });
  assert.equal(tf.memory().numTensors, before, 'patterns');
  gradCam(model, img);
  assert.equal(tf.memory().numTensors, before, 'grad-cam');
  assert.throws(() => gradCam(model, img, { classIndex: 10 }), /classes 0 to 9/);
  assert.equal(tf.memory().numTensors, before, 'grad-cam with a bad class');
});

test('Grad-CAM places each conv cell at its receptive-field centre in the input', async () => {
  const { cellGeometry, placeCells } = await import('../../src/engine/probes/receptive-field');
  const model = courseConvnet();
  // valid 3x3 convs and 2x2 pools: the last 3x3 maps sit on pixels 8.5, 12.5, 16.5.
  assert.deepEqual(cellGeometry(model.layers[4]!), { offset: [8.5, 8.5], stride: [4, 4] });
  assert.deepEqual(cellGeometry(model.layers[0]!), { offset: [1, 1], stride: [1, 1] });
  // 'same' padding keeps cells on their pixels; the residual model's Add keeps the grid.
  assert.deepEqual(cellGeometry(branchyConvnet().getLayer('pool')), { offset: [0.5, 0.5], stride: [2, 2] });
  const placed = placeCells(
    new Float32Array([0, 0, 0, 0, 1, 0, 0, 0, 0]),
    3,
    3,
    { offset: [8.5, 8.5], stride: [4, 4] },
    28,
    28,
  );
  // Pixel 12 lies 0.875 of the way from cell 0 (8.5) to the hot cell 1 (12.5), on both axes.
  assert.equal(placed[12 * 28 + 12], 0.875 * 0.875);
  assert.equal(placed[12 * 28 + 12 + 28 * 4 + 4], 0.125 * 0.125);
  assert.equal(placed[0], 0);
  assert.equal(placed[3 * 28 + 12], 0, 'nothing beyond one stride past the outer cells');
});
