// The local server: loopback only, token and Origin required for pages, files and the WebSocket; the typed API answers.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import { startServer, type RunningServer } from '../../src/server/index';
import { connectApi } from '../../src/server/client';
import { encodeFrame } from '../../src/shared/ipc/wire';

const webRoot = mkdtempSync(join(tmpdir(), 'convnet-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Convnet Studio</title>');
writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log("hi");');
writeFileSync(join(webRoot, '..', 'convnet-secret.txt'), 'secret');

let server: RunningServer;
before(async () => {
  server = await startServer({ webRoot });
});
after(async () => {
  await server.close();
  rmSync(webRoot, { recursive: true, force: true });
  rmSync(join(webRoot, '..', 'convnet-secret.txt'), { force: true });
});

interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The status of a WebSocket handshake: 101 when it opens, else the HTTP status of the refusal. */
function handshake(url: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', () => resolve(-1));
  });
}

test('prints an address on 127.0.0.1 carrying a long random token', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  const other = await startServer({ webRoot });
  assert.notEqual(other.token, server.token, 'each launch has its own token');
  await other.close();
});

test('binds to loopback only', async () => {
  await assert.rejects(startServer({ webRoot, host: '0.0.0.0' }), /listens on this computer only/);
  const external = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  if (!external) return; // no other interface on this machine: nothing else to reach
  const reached = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: external.address, port: server.port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
  assert.equal(reached, false, `port ${server.port} must not answer on ${external.address}`);
});

test('pages and files need the token: 403 without it, served with it', async () => {
  const none = await get('/');
  assert.equal(none.status, 403);
  assert.match(none.body, /needs the access token: open the full address/);
  assert.equal((await get('/?token=wrong')).status, 403);
  assert.equal((await get('/assets/app-1234.js')).status, 403);

  const page = await get(`/?token=${server.token}`);
  assert.equal(page.status, 200);
  assert.match(page.body, /Convnet Studio/);
  assert.equal(page.headers['referrer-policy'], 'no-referrer');
  assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
  const cookie = String(page.headers['set-cookie']).split(';')[0];
  assert.match(String(page.headers['set-cookie']), /HttpOnly; SameSite=Strict/);

  const script = await get('/assets/app-1234.js', { cookie });
  assert.equal(script.status, 200);
  assert.match(String(script.headers['content-type']), /^text\/javascript/);
  assert.equal((await get('/assets/app-1234.js', { authorization: `Bearer ${server.token}` })).status, 200);
});

test('files outside the web folder are never served', async () => {
  const auth = { authorization: `Bearer ${server.token}` };
  for (const path of [
    '/../convnet-secret.txt',
    '/%2e%2e/convnet-secret.txt',
    '/assets/%2e%2e%2f..%2fconvnet-secret.txt',
  ]) {
    const r = await get(path, auth);
    assert.notEqual(r.status, 200, path);
    assert.doesNotMatch(r.body, /secret/);
  }
  assert.equal((await get('/nope.js', auth)).status, 404);
});

test('another Origin or Host is refused even with the token', async () => {
  const auth = `/?token=${server.token}`;
  assert.equal((await get(auth, { origin: 'http://evil.example' })).status, 403);
  assert.equal((await get(auth, { origin: `http://localhost:${server.port}` })).status, 403);
  assert.equal((await get(auth, { 'sec-fetch-site': 'cross-site' })).status, 403);
  assert.equal((await get(auth, { host: `evil.example:${server.port}` })).status, 403, 'DNS rebinding');
  assert.equal((await get(auth, { origin: server.origin, 'sec-fetch-site': 'same-origin' })).status, 200);
});

test('the WebSocket needs our Origin and the token', async () => {
  const ws = `ws://127.0.0.1:${server.port}/ws`;
  assert.equal(await handshake(`${ws}?token=${server.token}`, server.origin), 101);
  assert.equal(await handshake(ws, server.origin), 403);
  assert.equal(await handshake(`${ws}?token=wrong`, server.origin), 403);
  assert.equal(await handshake(`${ws}?token=${server.token}`, 'http://evil.example'), 403);
  assert.equal(await handshake(`${ws}?token=${server.token}`), 403, 'no Origin at all');
  assert.equal(
    await handshake(`ws://127.0.0.1:${server.port}/other?token=${server.token}`, server.origin),
    403,
  );
});

test('the typed API answers over the WebSocket', async () => {
  const api = connectApi(server.url);
  try {
    const info = await api.invoke('app:info');
    assert.equal(info.shell, 'server');
    const doc = await api.invoke('templates:get', { name: 'mnist-convnet' });
    const plan = await api.invoke('graph:plan', { doc });
    assert.equal(plan.ok, true);
    assert.equal(plan.totalParams, 93_322);
    assert.deepEqual(plan.nodes[plan.order[1]].outputShape, [null, 26, 26, 32]);
    await assert.rejects(api.invoke('templates:get', { name: 'nope' }), /no template named "nope"/);
  } finally {
    api.close();
  }
});

test('bad payloads and unknown channels are refused by the server itself', async () => {
  const replies: unknown[] = [];
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, {
    origin: server.origin,
  });
  ws.binaryType = 'arraybuffer';
  await new Promise((resolve) => ws.on('open', resolve));
  const got = new Promise<void>((resolve) =>
    ws.on('message', (data) => {
      replies.push(data);
      if (replies.length === 2) resolve();
    }),
  );
  ws.send(encodeFrame({ kind: 'invoke', id: 1, channel: 'fs:read', arg: { path: '/etc/passwd' } }));
  ws.send(encodeFrame({ kind: 'invoke', id: 2, channel: 'templates:get', arg: { name: 42 } }));
  await got;
  const { decodeFrame } = await import('../../src/shared/ipc/wire');
  const texts = replies.map((r) => JSON.stringify(decodeFrame(r as ArrayBuffer)));
  assert.match(texts[0], /"ok":false.*Unknown request \\"fs:read\\"/);
  assert.match(texts[1], /"ok":false.*argument.name should be a string/);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.send('not a frame');
  assert.equal(await closed, 1003, 'text frames close the socket');
});

test('server events reach every connected page', async () => {
  const a = connectApi(server.url);
  const b = connectApi(server.url);
  try {
    const seen: string[] = [];
    const both = new Promise<void>((resolve) => {
      const note = (who: string) => (p: { command: string; value?: string }) => {
        seen.push(`${who}:${p.command}:${p.value}`);
        if (seen.length === 2) resolve();
      };
      a.on('app:menu', note('a'));
      b.on('app:menu', note('b'));
    });
    await Promise.all([a.invoke('app:info'), b.invoke('app:info')]);
    server.events.emit('app:menu', { command: 'view', value: 'training' });
    await both;
    assert.deepEqual(seen.sort(), ['a:view:training', 'b:view:training']);
  } finally {
    a.close();
    b.close();
  }
});
