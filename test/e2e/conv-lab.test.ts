// The Conv lab in a real browser through the server: the course example stepped window by window, padding and stride,
// editing, playing, and the image pipeline (scene, MNIST digit, an opened photo); screenshots in both themes and languages.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchApp, screenshot, type LaunchedApp } from './helpers';

let app: LaunchedApp;
const dir = mkdtempSync(join(tmpdir(), 'convlab-e2e-'));
before(async () => {
  app = await launchApp();
  await app.page.locator('.tabs__tab[data-view=convLab]').click();
  await app.page.getByTestId('convlab-output').waitFor();
});
after(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The feature map's cells as shown: numbers where written, null where not yet. */
async function shownMap(page: Page): Promise<(number | null)[]> {
  return page
    .getByTestId('convlab-output')
    .locator('.cl-cell')
    .evaluateAll((cells) => cells.map((c) => (c.textContent === '' ? null : Number(c.textContent))));
}

const count = (page: Page) => page.getByTestId('convlab-step-count').textContent();

/** Lets the window's slide (a 0.18 s CSS transition) finish, then saves the screenshot. */
async function settled(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await screenshot(page, name);
}

test("the course's 5x5 example steps window by window: 4, then 3, then the whole map from tf.conv2d", async () => {
  const { page } = app;
  assert.equal(await page.getByTestId('convlab-input').locator('input').count(), 25);
  assert.equal(await page.getByTestId('convlab-kernel').locator('input').count(), 9);
  assert.deepEqual(await shownMap(page), [4, null, null, null, null, null, null, null, null]);
  assert.equal(await count(page), 'Window 1 of 9');
  await page.getByTestId('convlab-step').click();
  assert.deepEqual((await shownMap(page)).slice(0, 3), [4, 3, null]);
  assert.match(
    (await page.getByTestId('convlab-products').textContent()) ?? '',
    /tf\.conv2d wrote 3 into output cell \(0, 1\)/,
  );
  assert.match(
    (await page.getByTestId('convlab-formula').textContent()) ?? '',
    /⌊\(5 \+ 2·0 − 3\) \/ 1⌋ \+ 1 = 2 \+ 1 = 3/,
  );
  await settled(page, 'conv-lab-step-light');
  await page.getByRole('button', { name: 'Show all' }).click();
  assert.deepEqual(await shownMap(page), [4, 3, 4, 2, 4, 3, 2, 3, 4]);
  assert.equal(await count(page), 'Window 9 of 9');
});

test("'same' padding keeps 5x5 with a ring of zeros; stride 2 halves the map as the formula says", async () => {
  const { page } = app;
  await page.getByTestId('convlab-padding').getByRole('button', { name: 'same' }).click();
  assert.equal(await page.getByTestId('convlab-output').locator('.cl-cell').count(), 25);
  assert.equal(await page.getByTestId('convlab-input').locator('.cl-cell--pad').count(), 24);
  assert.match((await page.getByTestId('convlab-formula').textContent()) ?? '', /= 4 \+ 1 = 5/);
  assert.deepEqual((await shownMap(page))[0], 2, 'the top-left window reads five zeros of padding');
  await page.getByTestId('convlab-stride').getByRole('button', { name: '2' }).click();
  assert.equal(await page.getByTestId('convlab-output').locator('.cl-cell').count(), 9);
  await page.getByTestId('convlab-padding').getByRole('button', { name: 'valid' }).click();
  await page.getByRole('button', { name: 'Show all' }).click();
  assert.deepEqual(await shownMap(page), [4, 4, 2, 4]);
  assert.match((await page.getByTestId('convlab-borders').textContent()) ?? '', /Stride 2/);
  await page.getByTestId('convlab-stride').getByRole('button', { name: '1' }).click();
});

test('typing a value changes the map, and play runs the windows to the end', async () => {
  const { page } = app;
  await page.getByTestId('convlab-input').getByRole('textbox', { name: 'Input (2, 2)' }).fill('3');
  await page.getByRole('button', { name: 'Show all' }).click();
  assert.deepEqual((await shownMap(page))[0], 6, 'the centre weight 1 now sees 3 instead of 1');
  await page.getByRole('button', { name: 'First window' }).click();
  await page.locator('input[type=range]').fill('8');
  await page.getByTestId('convlab-play').click();
  await page
    .getByTestId('convlab-step-count')
    .filter({ hasText: 'Window 9 of 9' })
    .waitFor({ timeout: 10_000 });
  await page.getByTestId('convlab-course').click();
  assert.deepEqual((await shownMap(page))[0], 4, 'the course example is back');
});

test('painting cells, and a 7x7 kernel that does not fit under valid but does under same', async () => {
  const { page } = app;
  const sidebar = page.locator('.cl-side');
  await sidebar.getByRole('button', { name: 'Paint' }).click();
  await sidebar.getByLabel('Brush value').fill('2');
  const input = page.getByTestId('convlab-input');
  await input.getByLabel('Input (1, 1): 1').dispatchEvent('pointerdown');
  await input.getByLabel('Input (1, 1): 2').waitFor();
  await page.getByRole('button', { name: 'Show all' }).click();
  assert.deepEqual((await shownMap(page))[0], 5, 'the top-left weight 1 now sees 2');
  await page.getByTestId('convlab-kernel-size').selectOption('7');
  await page
    .getByTestId('convlab-output')
    .filter({ hasText: 'does not fit in the 5×5 input with padding valid' })
    .waitFor();
  await page.getByTestId('convlab-padding').getByRole('button', { name: 'same' }).click();
  assert.equal(await page.getByTestId('convlab-output').locator('.cl-cell').count(), 25);
  assert.equal(await input.locator('.cl-cell--pad').count(), 11 * 11 - 25, 'three zeros on each side');
  await sidebar.getByRole('button', { name: 'Type' }).click();
  await page.getByTestId('convlab-course').click();
  assert.deepEqual(await shownMap(page), [4, null, null, null, null, null, null, null, null]);
});

test('a gallery kernel on the scene, then ReLU and max pooling, side by side with sizes', async () => {
  const { page } = app;
  await page.getByTestId('convlab-tabs').getByRole('button', { name: 'On an image' }).click();
  await page.getByTestId('convlab-gallery-horizontal-edge').click();
  const result = page.getByTestId('convlab-image-result');
  await result.waitFor();
  const size = (stage: string) => page.getByTestId(`convlab-stage-${stage}-size`).textContent();
  assert.deepEqual(
    [await size('input'), await size('conv'), await size('relu'), await size('pool')],
    ['160×160', '160×160', '160×160', '80×80'],
  );
  // The conv stage shows signed values, so its colour bar runs from -m to +m.
  const bar = await page.getByTestId('convlab-stage-conv').locator('.cl-bar__labels').textContent();
  assert.match(bar ?? '', /^-(\d+\.?\d*)0\1$/);
  const spread = await page
    .getByTestId('convlab-stage-relu')
    .locator('canvas')
    .evaluate(
      (c: {
        getContext(
          k: '2d',
        ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
        width: number;
        height: number;
      }) => {
        const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let lo = 255;
        let hi = 0;
        for (let i = 0; i < d.length; i += 4) {
          lo = Math.min(lo, d[i]);
          hi = Math.max(hi, d[i]);
        }
        return hi - lo;
      },
    );
  assert.ok(spread > 200, `the ReLU map has black and white pixels (spread ${spread})`);
  await page.getByTestId('convlab-gallery-vertical-edge').click();
  await settled(page, 'conv-lab-image-light');
  await page.getByTestId('convlab-source').getByRole('button', { name: 'MNIST digit' }).click();
  assert.equal(await size('input'), '28×28');
  assert.equal(await size('pool'), '14×14');
});

test('a photo the user opens is convolved at its own size; errors are explained', async () => {
  const { page } = app;
  const png = new PNG({ width: 120, height: 90 });
  for (let i = 0; i < 120 * 90; i++) {
    const v = (i % 120) + Math.floor(i / 120) > 100 ? 230 : 30;
    png.data.set([v, v / 2, 255 - v, 255], i * 4);
  }
  const file = join(dir, 'photo.png');
  writeFileSync(file, PNG.sync.write(png));
  await page.getByTestId('convlab-source').getByRole('button', { name: 'Photo' }).click();
  await page.getByTestId('convlab-photo').setInputFiles(file);
  await page.getByTestId('convlab-stage-input-size').filter({ hasText: '90×120' }).waitFor();
  assert.equal(await page.getByTestId('convlab-stage-pool-size').textContent(), '45×60');
  const bad = join(dir, 'broken.png');
  writeFileSync(bad, 'not an image');
  await page.getByTestId('convlab-photo').setInputFiles(bad);
  await page.getByText('Could not read "broken.png" as an image: choose a PNG or JPEG file.').waitFor();
});

test('dark theme and Spanish screenshots; no page errors', async () => {
  const { page } = app;
  await page.getByTestId('convlab-source').getByRole('button', { name: 'Scene' }).click();
  await page.locator('[data-action=toggle-theme]').click();
  await settled(page, 'conv-lab-image-dark');
  await page.getByTestId('convlab-tabs').getByRole('button', { name: 'Step by step' }).click();
  await page.getByTestId('convlab-step').click();
  await settled(page, 'conv-lab-step-dark');
  await page.locator('[data-action=toggle-theme]').click();
  await page.locator('[data-lang=es]').click();
  await page.getByTestId('convlab-tabs').getByRole('button', { name: 'Paso a paso' }).waitFor();
  assert.match(
    (await page.getByTestId('convlab-products').textContent()) ?? '',
    /tf\.conv2d escribió 3 en la celda de salida \(0, 1\)/,
  );
  await settled(page, 'conv-lab-step-es');
  await page.locator('[data-lang=en]').click();
  assert.deepEqual(app.errors, []);
});
