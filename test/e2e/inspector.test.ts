// The Inspect view in Chromium against the real engine: feature maps, filters, Grad-CAM of a trained run.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/engine/backend';
import { buildModel } from '../../src/engine/build-model';
import { loadIdxPair, MNIST_CLASSES, mnistDir } from '../../src/engine/datasets/idx';
import { createRun, saveModelToDir, writeResult } from '../../src/engine/runs';
import { getTemplate } from '../../src/shared/graph/templates';
import { DEFAULT_TRAIN_CONFIG } from '../../src/shared/training';
import { createHandlers } from '../../src/main/handlers';
import { createServices, type Services } from '../../src/main/services';
import { launchApp, screenshot, type LaunchedApp } from './helpers';

const TRAIN = 5120;
let app: LaunchedApp;
let dataDir = '';
/** Kept, so the engine process the Follow-training test starts ends with the tests. */
let services: Services | null = null;

/** A briefly trained mnist-convnet saved as a run, so the views show what training learned. */
async function trainedRun(dir: string): Promise<void> {
  await initBackend();
  const graph = getTemplate('mnist-convnet')!;
  const model = buildModel(graph);
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
  await model.fit(xs, ys, { batchSize: 64, epochs: 1, verbose: 0 });
  tf.dispose([xs, ys]);
  const run = createRun(dir, {
    name: 'mnist-convnet · 80 batches',
    graph,
    config: DEFAULT_TRAIN_CONFIG,
    dataset: { kind: 'mnist', limit: TRAIN },
  });
  await saveModelToDir(model, join(run.dir, 'best'));
  writeResult(run.dir, {
    status: 'completed',
    epochs_completed: 1,
    best_epoch: 1,
    test_loss: null,
    test_accuracy: null,
    tested_epoch: null,
    finishedAt: new Date().toISOString(),
  });
  model.dispose();
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'inspector-e2e-'));
  process.env.CONVNET_STUDIO_DATA = dataDir;
  await trainedRun(dataDir);
  app = await launchApp({
    viewport: { width: 1440, height: 900 },
    handlers: (events) => {
      services = createServices(events);
      return createHandlers({ shell: 'server', events, ...services });
    },
  });
  await app.page.locator('.tabs__tab[data-view=inspect]').click();
});
after(async () => {
  await app?.close();
  services?.training?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const LAYERS = { conv2d: 32, max_pooling2d: 32, conv2d_1: 64, max_pooling2d_1: 64, conv2d_2: 64 };

test('feature maps of every conv and pooling layer reach the screen, one canvas per channel', async (t) => {
  const { page } = app;
  const picker = page.getByTestId('inspector-input-picker');
  await picker.waitFor();
  for (const [name, channels] of Object.entries(LAYERS)) {
    const group = page.getByTestId(`feature-layer-${name}`);
    await group.waitFor();
    assert.equal(await group.getByTestId('feature-map').count(), channels, name);
  }
  // Each new input: request -> engine -> WebSocket -> canvases painted, timed by the view itself.
  const times: number[] = [];
  const parts: string[] = [];
  for (const index of [1, 2, 3, 4, 5, 6]) {
    const latency = page.getByTestId('feature-maps-latency');
    const seq = await latency.getAttribute('data-seq');
    await page.getByTestId('inspector-test-index').fill(String(index));
    await page.locator(`[data-testid=feature-maps-latency]:not([data-seq="${seq}"])`).waitFor();
    times.push(Number(await latency.getAttribute('data-ms')));
    parts.push(`${await latency.getAttribute('data-engine')}/${await latency.getAttribute('data-reply')}`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  t.diagnostic(
    `request-to-screen for all 256 feature maps of one input: median ${median.toFixed(1)} ms (${times.map((x) => x.toFixed(0)).join(', ')}); engine/reply ms: ${parts.join(', ')}`,
  );
  assert.ok(median < 1000, `feature maps took ${median} ms`);
  await page.getByTestId('inspector-test-index').fill('0');
  await page.getByTestId('feature-layer-conv2d').waitFor();
  await page.waitForTimeout(300);
  await screenshot(page, 'inspector-feature-maps');
});

test('the colour scale switches, and a clicked map opens large with its values under the cursor', async () => {
  const { page } = app;
  const scale = page.getByTestId('feature-scale-mode');
  await scale.getByRole('radio').nth(2).click();
  await page.getByTestId('feature-legend').waitFor();
  await scale.getByRole('radio').nth(1).click();
  await page.getByTestId('feature-layer-conv2d').getByTestId('feature-map').nth(3).click();
  const large = page.getByTestId('feature-map-large');
  await large.waitFor();
  await large.hover({ position: { x: 150, y: 120 } });
  await page
    .getByTestId('feature-map-value')
    .filter({ hasText: /^\(\d+, \d+\) = -?\d/ })
    .waitFor();
  await screenshot(page, 'inspector-map-zoom');
  await screenshot(page, 'inspector-map-zoom');
  await page.keyboard.press('Escape');
  await large.waitFor({ state: 'detached' });
});

test('filters show the kernels and gradient-ascent patterns of a layer', async () => {
  const { page } = app;
  await page.getByTestId('inspector-tab-filters').click();
  const kernels = page.getByTestId('kernels-conv2d');
  await kernels.waitFor();
  assert.equal(await kernels.getByTestId('kernel').count(), 32);
  await page.getByTestId('filters-compute').click();
  await page.getByTestId('filter-pattern').first().waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('filter-pattern').count(), 16);
  await screenshot(page, 'inspector-filters');
});

test('Grad-CAM overlays the heatmap on the input, with opacity and class choice', async () => {
  const { page } = app;
  await page.getByTestId('inspector-tab-gradcam').click();
  const overlay = page.getByTestId('gradcam-overlay');
  await overlay.waitFor();
  assert.equal(
    await overlay.getAttribute('data-class'),
    '7',
    'mnist-test:0 is a 7, and the trained model says so',
  );
  await page.getByTestId('gradcam-opacity').fill('0.7');
  assert.match((await overlay.locator('.in-cam__heat').getAttribute('style')) ?? '', /opacity: 0\.7/);
  await screenshot(page, 'inspector-gradcam');
  await page.getByTestId('gradcam-class').selectOption('3');
  await page.locator('[data-testid=gradcam-overlay][data-class="3"]').waitFor();
  assert.deepEqual(app.errors, []);
});

test('Follow training: the maps of the chosen input refresh every few batches while the run trains', async () => {
  const { page } = app;
  await page.locator('.tabs__tab[data-view=editor]').click();
  await page.getByRole('button', { name: /^Templates/ }).click();
  await page.getByTestId('template-mnist-convnet').click();
  await page.locator('.tabs__tab[data-view=training]').click();
  const panel = page.locator('[data-view-panel=training]');
  await panel.getByTestId('train-limit').fill('4000');
  await panel.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill('3');
  await panel.getByRole('spinbutton', { name: 'Batch size', exact: true }).fill('32');
  await page.getByTestId('train-start').click();
  await page.locator('[data-testid=train-status][data-state=running]').waitFor({ timeout: 60_000 });
  await page.locator('.tabs__tab[data-view=inspect]').click();
  await page.getByTestId('inspector-tab-maps').click();
  // The new run joins the list (newest first) once the engine has named it.
  const select = page.getByTestId('inspector-model');
  await select.locator('option[value^="run:"]').nth(1).waitFor({ state: 'attached', timeout: 60_000 });
  await select.selectOption({ index: 0 });
  await page.getByLabel('Follow training').check();
  const live = page.getByTestId('inspector-live');
  await live.waitFor({ timeout: 60_000 });
  const [epoch, batch] = [await live.getAttribute('data-epoch'), await live.getAttribute('data-batch')];
  // A later batch's maps replace them while the run goes on.
  await page
    .locator(`[data-testid=inspector-live]:not([data-epoch="${epoch}"][data-batch="${batch}"])`)
    .waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('feature-layer-conv2d').getByTestId('feature-map').count(), 32);
  assert.equal(
    await page.locator('[data-view-panel=inspect] .in-error').count(),
    0,
    'no error beside live maps',
  );
  await screenshot(page, 'inspector-follow-live');
  await page.locator('.tabs__tab[data-view=training]').click();
  await page.getByTestId('train-stop').click();
  await page
    .locator('[data-testid=train-status]:not([data-state=running]):not([data-state=stopping])')
    .waitFor({ timeout: 60_000 });
  assert.deepEqual(app.errors, []);
});
