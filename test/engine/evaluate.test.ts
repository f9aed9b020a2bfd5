// Evaluation helpers: confusion matrix, misclassified list, and one-image prediction on a real tfjs model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { confusionMatrix, evaluateModel, predictOne, toProbabilities } from '../../src/engine/evaluate.ts';

/** A model that answers "the class is the index of the brightest of 10 pixels": flatten, identity dense, softmax. */
function brightestPixelModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.flatten({ inputShape: [1, 10, 1] }));
  model.add(
    tf.layers.dense({ units: 10, activation: 'softmax', useBias: false, kernelInitializer: 'identity' }),
  );
  model.layers[1]!.setWeights([tf.mul(tf.eye(10), 8)]);
  return model;
}

function oneHotImages(classes: number[]): tf.Tensor4D {
  return tf.tidy(() => tf.oneHot(classes, 10).toFloat().reshape([classes.length, 1, 10, 1]) as tf.Tensor4D);
}

test('confusion matrix counts true/predicted pairs and refuses mismatched inputs', () => {
  const m = confusionMatrix([0, 1, 1, 2, 2, 2], [0, 1, 2, 2, 2, 0], 3);
  assert.deepEqual(m, [
    [1, 0, 0],
    [0, 1, 1],
    [1, 0, 2],
  ]);
  assert.throws(() => confusionMatrix([0, 1], [0], 2), /must match/);
  assert.throws(() => confusionMatrix([0, 3], [0, 1], 2), /outside the 2 classes/);
});

test('scores become probabilities that sum to 1 (softmax output, logits, one sigmoid unit)', () => {
  for (const scores of [[0.1, 0.7, 0.2], [2, -1, 0.5, 3], [0.8]]) {
    const p = toProbabilities(scores);
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-6, `sum of ${p.join(',')}`);
    assert.ok(p.every((v) => v >= 0 && v <= 1));
  }
  assert.deepEqual(
    toProbabilities([0.1, 0.7, 0.2]).map((v) => v.toFixed(3)),
    ['0.100', '0.700', '0.200'],
  );
  assert.equal(toProbabilities([2, -1, 0.5, 3]).indexOf(Math.max(...toProbabilities([2, -1, 0.5, 3]))), 3);
  assert.deepEqual(
    toProbabilities([0.8]).map((v) => v.toFixed(2)),
    ['0.20', '0.80'],
  );
});

test('evaluating a model gives accuracy, confusion matrix and misclassified images without leaking tensors', async () => {
  await tf.setBackend('cpu');
  const model = brightestPixelModel();
  const shown = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 3, 3];
  // Two mistakes: image 9 shows a 9 labelled 4, image 11 shows a 3 labelled 5.
  const labels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 4, 3, 5];
  const xs = oneHotImages(shown);
  const before = tf.memory().numTensors;
  const ev = await evaluateModel(model, xs, labels, { batchSize: 5 });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(ev.count, 12);
  assert.equal(ev.numClasses, 10);
  assert.equal(ev.accuracy, 10 / 12);
  assert.equal(ev.confusion[3]![3], 2);
  assert.equal(ev.confusion[5]![3], 1);
  assert.equal(ev.confusion[4]![9], 1);
  assert.equal(
    ev.confusion.flat().reduce((a, b) => a + b, 0),
    12,
  );
  assert.deepEqual(
    ev.misclassified.map((m) => [m.index, m.trueLabel, m.predicted]).sort((a, b) => a[0]! - b[0]!),
    [
      [9, 4, 9],
      [11, 5, 3],
    ],
  );
  assert.ok(ev.misclassified.every((m) => m.confidence > 0.5 && m.confidence <= 1));
  await assert.rejects(() => evaluateModel(model, xs, labels.slice(1)), /12 images but 11 labels/);
  xs.dispose();
  model.dispose();
});

test('one image is resized to the model input and predicted with probabilities summing to 1', async () => {
  await tf.setBackend('cpu');
  const model = brightestPixelModel();
  // A 2x20 image whose bright pixels sit at columns 14-15: after resizing to 1x10 that is pixel 7.
  const img = new Float32Array(2 * 20);
  img[14] = img[15] = img[34] = img[35] = 1;
  const before = tf.memory().numTensors;
  const pred = predictOne(model, img, [2, 20, 1]);
  assert.equal(tf.memory().numTensors, before);
  assert.equal(pred.predicted, 7);
  assert.equal(pred.probabilities.length, 10);
  assert.ok(Math.abs(pred.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  // RGB input to a grayscale model is averaged to one channel.
  const rgb = new Float32Array(10 * 3);
  rgb.fill(1, 2 * 3, 3 * 3);
  assert.equal(predictOne(model, rgb, [1, 10, 3]).predicted, 2);
  assert.throws(() => predictOne(model, new Float32Array(5), [1, 10, 1]), /needs 10/);
  model.dispose();
});
