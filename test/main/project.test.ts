// project:open / project:save under plain Node: real files in a temp folder, dialogs injected, errors as sentences.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { projectHandlers } from '../../src/main/handlers/project';

const dir = mkdtempSync(join(tmpdir(), 'convnet-project-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('save then open gives back the same text, written atomically', async () => {
  const h = projectHandlers();
  const path = join(dir, 'a.convnet.json');
  const text = JSON.stringify({ hello: 'mundo ñ' });
  const saved = await h['project:save']({ path, text });
  assert.deepEqual(saved, { path, bytes: Buffer.byteLength(text) });
  assert.equal(readFileSync(path, 'utf8'), text);
  assert.deepEqual(readdirSync(dir), ['a.convnet.json'], 'no temporary file is left behind');
  assert.deepEqual(await h['project:open']({ path }), { path, text });
});

test('without a path the dialogs choose, and cancelling gives null', async () => {
  const path = join(dir, 'picked.convnet.json');
  writeFileSync(path, '{}');
  const asked: string[] = [];
  const h = projectHandlers({
    openFile: async () => path,
    saveFile: async (name) => {
      asked.push(name);
      return null;
    },
  });
  assert.deepEqual(await h['project:open']({}), { path, text: '{}' });
  assert.equal(await h['project:save']({ text: '{}', suggestedName: 'mine.convnet.json' }), null);
  assert.deepEqual(asked, ['mine.convnet.json']);
});

test('failures are sentences that say what to do', async () => {
  const h = projectHandlers();
  await assert.rejects(
    async () => h['project:open']({ path: join(dir, 'missing.json') }),
    /There is no file at .*missing\.json: check the path/,
  );
  await assert.rejects(async () => h['project:open']({ path: dir }), /is a folder: choose a project file/);
  await assert.rejects(
    async () => h['project:save']({ path: join(dir, 'no/such/dir/x.json'), text: '' }),
    /does not exist: choose another place/,
  );
  await assert.rejects(async () => h['project:open']({}), /cannot show a file dialog: give the full path/);
});
