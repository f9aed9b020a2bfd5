// Training and runs in a real browser against the real engine on real MNIST: train, watch, compare, stop, draw.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createHandlers } from '../../src/main/handlers';
import { createServices, type Services } from '../../src/main/services';
import { launchApp, screenshot, type LaunchedApp } from './helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'convnet-e2e-runs-'));
let app: LaunchedApp;
let services: Services | null = null;

before(async () => {
  process.env.CONVNET_STUDIO_DATA = dataDir;
  app = await launchApp({
    handlers: (events) => {
      services = createServices(events);
      return createHandlers({ shell: 'server', events, ...services });
    },
  });
});

after(async () => {
  await app?.close();
  services?.training?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const view = async (page: Page, id: string) => {
  await page.locator(`.tabs__tab[data-view=${id}]`).click();
  await page.locator(`[data-view-panel=${id}]`).waitFor({ state: 'visible' });
};

/** Waits until the progress bar's data-ATTR reaches `min` (polled from here: the page's CSP forbids eval). */
async function progressAtLeast(page: Page, attr: string, min: number, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  const bar = page.getByTestId('train-progress');
  while (Number(await bar.getAttribute(`data-${attr}`)) < min) {
    if (Date.now() > deadline)
      throw new Error(`The progress bar's ${attr} did not reach ${min} within ${timeout} ms.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type LongTaskGlobal = {
  __longTasks: number[];
  PerformanceObserver: new (cb: (list: { getEntries(): { duration: number }[] }) => void) => {
    observe(o: object): void;
  };
};

/** Starts recording the page's long tasks (over 50 ms) from now on. */
const watchLongTasks = (page: Page) =>
  page.evaluate(() => {
    const g = globalThis as unknown as LongTaskGlobal;
    g.__longTasks = [];
    new g.PerformanceObserver((list) => {
      for (const e of list.getEntries()) g.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
const longTasks = (page: Page) => page.evaluate(() => (globalThis as unknown as LongTaskGlobal).__longTasks);

const num = async (page: Page, selector: string, attr: string) =>
  Number(await page.locator(selector).getAttribute(attr));

async function settings(
  page: Page,
  s: { limit: number; epochs: number; batch: number; optimizer: string; lr: number },
) {
  const panel = page.locator('[data-view-panel=training]');
  await panel.getByTestId('train-limit').fill(String(s.limit));
  await panel.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill(String(s.epochs));
  await panel.getByRole('spinbutton', { name: 'Batch size', exact: true }).fill(String(s.batch));
  await panel.getByRole('combobox', { name: 'Optimizer', exact: true }).selectOption(s.optimizer);
  await panel.getByRole('spinbutton', { name: 'Learning rate', exact: true }).fill(String(s.lr));
}

test('train mnist-convnet for one epoch: progress and charts move, the run shows a test accuracy above 0.9', async () => {
  const { page } = app;
  await page.getByRole('button', { name: /^Templates/ }).click();
  await page.getByTestId('template-mnist-convnet').click();
  await view(page, 'training');
  await page.getByTestId('train-backend').filter({ hasText: 'wasm' }).waitFor({ timeout: 60_000 });
  await settings(page, { limit: 4000, epochs: 1, batch: 32, optimizer: 'adam', lr: 0.002 });
  // Augmentation shows a preview of augmented training samples (and is left off for this run).
  await page.getByLabel('Data augmentation', { exact: true }).check();
  await page.getByTestId('augment-preview').click();
  await page.getByTestId('augment-samples').locator('canvas').nth(11).waitFor({ timeout: 30_000 });
  await page.getByTestId('augment-samples').scrollIntoViewIfNeeded();
  await screenshot(page, 'training-settings-light');
  await page.getByLabel('Data augmentation', { exact: true }).uncheck();

  await page.getByTestId('train-start').click();
  await page.locator('[data-testid=train-status][data-state=running]').waitFor({ timeout: 60_000 });
  await watchLongTasks(page);
  // Progress and both charts move while the run goes.
  await progressAtLeast(page, 'batch', 5, 90_000);
  const batch1 = await num(page, '[data-testid=train-progress]', 'data-batch');
  const loss1 = await num(page, '[data-testid=chart-loss]', 'data-points');
  const acc1 = await num(page, '[data-testid=chart-accuracy]', 'data-points');
  assert.ok(loss1 > 0 && acc1 > 0, 'the charts have points');
  await progressAtLeast(page, 'batch', batch1 + 11, 90_000);
  assert.ok((await num(page, '[data-testid=chart-loss]', 'data-points')) > loss1, 'the loss chart grew');
  assert.ok(
    (await num(page, '[data-testid=chart-accuracy]', 'data-points')) > acc1,
    'the accuracy chart grew',
  );
  const slow = await longTasks(page);
  console.log(`long tasks while training: ${JSON.stringify(slow.map((d) => Math.round(d)))}`);
  assert.deepEqual(slow, [], 'no renderer task over 50 ms while training events stream in');
  await screenshot(page, 'training-running-light');
  assert.match(
    (await page.locator('.ts-progress__text').innerText()).replace(/\s+/g, ' '),
    /Epoch 1\/1 · batch \d+\/\d+ · [\d,]+ samples\/s · ETA \d+:\d\d/,
  );

  await page.locator('[data-testid=train-status][data-state=completed]').waitFor({ timeout: 420_000 });
  assert.match(await page.getByTestId('train-status').innerText(), /Test accuracy 0\.9/);
  await screenshot(page, 'training-done-light');

  await view(page, 'runs');
  const row = page.getByTestId('run-row');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  const acc = Number(await row.first().getByTestId('run-test-accuracy').getAttribute('data-value'));
  assert.ok(acc > 0.9, `test accuracy ${acc} should be above 0.9`);
  assert.match(
    await row.first().innerText(),
    /mnist-convnet[\s\S]*MNIST \(4,000\)[\s\S]*adam 0\.002 · 1 ep · batch 32[\s\S]*wasm/,
  );
});

test('after the run: confusion matrix, its cells open their test images, misclassified gallery', async () => {
  const { page } = app;
  const matrix = page.getByTestId('confusion-matrix');
  await matrix.waitFor({ timeout: 60_000 });
  const counts = await matrix
    .locator('button[data-true]')
    .evaluateAll((bs) => bs.map((b) => Number(b.textContent)));
  assert.equal(counts.length, 100);
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    1000,
    'limit 4000 tests on 1000 images',
  );
  await page.getByTestId('misclassified-gallery').locator('canvas').first().waitFor();
  await screenshot(page, 'runs-details-light');
  await matrix.locator('button[data-true="7"][data-pred="7"]').click();
  const gallery = page.getByTestId('cell-gallery');
  await gallery.locator('canvas').first().waitFor();
  assert.ok((await gallery.locator('li').count()) > 10);
  assert.match(await gallery.locator('h3').innerText(), /True 7, predicted 7/);
});

test('draw a digit and get class probabilities that sum to 1', async () => {
  const { page } = app;
  const pad = page.getByTestId('digit-canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  // A "7": a top bar, then a diagonal down to the left.
  const at = (x: number, y: number) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(0.25, 0.22));
  await page.mouse.down();
  for (const [x, y] of [
    [0.45, 0.22],
    [0.72, 0.22],
    [0.62, 0.45],
    [0.52, 0.65],
    [0.45, 0.82],
  ] as const) {
    await page.mouse.move(...at(x, y), { steps: 6 });
  }
  await page.mouse.up();
  const probs = page.getByTestId('prediction-probabilities');
  await probs.waitFor();
  const values = await probs
    .locator('li')
    .evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-probability'))));
  assert.equal(values.length, 10);
  assert.ok(
    Math.abs(values.reduce((a, b) => a + b, 0) - 1) < 1e-4,
    `sum ${values.reduce((a, b) => a + b, 0)}`,
  );
  assert.ok(values.every((v) => v >= 0 && v <= 1));
  await screenshot(page, 'runs-digit-light');
});

test('a run stopped midway keeps its completed epoch; closing the page during training asks first', async () => {
  const { page } = app;
  await view(page, 'training');
  await settings(page, { limit: 2000, epochs: 12, batch: 32, optimizer: 'adam', lr: 0.002 });
  await page.getByTestId('train-start').click();
  await page.locator('[data-testid=train-status][data-state=running]').waitFor({ timeout: 60_000 });
  // Wait until epoch 1 is complete (the progress is into epoch 2).
  await progressAtLeast(page, 'epoch', 2, 120_000);
  const dialog = page.waitForEvent('dialog', { timeout: 10_000 });
  const reload = page.reload().catch(() => undefined);
  const d = await dialog;
  assert.equal(d.type(), 'beforeunload', 'leaving during training asks first');
  await d.dismiss();
  await reload;
  assert.equal(
    await page.getByTestId('train-status').getAttribute('data-state'),
    'running',
    'staying keeps the run going',
  );

  await page.getByTestId('train-stop').click();
  await page.locator('[data-testid=train-status][data-state=stopped]').waitFor({ timeout: 120_000 });
  await screenshot(page, 'training-stopped-light');

  await view(page, 'runs');
  await page.locator('[data-testid=run-row][data-status=stopped]').waitFor();
  assert.equal(await page.getByTestId('run-row').count(), 2);
  const runs = readdirSync(join(dataDir, 'runs'));
  const stopped = runs
    .map((id) => join(dataDir, 'runs', id))
    .find((dir) => JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')).status === 'stopped')!;
  const epochs = readFileSync(join(stopped, 'metrics.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('"type":"epoch"'));
  assert.ok(epochs.length >= 1, 'the completed epoch is in metrics.jsonl');
  assert.ok(existsSync(join(stopped, 'last', 'model.json')), 'the model of the completed epoch is saved');
});

test('compare two runs with the error-rate reduction, then look at both views in the dark theme', async () => {
  const { page } = app;
  const rows = page.getByTestId('run-row');
  // The stopped run never reached its test: opening it measures its saved model on the test set.
  await page
    .locator('[data-testid=run-row][data-status=stopped]')
    .getByRole('button', { name: 'Open' })
    .click();
  await page.locator('.rs-details__acc').waitFor({ timeout: 60_000 });
  await page
    .locator(
      '[data-testid=run-row][data-status=stopped] [data-testid=run-test-accuracy]:not([data-value=""])',
    )
    .waitFor();
  await rows.nth(1).locator('input[type=checkbox]').check();
  await rows.nth(0).locator('input[type=checkbox]').check();
  const compare = page.getByTestId('run-compare');
  await compare.waitFor();
  const accA = Number(await rows.nth(1).getByTestId('run-test-accuracy').getAttribute('data-value'));
  const accB = Number(await rows.nth(0).getByTestId('run-test-accuracy').getAttribute('data-value'));
  const factor = Number(await compare.getAttribute('data-factor'));
  assert.ok(Math.abs(factor - (1 - (1 - accB) / (1 - accA))) < 1e-9);
  await page.getByTestId('runs-overlay').waitFor();
  await page.locator('.rs-view').evaluate((el) => el.scrollTo(0, 0));
  await screenshot(page, 'runs-table-light');
  await page.locator('[data-action=toggle-theme]').click();
  await screenshot(page, 'runs-table-dark');
  await view(page, 'training');
  await screenshot(page, 'training-dark');
  await page.locator('[data-action=toggle-theme]').click();
});

test('a run can be renamed, restored into the editor, and deleted', async () => {
  const { page } = app;
  await view(page, 'runs');
  const stopped = page.locator('[data-testid=run-row][data-status=stopped]');
  page.once('dialog', (d) => void d.accept('convnet stopped early'));
  await stopped.getByRole('button', { name: 'Rename' }).click();
  await stopped.filter({ hasText: 'convnet stopped early' }).waitFor();

  await stopped.getByRole('button', { name: 'Restore graph' }).click();
  await page.locator('.status-bar', { hasText: 'is back in the editor' }).waitFor();
  await page.locator('[data-view-panel=editor]').waitFor({ state: 'visible' });
  await view(page, 'runs');

  page.once('dialog', (d) => void d.accept());
  await stopped.getByRole('button', { name: 'Delete' }).click();
  await stopped.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('run-row').count(), 1);
  assert.equal(readdirSync(join(dataDir, 'runs')).length, 1, 'the run folder is gone from disk');
});

test('no errors reached the page console', () => {
  assert.deepEqual(app.errors, []);
});
