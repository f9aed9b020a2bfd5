// Pretrained bases in a real browser: a saved run placed as a frozen base cut at a layer, a head added,
// Keras's trainable/non-trainable counts, fine-tuning from a layer on, and the Keras Python export.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { buildModel } from '../../src/engine/build-model';
import { createRun, saveModelToDir } from '../../src/engine/runs';
import { createHandlers } from '../../src/main/handlers';
import { createServices } from '../../src/main/services';
import { getTemplate } from '../../src/shared/graph/templates/index';
import { DEFAULT_TRAIN_CONFIG } from '../../src/shared/training';
import { launchApp, screenshot, type LaunchedApp } from './helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'convnet-e2e-bases-'));
let app: LaunchedApp;
let modelDir = '';

before(async () => {
  // A run with a saved (untrained) mnist-convnet: no training needed to reuse its layers.
  await tf.setBackend('cpu');
  const graph = getTemplate('mnist-convnet')!;
  const run = createRun(dataDir, { graph, config: DEFAULT_TRAIN_CONFIG, dataset: { kind: 'mnist' } });
  const model = buildModel(graph);
  modelDir = join(run.dir, 'best');
  await saveModelToDir(model, modelDir);
  model.dispose();
  process.env.CONVNET_STUDIO_DATA = dataDir;
  app = await launchApp({
    viewport: { width: 1440, height: 900 },
    handlers: (events) => createHandlers({ shell: 'server', events, ...createServices(events) }),
  });
});

