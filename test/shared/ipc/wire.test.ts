// The WebSocket frame codec: typed arrays travel as bytes and come back equal; broken frames are refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeFrame, encodeFrame, asClientMessage, asServerMessage } from '../../../src/shared/ipc/wire';
import { tensorPayload } from '../../../src/shared/ipc/payloads';

test('every typed array kind round-trips, nested anywhere in a message', () => {
  const payload = {
    a: new Float32Array([1.5, -2, Math.PI]),
    nested: { list: [new Int32Array([-7, 8]), new Uint8Array([0, 255, 3])], f64: new Float64Array([1e300]) },
    small: new Int8Array([-1]),
    u16: new Uint16Array([65535]),
    i16: new Int16Array([-32768]),
    u32: new Uint32Array([4e9]),
    clamped: new Uint8ClampedArray([9]),
    text: 'ñandú',
  };
  const frame = encodeFrame({ kind: 'event', channel: 'x:y', payload });
  const back = asServerMessage(decodeFrame(frame));
  assert.ok(back && back.kind === 'event');
  assert.deepEqual(back.payload, payload);
  const p = back.payload as typeof payload;
  assert.ok(
    p.a instanceof Float32Array &&
      p.nested.list[0] instanceof Int32Array &&
      p.clamped instanceof Uint8ClampedArray,
  );
});

test('bulk data costs its bytes, not JSON digits', () => {
  const data = new Float32Array(28 * 28 * 32).map((_, i) => Math.sin(i));
  const frame = encodeFrame({
    kind: 'event',
    channel: 'probe:maps',
    payload: tensorPayload('float32', [1, 28, 28, 32], data),
  });
  assert.ok(
    frame.byteLength < data.byteLength + 200,
    `${frame.byteLength} bytes for ${data.byteLength} bytes of floats`,
  );
});

test('arrays at odd offsets (pooled Node buffers) decode correctly', () => {
  const frame = encodeFrame({
    kind: 'invoke',
    id: 1,
    channel: 'a:b',
    arg: { t: new Float32Array([1, 2, 3]) },
  });
  const shifted = Buffer.alloc(frame.byteLength + 1);
  shifted.set(frame, 1);
  const view = shifted.subarray(1);
  assert.equal(view.byteOffset % 4, 1);
  const msg = asClientMessage(decodeFrame(view));
  assert.deepEqual(msg?.arg, { t: new Float32Array([1, 2, 3]) });
  // A subarray view is sent as its own elements, not its whole buffer.
  const big = new Float32Array([9, 8, 7, 6]);
  const back = decodeFrame(encodeFrame({ kind: 'event', channel: 'c:d', payload: big.subarray(1, 3) })) as {
    payload: Float32Array;
  };
  assert.deepEqual([...back.payload], [8, 7]);
});

test('broken frames are refused with a TypeError', () => {
  assert.throws(() => decodeFrame(new Uint8Array([1, 2])), TypeError);
  assert.throws(() => decodeFrame(new Uint8Array([255, 255, 255, 0, 0])), TypeError);
  const frame = encodeFrame({ kind: 'event', channel: 'x:y', payload: new Float32Array(16) });
  assert.throws(() => decodeFrame(frame.subarray(0, frame.byteLength - 8)), /truncated/);
  const text = new TextEncoder().encode('{"__ta":"f32","o":0,"n":1000}');
  const forged = new Uint8Array(4 + text.byteLength);
  new DataView(forged.buffer).setUint32(0, text.byteLength, true);
  forged.set(text, 4);
  assert.throws(() => decodeFrame(forged), /truncated/);
});

test('messages of the wrong shape are not taken for requests or replies', () => {
  assert.equal(asClientMessage({ kind: 'invoke', id: 'x', channel: 'a:b' }), null);
  assert.equal(asClientMessage([]), null);
  assert.equal(asServerMessage({ kind: 'reply', id: 1, reply: { ok: false } }), null);
  assert.deepEqual(asServerMessage({ kind: 'reply', id: 1, reply: { ok: true, value: 3 } }), {
    kind: 'reply',
    id: 1,
    reply: { ok: true, value: 3 },
  });
});
