// The WebSocket wire format: one binary frame per message, a JSON header plus typed arrays as raw bytes.
//
// Frame: [u32 LE header length][header JSON, UTF-8][zero padding to 8][array bytes, each padded to 8].
// Typed arrays anywhere in the message are replaced in the header by {"__ta": tag, "o": offset, "n": length},
// so feature maps and images cost their bytes, not ten characters per number.
import type { Reply } from './contract';
import { isRecord } from './check';

export type ClientMessage = { kind: 'invoke'; id: number; channel: string; arg: unknown };
export type ServerMessage =
  { kind: 'reply'; id: number; reply: Reply<unknown> } | { kind: 'event'; channel: string; payload: unknown };

type TypedArray =
  | Float32Array
  | Float64Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray;

interface TypedArrayCtor {
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArray;
  new (length: number): TypedArray;
  readonly BYTES_PER_ELEMENT: number;
}

// Order matters: Uint8ClampedArray before Uint8Array is irrelevant (no subclassing), but Node's Buffer is a Uint8Array.
const TAGS: [string, TypedArrayCtor][] = [
  ['f32', Float32Array],
  ['f64', Float64Array],
  ['i32', Int32Array],
  ['u32', Uint32Array],
  ['i16', Int16Array],
  ['u16', Uint16Array],
  ['i8', Int8Array],
  ['u8c', Uint8ClampedArray],
  ['u8', Uint8Array],
];
const CTOR_OF = new Map(TAGS);
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

const align8 = (n: number): number => (n + 7) & ~7;

/** Encodes a message into one binary frame. */
export function encodeFrame(message: ClientMessage | ServerMessage): Uint8Array {
  const arrays: Uint8Array[] = [];
  let offset = 0;
  const header = JSON.stringify(message, (_key, value: unknown) => {
    if (!ArrayBuffer.isView(value) || value instanceof DataView) return value;
    const entry = TAGS.find(([, Ctor]) => value instanceof Ctor);
    if (!entry) return value;
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    const marker = { __ta: entry[0], o: offset, n: (value as TypedArray).length };
    arrays.push(bytes);
    offset += align8(bytes.byteLength);
    return marker;
  });
  const headerBytes = new TextEncoder().encode(header);
  const start = align8(4 + headerBytes.byteLength);
  const frame = new Uint8Array(start + offset);
  new DataView(frame.buffer).setUint32(0, headerBytes.byteLength, true);
  frame.set(headerBytes, 4);
  let at = start;
  for (const bytes of arrays) {
    frame.set(bytes, at);
    at += align8(bytes.byteLength);
  }
  return frame;
}

/** Decodes one binary frame; throws a TypeError when the bytes are not a frame. */
export function decodeFrame(frame: Uint8Array | ArrayBuffer): unknown {
  const bytes = frame instanceof Uint8Array ? frame : new Uint8Array(frame);
  if (bytes.byteLength < 4) throw new TypeError('Message frame is too short.');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  if (headerLength > MAX_HEADER_BYTES || 4 + headerLength > bytes.byteLength) {
    throw new TypeError('Message frame header is malformed.');
  }
  const header = new TextDecoder().decode(bytes.subarray(4, 4 + headerLength));
  const start = align8(4 + headerLength);
  return JSON.parse(header, (_key, value: unknown) => {
    if (!isRecord(value) || typeof value.__ta !== 'string') return value;
    const Ctor = CTOR_OF.get(value.__ta);
    const { o, n } = value;
    if (!Ctor || typeof o !== 'number' || typeof n !== 'number' || o < 0 || n < 0) {
      throw new TypeError('Message frame holds a malformed array.');
    }
    const byteLength = n * Ctor.BYTES_PER_ELEMENT;
    const begin = start + o;
    if (begin + byteLength > bytes.byteLength) throw new TypeError('Message frame is truncated.');
    const absolute = bytes.byteOffset + begin;
    if (absolute % Ctor.BYTES_PER_ELEMENT === 0) return new Ctor(bytes.buffer, absolute, n);
    // Misaligned (a pooled Node Buffer): copy into an array of its own.
    const copy = new Ctor(n);
    new Uint8Array(copy.buffer).set(bytes.subarray(begin, begin + byteLength));
    return copy;
  }) as unknown;
}

/** Reads a client → server message; null when it is not one. */
export function asClientMessage(value: unknown): ClientMessage | null {
  if (!isRecord(value) || value.kind !== 'invoke') return null;
  if (typeof value.id !== 'number' || !Number.isInteger(value.id) || typeof value.channel !== 'string')
    return null;
  return { kind: 'invoke', id: value.id, channel: value.channel, arg: value.arg };
}

/** Reads a server → client message; null when it is not one. */
export function asServerMessage(value: unknown): ServerMessage | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'event' && typeof value.channel === 'string') {
    return { kind: 'event', channel: value.channel, payload: value.payload };
  }
  if (value.kind === 'reply' && typeof value.id === 'number' && isRecord(value.reply)) {
    const r = value.reply;
    if (r.ok === true) return { kind: 'reply', id: value.id, reply: { ok: true, value: r.value } };
    if (r.ok === false && typeof r.error === 'string')
      return { kind: 'reply', id: value.id, reply: { ok: false, error: r.error } };
  }
  return null;
}
