// Training on real MNIST slices: accuracy, events, no tensor leaks, determinism, early stopping, divergence.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { registerWasmTrainingKernels } from '../../src/engine/wasm/register.ts';
import { train, type TrainHooks } from '../../src/engine/train.ts';
import { loadMnist } from '../../src/engine/datasets/idx.ts';
import { seedMathRandom } from '../../src/engine/datasets/prng.ts';
import { buildModel } from '../../src/engine/build-model.ts';
import { getTemplate } from '../../src/shared/graph/templates/index.ts';
import { sequential } from '../../src/shared/graph/builder.ts';
import type { GraphDoc } from '../../src/shared/graph/schema.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig, type TrainEvent } from '../../src/shared/training.ts';

before(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

const small = loadMnist({ limit: 2000 }); // 2,000 train, 500 test
const tiny = loadMnist({ limit: 400 });

function denseDoc(): GraphDoc {
  return sequential(
    'tiny-dense',
    [28, 28, 1],
    [
      ['Flatten'],
      ['Dense', { units: 32, activation: 'relu' }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ],
  );
}

async function run(cfg: Partial<TrainConfig>, doc = denseDoc(), data = tiny, hooks: TrainHooks = {}) {
  const config = { ...DEFAULT_TRAIN_CONFIG, epochs: 1, batchSize: 32, ...cfg };
  const restore = seedMathRandom(config.seed);
  const model = buildModel(doc);
  const events: TrainEvent[] = [];
  try {
    const result = await train(model, data, config, (e) => events.push(e), undefined, hooks);
    return { result, events, model };
  } finally {
    restore();
  }
}

test('the course convnet reaches > 0.8 test accuracy after one epoch on 2,000 MNIST images', async () => {
  const { result, events, model } = await run(
    { batchSize: 16, validationSplit: 0, seed: 1 },
    getTemplate('mnist-convnet')!,
    small,
  );
  model.dispose();
  assert.equal(result.status, 'completed');
  assert.ok(result.test!.accuracy! > 0.8, `test accuracy ${result.test!.accuracy}`);
  const types = events.map((e) => e.type);
  assert.equal(types[0], 'start');
  assert.equal(types.at(-1), 'test');
  const batches = events.filter((e): e is Extract<TrainEvent, { type: 'batch' }> => e.type === 'batch');
  assert.ok(batches.length >= 2 && batches.length <= 125);
  assert.equal(batches.at(-1)!.batch, 125); // the last batch of an epoch is always reported
  for (const b of batches) assert.ok(b.samplesPerSec > 0 && b.etaSec >= 0 && Number.isFinite(b.loss));
});

test('batch events are throttled, epochs carry train and validation figures, and no tensor leaks across epochs', async () => {
  const counts: number[] = [];
  const { result, events, model } = await run(
    { epochs: 3, augmentation: { rotation_range: 10, width_shift_range: 0.1, zoom_range: 0.1 } },
    denseDoc(),
    tiny,
    {
      batchEventIntervalMs: 1e9,
      onEpochEnd: async () => {
        counts.push(tf.memory().numTensors);
      },
    },
  );
  model.dispose();
  assert.equal(result.status, 'completed');
  assert.equal(counts.length, 3);
  assert.equal(counts[1], counts[0]);
  assert.equal(counts[2], counts[0]);
  // With an hour between events only each epoch's first and last batch are reported.
  assert.equal(events.filter((e) => e.type === 'batch').length, 6);
  const epochs = events.filter((e): e is Extract<TrainEvent, { type: 'epoch' }> => e.type === 'epoch');
  assert.deepEqual(
    epochs.map((e) => e.epoch),
    [1, 2, 3],
  );
  for (const e of epochs) assert.ok(e.val_loss! > 0 && e.val_accuracy! >= 0 && e.accuracy! > 0);
  assert.ok(epochs[2]!.loss < epochs[0]!.loss, 'the loss falls');
});

test('the same seed repeats a run exactly; another seed does not', async () => {
  const cfg = { epochs: 2, seed: 5, augmentation: { rotation_range: 15, horizontal_flip: true } };
  const a = await run(cfg);
  const b = await run(cfg);
  const c = await run({ ...cfg, seed: 6 });
  [a, b, c].forEach((r) => r.model.dispose());
  assert.deepEqual(
    b.result.history.map((e) => e.loss),
    a.result.history.map((e) => e.loss),
  );
  assert.equal(b.result.test!.loss, a.result.test!.loss);
  assert.notEqual(c.result.history[0]!.loss, a.result.history[0]!.loss);
});

test('early stopping ends the run when the validation loss stops improving', async () => {
  // A learning rate too small to move float32 weights: the validation loss never improves after epoch 1.
  const { result, events, model } = await run({
    epochs: 6,
    learningRate: 1e-12,
    earlyStopping: { patience: 2 },
  });
  model.dispose();
  assert.equal(result.status, 'completed');
  assert.equal(result.epochsCompleted, 3);
  const stopped = events.find((e) => e.type === 'stopped');
  assert.ok(stopped && stopped.type === 'stopped' && stopped.reason === 'early-stopping');
  assert.match(stopped.message, /not improved for 2 epoch\(s\) since epoch 1/);
  assert.equal(result.test?.epoch, 1); // keepBest tests the best epoch's weights
});

test('a NaN or diverging loss stops the run with an explanation naming the learning rate', async () => {
  const nan = await run({ optimizer: 'sgd', momentum: 0, learningRate: 1e30, loss: 'mse' });
  nan.model.dispose();
  assert.equal(nan.result.status, 'failed');
  const err = nan.events.at(-1)!;
  assert.ok(err.type === 'error' && err.code === 'nan-loss');
  assert.match(
    err.message,
    /The loss became NaN at epoch 1, batch \d+ — the learning rate 1e\+30 is probably too high; try 0\.001\./,
  );
  const diverged = await run({ optimizer: 'rmsprop', learningRate: 10 });
  diverged.model.dispose();
  const e2 = diverged.events.at(-1)!;
  assert.ok(e2.type === 'error' && e2.code === 'exploding-loss', JSON.stringify(e2));
  assert.match(e2.message, /learning rate 10 is probably too high; try 0\.001/);
  const sane = await run({ learningRate: 0.001 });
  sane.model.dispose();
  assert.equal(sane.result.status, 'completed');
});

test('data that does not fit the model ends with a clear error event', async () => {
  const doc = sequential('five', [28, 28, 1], [['Flatten'], ['Dense', { units: 5, activation: 'softmax' }]]);
  const { result, events, model } = await run({}, doc);
  model.dispose();
  assert.equal(result.status, 'failed');
  const e = events.at(-1)!;
  assert.ok(e.type === 'error' && e.code === 'data');
  assert.match(e.message, /10 classes but the last layer has 5 units/);
});
