// The offline transfer example: a frozen base pretrained on digits 0-4 beats from-scratch on a small set of 5-9.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/engine/backend.ts';
import { runTransferExample } from '../../src/engine/transfer-example.ts';

test('the pretrained frozen base beats the same model trained from scratch on 100 images', async () => {
  await initBackend({ prefer: 'wasm' });
  const before = tf.memory().numTensors;
  const r = await runTransferExample({
    pretrainSamples: 8000,
    pretrainEpochs: 1,
    smallSamples: 100,
    epochs: 15,
  });
  assert.ok(r.pretrain.testAccuracy > 0.9, `pretraining on 0-4 reached ${r.pretrain.testAccuracy}`);
  assert.equal(r.smallSamples, 100);
  assert.ok(r.testSamples > 4000, 'tested on the whole 5-9 test set');
  assert.ok(r.transfer.trainableParams < r.scratch.trainableParams / 3, 'only the head trains on the base');
  assert.ok(
    r.transfer.testAccuracy > r.scratch.testAccuracy,
    `transfer ${r.transfer.testAccuracy} should beat scratch ${r.scratch.testAccuracy}`,
  );
  assert.equal(tf.memory().numTensors, before);
});
