// The Conv lab takes a kernel from a run's first Conv2D layer (through probe:models / probe:kernels) and applies it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { createRun, saveModelToDir, writeResult } from '../../src/engine/runs';
import { getTemplate } from '../../src/shared/graph/templates';
import { DEFAULT_TRAIN_CONFIG } from '../../src/shared/training';
import { launchApp, screenshot, type LaunchedApp } from './helpers';

let app: LaunchedApp;
let dataDir = '';

/** A saved run whose first Conv2D holds known kernels: filter 0 the course's vertical edge, filter 1 its horizontal edge. */
async function runWithKnownKernels(dir: string): Promise<void> {
  const conv = tf.layers.conv2d({ filters: 2, kernelSize: 3, useBias: false, inputShape: [28, 28, 1] });
  const model = tf.sequential({
    layers: [conv, tf.layers.flatten(), tf.layers.dense({ units: 10, activation: 'softmax' })],
  });
  const vertical = [1, 0, -1, 1, 0, -1, 1, 0, -1];
  const horizontal = [1, 1, 1, 0, 0, 0, -1, -1, -1];
  // [kh, kw, in, out] row-major: the two filters interleave.
  const values = vertical.flatMap((v, i) => [v, horizontal[i]]);
  conv.setWeights([tf.tensor4d(values, [3, 3, 1, 2])]);
  const graph = getTemplate('mnist-convnet');
  assert.ok(graph);
  const run = createRun(dir, {
    name: 'known kernels',
    graph,
    config: DEFAULT_TRAIN_CONFIG,
    dataset: { kind: 'mnist', limit: 64 },
  });
  await saveModelToDir(model, join(run.dir, 'best'));
  writeResult(run.dir, {
    status: 'completed',
    epochs_completed: 1,
    best_epoch: 1,
    test_loss: null,
    test_accuracy: 0.5,
    tested_epoch: 1,
    finishedAt: new Date().toISOString(),
  });
  model.dispose();
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'convlab-model-e2e-'));
  process.env.CONVNET_STUDIO_DATA = dataDir;
  await runWithKnownKernels(dataDir);
  app = await launchApp();
  await app.page.locator('.tabs__tab[data-view=convLab]').click();
  await app.page.getByTestId('convlab-tabs').getByRole('button', { name: 'On an image' }).click();
});
after(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test("a run's first Conv2D filter becomes the lab's kernel and gives the same map as the same gallery kernel", async () => {
  const { page } = app;
  const bar = () => page.getByTestId('convlab-stage-conv').locator('.cl-bar__labels').textContent();
  await page.getByTestId('convlab-gallery-horizontal-edge').click();
  const galleryBar = await bar();
  await page.getByTestId('convlab-gallery-vertical-edge').click();
  const run = page.getByTestId('convlab-model-run');
  await run.locator('option', { hasText: 'known kernels · 50.0%' }).waitFor({ state: 'attached' });
  await run.selectOption({ label: 'known kernels · 50.0%' });
  await page.getByText('First Conv2D layer').waitFor();
  await page.getByRole('button', { name: 'Filter 1' }).click();
  assert.equal(await page.getByTestId('convlab-gallery-custom').getAttribute('aria-pressed'), 'true');
  assert.equal(await bar(), galleryBar, 'the model kernel is the horizontal edge, so the map is the same');
  await page.getByTestId('convlab-model').scrollIntoViewIfNeeded();
  await screenshot(page, 'conv-lab-model-kernel');
  await page.getByTestId('convlab-tabs').getByRole('button', { name: 'Step by step' }).click();
  const kernel = await page
    .getByTestId('convlab-kernel')
    .locator('input')
    .evaluateAll((inputs) => inputs.map((i) => Number((i as unknown as { value: string }).value)));
  assert.deepEqual(kernel, [1, 1, 1, 0, 0, 0, -1, -1, -1], 'the editor holds the model kernel');
  assert.deepEqual(app.errors, []);
});
