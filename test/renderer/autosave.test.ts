// Autosave and recent projects over an in-memory storage: written after edits, restored, deduplicated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore } from '../../src/renderer/src/store/app-store.ts';
import {
  AUTOSAVE_KEY,
  readAutosave,
  readRecent,
  rememberRecent,
  startAutosave,
  type KeyValueStorage,
} from '../../src/renderer/src/features/project/autosave.ts';
import { parseParam, formatParam } from '../../src/renderer/src/features/graph-editor/param-text.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('an edit is autosaved after the delay, once, and restores as the same graph', async () => {
  const store = createAppStore();
  const storage = memoryStorage();
  const autosave = startAutosave(store, storage, 20);
  store.getState().appendLayer('InputLayer');
  store.getState().appendLayer('Dense');
  assert.equal(storage.getItem(AUTOSAVE_KEY), null, 'nothing is written before the delay');
  await sleep(60);
  const saved = readAutosave(storage);
  assert.ok(saved?.ok);
  assert.deepEqual(saved.project.graph, store.getState().doc);
  store.getState().select({ nodes: [] });
  const before = storage.getItem(AUTOSAVE_KEY);
  await sleep(40);
  assert.equal(storage.getItem(AUTOSAVE_KEY), before, 'a selection change is not an edit');
  store.getState().setParam(store.getState().doc.nodes[1].id, 'units', 3);
  autosave.flush();
  assert.match(storage.getItem(AUTOSAVE_KEY) ?? '', /"units": 3/, 'flush writes at once (page hide)');
  autosave.stop();
  store.getState().undo();
  await sleep(40);
  assert.match(storage.getItem(AUTOSAVE_KEY) ?? '', /"units": 3/, 'a stopped autosave writes nothing');
});

test('a damaged autosave reads as an error, not as a graph', () => {
  const storage = memoryStorage();
  storage.setItem(AUTOSAVE_KEY, '{"format": "convnet-studio-project", "version": 1, "gra');
  const r = readAutosave(storage);
  assert.equal(r?.ok, false);
  assert.equal(readAutosave(memoryStorage()), null);
});

test('recent projects keep one entry per project, newest first, at most six', () => {
  const storage = memoryStorage();
  for (let i = 0; i < 8; i++) rememberRecent(storage, { name: `p${i}`, savedAt: '', text: '{}' });
  rememberRecent(storage, { name: 'p5', savedAt: '', text: '{"new": true}' });
  const list = readRecent(storage);
  assert.deepEqual(
    list.map((r) => r.name),
    ['p5', 'p7', 'p6', 'p4', 'p3', 'p2'],
  );
  assert.equal(list[0].text, '{"new": true}');
  rememberRecent(storage, { name: 'p5', savedAt: '', text: '{}', path: '/a/p5.convnet.json' });
  assert.equal(
    readRecent(storage).filter((r) => r.name === 'p5').length,
    2,
    'a file on disk is not the browser copy',
  );
  storage.setItem('convnet-studio.recent', 'garbage');
  assert.deepEqual(readRecent(storage), []);
});

test('inspector text fields read pairs, single numbers and shapes as users type them', () => {
  assert.deepEqual(parseParam('pair', '3, 3'), [3, 3]);
  assert.deepEqual(parseParam('pair', '5'), [5, 5]);
  assert.deepEqual(parseParam('pair', '2x3'), [2, 3]);
  assert.deepEqual(parseParam('pair', '[7, 7]'), [7, 7]);
  assert.deepEqual(parseParam('pair', '3,'), [3, 3], 'half-typed "3, 3" already means 3x3');
  assert.equal(parseParam('pair', '1, 2, 3'), undefined);
  assert.equal(parseParam('pair', 'abc'), undefined);
  assert.equal(parseParam('pair-or-null', ''), null);
  assert.deepEqual(parseParam('shape', '28, 28, 1'), [28, 28, 1]);
  assert.deepEqual(parseParam('target-shape', '7, 7, -1'), [7, 7, -1]);
  assert.equal(parseParam('int', '64'), 64);
  assert.equal(parseParam('int', ''), undefined);
  assert.equal(parseParam('float', '0.25'), 0.25);
  assert.equal(parseParam('float', '1e'), undefined);
  assert.equal(formatParam([3, 3]), '3, 3');
  assert.equal(formatParam(null), '');
});
