// A run's saved model evaluated on its own test set: predictions, confusion matrix, images by index, one drawing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { RunEvaluator } from '../../src/engine/evaluate-run.ts';
import { saveModelToDir } from '../../src/engine/model-io.ts';
import { createRun } from '../../src/engine/runs.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/shared/training.ts';
import type { GraphDoc } from '../../src/shared/graph/schema.ts';

const graph: GraphDoc = { version: 1, name: 'tiny', nodes: [], edges: [] };

test('a saved run is evaluated on its test set, shows its images and predicts a drawing', async () => {
  await tf.setBackend('cpu');
  const dataDir = mkdtempSync(join(tmpdir(), 'eval-run-'));
  try {
    // A dense model that has learned nothing still gives a full, consistent evaluation.
    const model = tf.sequential({
      layers: [
        tf.layers.flatten({ inputShape: [28, 28, 1] }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    const { id, dir } = createRun(dataDir, {
      graph,
      config: DEFAULT_TRAIN_CONFIG,
      dataset: { kind: 'mnist', limit: 200 },
    });
    await saveModelToDir(model, join(dir, 'best'));
    model.dispose();

    const evaluator = new RunEvaluator(dataDir);
    const before = tf.memory().numTensors;
    const ev = await evaluator.evaluate(id);
    assert.equal(ev.count, 100, 'limit 200 tests on 100 images, as the run did');
    assert.deepEqual(ev.imageShape, [28, 28, 1]);
    assert.equal(ev.classNames.length, 10);
    assert.equal(ev.predicted.length, 100);
    assert.equal(
      ev.confusion.flat().reduce((a, b) => a + b, 0),
      100,
    );
    const diagonal = ev.confusion.reduce((a, row, i) => a + row[i]!, 0);
    assert.equal(diagonal / 100, ev.accuracy);
    assert.ok(ev.confidence.every((c) => c > 0 && c <= 1));
    // Cached: a second call is the same object.
    assert.equal(await evaluator.evaluate(id), ev);

    const imgs = await evaluator.images(id, [0, 5, 99]);
    assert.deepEqual(imgs.shape, [3, 28, 28, 1]);
    assert.ok(
      imgs.pixels.some((p) => p > 200),
      'real digits have bright pixels',
    );
    await assert.rejects(() => evaluator.images(id, [100]), /test set has 100 images/);

    const drawing = new Float32Array(28 * 28);
    for (let y = 4; y < 24; y++) drawing[y * 28 + 14] = 1;
    const pred = await evaluator.predict(id, drawing, [28, 28, 1]);
    assert.equal(pred.probabilities.length, 10);
    assert.ok(Math.abs(pred.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-5);
    assert.deepEqual(pred.classNames, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

    await assert.rejects(() => evaluator.evaluate('../etc'), /not a run id/);
    const empty = createRun(dataDir, {
      graph,
      config: DEFAULT_TRAIN_CONFIG,
      dataset: { kind: 'mnist', limit: 200 },
    });
    await assert.rejects(() => evaluator.evaluate(empty.id), /no saved model/);
    evaluator.dispose();
    assert.equal(
      tf.memory().numTensors,
      before,
      'evaluating, showing and predicting leave no tensors behind',
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
