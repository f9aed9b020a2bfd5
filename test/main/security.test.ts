// Electron's URL policy and native menu, checked as plain data (no electron needed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONTENT_SECURITY_POLICY, isAllowedRequest, isAppUrl } from '../../src/main/security';
import { menuTemplate } from '../../src/main/menu';

const root = '/opt/convnet/out/renderer';

test('only the app files (or the dev server) may be loaded or navigated to', () => {
  assert.equal(isAppUrl('file:///opt/convnet/out/renderer/index.html', root), true);
  assert.equal(isAppUrl('file:///opt/convnet/out/renderer-evil/index.html', root), false);
  assert.equal(isAppUrl('file:///etc/passwd', root), false);
  assert.equal(isAppUrl('https://example.com/', root), false);
  assert.equal(isAppUrl('http://localhost:5173/', root), false);
  assert.equal(isAppUrl('http://localhost:5173/src/main.tsx', root, 'http://localhost:5173'), true);
  assert.equal(isAppUrl('not a url', root), false);
});

test('no remote content: web requests are cancelled, in-memory data is not', () => {
  assert.equal(isAllowedRequest('https://cdn.example.com/lib.js', root), false);
  assert.equal(isAllowedRequest('http://127.0.0.1:8080/', root), false);
  assert.equal(isAllowedRequest('data:image/png;base64,AAAA', root), true);
  assert.equal(isAllowedRequest('blob:file:///abc', root), true);
  assert.equal(isAllowedRequest('file:///opt/convnet/out/renderer/assets/index.js', root), true);
  assert.equal(isAllowedRequest('ws://localhost:5173/', root, 'http://localhost:5173'), true);
  assert.equal(isAllowedRequest('ws://evil.example/', root, 'http://localhost:5173'), false);
});

test('the CSP allows only our own scripts and no plugins or framing', () => {
  assert.match(CONTENT_SECURITY_POLICY, /default-src 'self'/);
  assert.match(CONTENT_SECURITY_POLICY, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /'unsafe-eval'|script-src[^;]*unsafe-inline|\*/);
  assert.match(CONTENT_SECURITY_POLICY, /object-src 'none'/);
  assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
});

test('the native menu follows the OS language and sends the commands the UI knows', () => {
  const en = menuTemplate('en-US');
  const es = menuTemplate('es-ES');
  assert.equal(en[0].label, 'File');
  assert.equal(es[0].label, 'Archivo');
  const views = es[2].entries.flatMap((e) => (e.kind === 'action' && e.command === 'view' ? [e.value] : []));
  assert.deepEqual(views, ['editor', 'training', 'runs', 'inspect', 'convLab']);
});
