// Helpers for the wasm kernel tests: seeded data, run the same computation on cpu and wasm, compare.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { silenceTfjsBanner } from '../../src/engine/backend.ts';
import { registerWasmTrainingKernels } from '../../src/engine/wasm/register.ts';
import { registerWasmBackend } from '../../src/engine/wasm/wasm-backend.ts';

/** Deterministic values in [-1, 1) (mulberry32), so every run checks the same numbers. */
export function seeded(n: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

export async function setUpWasm(threads: number): Promise<void> {
  silenceTfjsBanner();
  registerWasmTrainingKernels();
  registerWasmBackend(threads);
  assert.ok(await tf.setBackend('wasm'), 'the wasm backend should start');
}

/** Runs `f` on `backend` and returns its outputs as plain arrays (no tensors left behind). */
export async function runOn(backend: 'cpu' | 'wasm', f: () => tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const outs = tf.tidy(f);
  const data = outs.map((t) => t.dataSync() as Float32Array);
  tf.dispose(outs);
  return data;
}

/** max |a - b| / max(1e-6, max |b|): the error relative to the reference's scale. */
export function relError(a: Float32Array, b: Float32Array): number {
  assert.equal(a.length, b.length, 'shapes differ');
  let diff = 0;
  let scale = 1e-6;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

/** Same computation on wasm and cpu; every output within `tol` relative error. */
export async function assertSameOnWasm(label: string, f: () => tf.Tensor[], tol = 1e-4): Promise<void> {
  const ref = await runOn('cpu', f);
  const got = await runOn('wasm', f);
  ref.forEach((r, i) => {
    const e = relError(got[i], r);
    assert.ok(e <= tol, `${label}: output ${i} differs from cpu by ${e.toExponential(2)} (tolerance ${tol})`);
  });
}