after(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The side panel's Keras-style totals: [total, trainable, non-trainable]. */
async function totals(page: Page): Promise<number[]> {
  const texts = await page.locator('.side-totals dd').allTextContents();
  return texts.map((s) => Number(s.replace(/[^0-9]/g, '')));
}

async function waitTotals(page: Page, nonTrainable: number): Promise<number[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const t = await totals(page);
    if (t[2] === nonTrainable) return t;
    if (Date.now() > deadline)
      throw new Error(`Non-trainable params stayed ${t[2]}, expected ${nonTrainable}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a run is placed as a frozen base cut at max_pooling2d_1, and a head goes on top', async () => {
  const { page } = app;
  await page.getByTestId('add-base').click();
  const dialog = page.getByTestId('base-dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'List its layers' }).click();
  const table = dialog.getByTestId('base-layers');
  await table.waitFor();
  const rows = await table.locator('tbody tr').count();
  assert.equal(rows, 9, 'mnist-convnet has nine layers, the input included');
  // The default cut is the convolutional base: the last conv/pooling before Flatten.
  assert.equal(await dialog.locator('input[data-layer=conv2d_2]').isChecked(), true);
  await dialog.locator('input[data-layer=max_pooling2d_1]').check();
  await dialog.getByTestId('base-keep').filter({ hasText: '5 layers' }).waitFor();
  await screenshot(page, 'bases-dialog');
  await dialog.getByTestId('base-place').click();
  await dialog.waitFor({ state: 'detached' });

  // The cut layer is selected: double-clicking the palette appends the head under it.
  await page.getByTestId('palette-Flatten').dblclick();
  await page.getByTestId('palette-Dense').dblclick();
  const [total, trainable, frozen] = await waitTotals(page, 320 + 18_496);
  assert.equal(frozen, 18_816);
  assert.equal(total, trainable + frozen);
  assert.ok(trainable > 0, 'the new head trains');
  const marks = await page.getByTestId('base-marks').textContent();
  assert.match(marks ?? '', /::after/, 'frozen base layers carry the lock mark');
  await page.locator('.react-flow__node', { hasText: 'conv2d_1' }).click();
  await page.getByTestId('base-panel').waitFor();
  await page.locator('#editor-tab-summary').click();
  await screenshot(page, 'bases-frozen-summary');
  await page.locator('#editor-tab-inspector').click();
});

test('unfreezing from the last conv layer on makes its weights trainable, as Keras counts them', async () => {
  const { page } = app;
  const panel = page.getByTestId('base-panel');
  const before = await totals(page);
  await panel.getByRole('button', { name: 'Unfreeze from this layer on' }).click();
  const [total, trainable, frozen] = await waitTotals(page, 320);
  assert.equal(frozen, 320, 'only conv2d stays frozen');
  assert.equal(total, before[0], 'freezing never changes the total');
  assert.equal(trainable, before[1] + 18_496);
  assert.equal(await panel.getByTestId('base-frozen').textContent(), '320');
  assert.equal(await panel.getByRole('switch', { name: 'conv2d_1 trainable' }).isChecked(), true);
  assert.equal(await panel.getByRole('switch', { name: 'conv2d trainable' }).isChecked(), false);
  await screenshot(page, 'bases-unfrozen-panel');

  // One undo step brings the frozen base back.
  await page.keyboard.press('Control+z');
  await waitTotals(page, 18_816);
  await page.keyboard.press('Control+Shift+z');
  await waitTotals(page, 320);
});

test('File > Export as Keras Python downloads a script that compiles, with the frozen layer marked', async () => {
  const { page } = app;
  await page.locator('.menu__button', { hasText: 'File' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-menu-item=exportKerasPy]').click(),
  ]);
  const file = join(dataDir, download.suggestedFilename());
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /\.py$/);
  // The project's script says it carries no pretrained weights (a trained run's export does).
  await page.locator('[data-notice]').filter({ hasText: 'without their pretrained weights' }).waitFor();
  const script = readFileSync(file, 'utf8');
  assert.match(script, /layers\.Conv2D\(32,[^\n]*trainable=False/, 'conv2d stays frozen');
  assert.doesNotMatch(script, /layers\.Conv2D\(64,[^\n]*trainable=False/, 'conv2d_1 was unfrozen');
  assert.match(script, /strategy/);
  const compiled = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
  assert.equal(compiled.status, 0, compiled.stderr);
});

test("File > Export a trained model downloads the run's tfjs files, which name each other", async () => {
  const { page } = app;
  const downloads: Promise<string>[] = [];
  const onDownload = (d: import('playwright-core').Download) => {
    const file = join(dataDir, `dl-${d.suggestedFilename()}`);
    downloads.push(d.saveAs(file).then(() => file));
  };
  page.on('download', onDownload);
  await page.locator('.menu__button', { hasText: 'File' }).click();
  await page.locator('[data-menu-item=exportRun]').click();
  const dialog = page.getByTestId('export-run-dialog');
  await dialog.locator('option').filter({ hasText: 'mnist-convnet' }).waitFor({ state: 'attached' });
  await screenshot(page, 'export-run-dialog');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  const deadline = Date.now() + 10_000;
  while (downloads.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  page.off('download', onDownload);
  const files = await Promise.all(downloads);
  assert.equal(files.length, 2, 'model.json and its weight file');
  const modelJson = files.find((f) => f.endsWith('-model.json'))!;
  const manifest = JSON.parse(readFileSync(modelJson, 'utf8')).weightsManifest;
  assert.deepEqual(
    manifest.flatMap((g: { paths: string[] }) => g.paths.map((p) => `dl-${p}`)),
    files.filter((f) => f !== modelJson).map((f) => f.split('/').pop()),
  );
  assert.deepEqual(app.errors, []);
});

test('a model.json URL (served here) is placed as a second base, cut by default before the head (in Spanish)', async () => {
  const { page } = app;
  // A tiny static server for the saved model: the engine loads bases from URLs, as from a converted MobileNet.
  const files: Server = createServer((req, res) => {
    const file = join(modelDir, (req.url ?? '/').replace(/[^A-Za-z0-9_.-]/g, ''));
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, {
      'Content-Type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
  try {
    const port = (files.address() as { port: number }).port;
    await page.locator('[data-lang=es]').click();
    await page.getByTestId('add-base').click();
    const dialog = page.getByTestId('base-dialog');
    await dialog.getByText('Una URL de model.json').click();
    await dialog.getByTestId('base-url').fill(`http://127.0.0.1:${port}/model.json`);
    await dialog.getByTestId('base-inspect').click();
    await dialog.getByTestId('base-layers').waitFor();
    assert.equal(await dialog.locator('input[data-layer=conv2d_2]').isChecked(), true);
    await screenshot(page, 'bases-dialog-url-es');
    await dialog.getByTestId('base-place').click();
    await dialog.waitFor({ state: 'detached' });
    // The second base comes in frozen: 320 + 18,496 + 36,928 more non-trainable params.
    await waitTotals(page, 320 + 320 + 18_496 + 36_928);
    await screenshot(page, 'bases-two-bases-es');
    await page.locator('[data-action=toggle-theme]').click();
    await page.locator('html[data-theme=dark]').waitFor({ state: 'attached' });
    await screenshot(page, 'bases-two-bases-dark');
    await page.locator('[data-action=toggle-theme]').click();
  } finally {
    await page.locator('[data-lang=en]').click();
    await new Promise<void>((r) => files.close(() => r()));
  }
  assert.deepEqual(app.errors, []);
});
