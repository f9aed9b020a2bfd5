// Main's IPC wiring under plain Node: every contract channel answers through an injected ipcMain; bad calls are refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { createHandlers } from '../../src/main/handlers';
import { registerHandlers } from '../../src/main/register';
import { dispatch } from '../../src/main/dispatch';
import { INVOKE_CHANNELS, type EventSink, type Reply } from '../../src/shared/ipc/contract';
import type { GraphDoc } from '../../src/shared/graph/schema';
import type { Plan } from '../../src/shared/graph/plan';
import { FakeIpcMain } from './fake-ipc-main';

const emitted: { channel: string; payload: unknown }[] = [];
const events: EventSink = { emit: (channel, payload) => void emitted.push({ channel, payload }) };
const handlers = createHandlers({ shell: 'electron', events });
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

function wired(options?: Parameters<typeof registerHandlers>[2]) {
  const ipc = new FakeIpcMain();
  const dispose = registerHandlers(ipc, handlers, options);
  return { ipc, dispose };
}

function ok<T>(reply: unknown): T {
  const r = reply as Reply<T>;
  if (!r.ok) assert.fail(`expected an answer, got the error: ${r.error}`);
  return r.value;
}

function refused(reply: unknown): string {
  const r = reply as Reply<unknown>;
  assert.equal(r.ok, false, 'expected a refusal');
  return (r as { error: string }).error;
}

test('registers exactly the contract channels, and disposing removes them', () => {
  const { ipc, dispose } = wired();
  assert.deepEqual([...ipc.listeners.keys()].sort(), [...INVOKE_CHANNELS].sort());
  assert.ok(INVOKE_CHANNELS.includes('app:info') && INVOKE_CHANNELS.includes('graph:plan'));
  dispose();
  assert.equal(ipc.listeners.size, 0);
});

test('app:info answers with the package version and the host', async () => {
  const { ipc } = wired();
  const info = ok<{ version: string; shell: string; versions: { node: string } }>(
    await ipc.invoke('app:info', undefined),
  );
  assert.equal(info.version, version);
  assert.equal(info.shell, 'electron');
  assert.equal(info.versions.node, process.versions.node);
});

test('templates and graph:plan answer: the course convnet has 93,322 params', async () => {
  const { ipc } = wired();
  const list = ok<{ name: string }[]>(await ipc.invoke('templates:list', undefined));
  assert.ok(list.some((t) => t.name === 'mnist-convnet'));
  const doc = ok<GraphDoc>(await ipc.invoke('templates:get', { name: 'mnist-convnet' }));
  const plan = ok<Plan>(await ipc.invoke('graph:plan', { doc }));
  assert.equal(plan.ok, true);
  assert.equal(plan.totalParams, 93_322);
  assert.deepEqual(plan.errors, []);
});

test('a handler error comes back as the sentence it threw', async () => {
  const { ipc } = wired();
  const error = refused(await ipc.invoke('templates:get', { name: 'no-such-template' }));
  assert.match(error, /no template named "no-such-template".*mnist-convnet/);
});

test('an unknown channel is rejected', async () => {
  const { ipc } = wired();
  await assert.rejects(ipc.invoke('fs:readFile', { path: '/etc/passwd' }), /No handler registered/);
  const error = refused(await dispatch(handlers, 'fs:readFile', { path: '/etc/passwd' }));
  assert.match(error, /Unknown request "fs:readFile"/);
  refused(await dispatch(handlers, '__proto__', {}));
  refused(await dispatch(handlers, 42, {}));
});

test('a bad payload is rejected before the handler runs', async () => {
  const { ipc } = wired();
  assert.match(refused(await ipc.invoke('templates:get', { name: 5 })), /argument\.name should be a string/);
  assert.match(refused(await ipc.invoke('templates:get', 'mnist-convnet')), /argument should be an object/);
  assert.match(refused(await ipc.invoke('app:info', { sneaky: true })), /argument should be empty/);
  const badDoc = {
    version: 1,
    name: 'x',
    nodes: [{ id: 'a', type: 'Evil', name: 'a', params: {}, position: { x: 0, y: 0 } }],
    edges: [],
  };
  assert.match(
    refused(await ipc.invoke('graph:plan', { doc: badDoc })),
    /argument\.doc\.nodes\[0\]\.type should be one of/,
  );
  assert.match(
    refused(await ipc.invoke('graph:plan', { doc: { version: 2, name: 'x', nodes: [], edges: [] } })),
    /version/,
  );
});

test('requests from frames that are not the app are refused', async () => {
  const { ipc } = wired({ isTrustedSender: (url) => url.startsWith('file:///app/') });
  ok(await ipc.invoke('app:info', undefined, 'file:///app/out/renderer/index.html'));
  assert.match(
    refused(await ipc.invoke('app:info', undefined, 'https://evil.example/')),
    /not Convnet Studio's/,
  );
});
