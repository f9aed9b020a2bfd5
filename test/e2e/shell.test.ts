// The shell in a real browser: it loads from the server, talks to the engine, switches views, theme and language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, screenshot, type LaunchedApp } from './helpers';

let app: LaunchedApp;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

test('the shell loads and reaches the engine over the WebSocket', async () => {
  const { page } = app;
  await page.locator('.status-bar__host').filter({ hasText: 'v0.' }).waitFor();
  assert.equal(await page.locator('.tabs__tab[aria-selected=true]').getAttribute('data-view'), 'editor');
  await screenshot(page, 'shell-editor-light');
});

test('tabs switch the view', async () => {
  const { page } = app;
  for (const view of ['training', 'runs', 'inspect', 'convLab', 'editor']) {
    await page.locator(`.tabs__tab[data-view=${view}]`).click();
    await page.locator(`[data-view-panel=${view}]`).waitFor({ state: 'visible' });
    assert.equal(await page.locator(`.tabs__tab[data-view=${view}]`).getAttribute('aria-selected'), 'true');
    const visible = await page.locator('[data-view-panel]:visible').count();
    assert.equal(visible, 1, `only the ${view} view shows`);
  }
});

test('the theme toggles and is remembered', async () => {
  const { page } = app;
  const theme = () => page.locator('html').getAttribute('data-theme');
  assert.equal(await theme(), 'light');
  await page.locator('[data-action=toggle-theme]').click();
  assert.equal(await theme(), 'dark');
  const bg = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
  assert.notEqual(bg, 'rgb(244, 245, 249)', 'the dark theme changes the page colours');
  await screenshot(page, 'shell-editor-dark');
  await page.reload();
  await page.locator('.app-header').waitFor();
  assert.equal(await theme(), 'dark', 'the choice survives a reload');
  await page.locator('[data-action=toggle-theme]').click();
  assert.equal(await theme(), 'light');
});

test('the language switches to Spanish and back', async () => {
  const { page } = app;
  await page.locator('[data-lang=es]').click();
  await page.locator('.tabs__tab[data-view=training]', { hasText: 'Entrenamiento' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  await page.locator('.menu__button', { hasText: 'Archivo' }).click();
  await page.locator('[data-menu-item=open]', { hasText: 'Abrir' }).waitFor();
  await screenshot(page, 'shell-menu-es');
  await page.keyboard.press('Escape');
  await page.locator('[data-lang=en]').click();
  await page.locator('.tabs__tab[data-view=training]', { hasText: 'Training' }).waitFor();
});

test('no errors reached the page console', () => {
  assert.deepEqual(app.errors, []);
});
