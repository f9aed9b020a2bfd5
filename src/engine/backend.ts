// Picks the tfjs backend (native GPU, native CPU, wasm, cpu) and says in words why each earlier one was skipped.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { registerWasmTrainingKernels } from './wasm/register.ts';
import { registerWasmBackend, wasmThreadsInUse } from './wasm/wasm-backend.ts';

// Not named `require`: electron-vite injects a top-level `require` shim into bundled ESM chunks.
const nodeRequire = createRequire(import.meta.url);

export const BACKEND_NAMES = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface BackendChoice {
  /** The backend that runs. */
  name: BackendName;
  /** Why this one, in a sentence for the user. */
  reason: string;
  /** Each backend tried before it, and what the user can do about it. */
  skipped: { name: BackendName; why: string }[];
  /** Threads the backend computes with (wasm: XNNPACK's pool; others: 0 = not ours to say). */
  threads: number;
}

export interface BackendOptions {
  /** Force one backend (a setting or `--backend`); it fails with a clear message if it cannot start. */
  prefer?: string;
  /** wasm threads; default: the machine's cores, at most 8. */
  threads?: number;
}

export function isBackendName(s: string): s is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(s);
}

const NATIVE = {
  'tensorflow-gpu': { pkg: '@tensorflow/tfjs-node-gpu', short: 'tfjs-node-gpu' },
  tensorflow: { pkg: '@tensorflow/tfjs-node', short: 'tfjs-node' },
} as const;

class Skip extends Error {}

/** Where a package lives, or null when it is not installed. */
function packageDir(pkg: string): string | null {
  try {
    return dirname(nodeRequire.resolve(`${pkg}/package.json`));
  } catch {
    return null;
  }
}

/** Every distinct tfjs-core the installed tfjs packages would load: one, or backends end up in another engine. */
export function tfjsCoreLocations(): string[] {
  const from = [dirname(nodeRequire.resolve('@tensorflow/tfjs/package.json'))];
  for (const pkg of ['@tensorflow/tfjs-backend-wasm', NATIVE.tensorflow.pkg, NATIVE['tensorflow-gpu'].pkg]) {
    const dir = packageDir(pkg);
    if (dir) from.push(dir);
  }
  const found = new Set<string>();
  for (const dir of from)
    found.add(createRequire(join(dir, 'package.json')).resolve('@tensorflow/tfjs-core'));
  return [...found];
}

/** The addon path node-pre-gyp computes for this Node (lib/napi-vN/tfjs_binding.node). */
function bindingPath(dir: string): string | null {
  try {
    const preGyp = createRequire(join(dir, 'package.json'))('@mapbox/node-pre-gyp') as {
      find(p: string): string;
    };
    return preGyp.find(join(dir, 'package.json'));
  } catch {
    const lib = join(dir, 'lib');
    const v = existsSync(lib)
      ? readdirSync(lib).find((d) => existsSync(join(lib, d, 'tfjs_binding.node')))
      : undefined;
    return v ? join(lib, v, 'tfjs_binding.node') : null;
  }
}

/** Turns the native loader's error into what the user can do about it. */
export function explainNativeError(name: 'tensorflow-gpu' | 'tensorflow', message: string): string {
  const { pkg } = NATIVE[name];
  const lib = /(lib[\w+-]+\.so[\d.]*)\s*:\s*cannot open shared object file/.exec(message)?.[1];
  if (lib && /cud|cublas|cufft|curand|cusolver|cusparse|nvinfer/.test(lib)) {
    return `${lib} not found — CUDA 11.2 and cuDNN 8.1 are needed`;
  }
  if (lib)
    return `${lib} not found — the native TensorFlow library is incomplete (run \`npm rebuild ${pkg}\` with network access)`;
  if (/tfjs_binding\.node.*can ?not be found|not downloaded/i.test(message)) {
    return `the native TensorFlow library was not downloaded at install time (run \`npm rebuild ${pkg}\` with network access)`;
  }
  const glibc = /GLIBC_[\d.]+/.exec(message)?.[0];
  if (glibc)
    return `the native TensorFlow library needs a newer system C library (${glibc}); update the operating system`;
  return `it failed to load: ${message.split('\n')[0]}`;
}

/** A failed load may already have registered its kernels in tfjs-core; forget them so a retry starts clean. */
function forgetKernels(backendName: string): void {
  for (const k of tf.getKernelsForBackend(backendName)) tf.unregisterKernel(k.kernelName, backendName);
}

async function startNative(name: 'tensorflow-gpu' | 'tensorflow'): Promise<string> {
  const { pkg, short } = NATIVE[name];
  const dir = packageDir(pkg);
  if (!dir)
    throw new Skip(`${short}: not installed (npm install ${pkg}@4.22.0 to train with native TensorFlow)`);
  if (tfjsCoreLocations().length > 1) {
    throw new Skip(
      `${short}: it would load its own copy of @tensorflow/tfjs-core; install ${pkg}@${tf.version_core} so npm shares one`,
    );
  }
  const binding = bindingPath(dir);
  if (!binding || !existsSync(binding))
    throw new Skip(`${short}: ${explainNativeError(name, 'tfjs_binding.node not downloaded')}`);
  try {
    nodeRequire(pkg);
  } catch (e) {
    forgetKernels('tensorflow');
    throw new Skip(`${short}: ${explainNativeError(name, e instanceof Error ? e.message : String(e))}`);
  }
  if (!(await tf.setBackend('tensorflow'))) throw new Skip(`${short}: loaded, but its backend did not start`);
  const usingGpu = (tf.backend() as unknown as { isUsingGpuDevice?: boolean }).isUsingGpuDevice;
  if (name === 'tensorflow-gpu' && usingGpu === false) {
    throw new Skip(`${short}: no usable GPU found — CUDA 11.2, cuDNN 8.1 and an NVIDIA driver are needed`);
  }
  return name === 'tensorflow-gpu' ? 'native TensorFlow on the GPU (CUDA)' : 'native TensorFlow on the CPU';
}

async function startWasm(threads: number): Promise<string> {
  registerWasmTrainingKernels();
  let note = '';
  if (threads > 1) {
    try {
      registerWasmBackend(threads);
      if (await tf.setBackend('wasm'))
        return `WebAssembly (SIMD, ${wasmThreadsInUse()} threads) with the app's training kernels`;
      note = `; ${threads} threads did not start, so 1`;
    } catch (e) {
      note = `; ${threads} threads did not start (${e instanceof Error ? e.message : String(e)}), so 1`;
    }
  }
  registerWasmBackend(1);
  if (!(await tf.setBackend('wasm'))) throw new Skip('wasm: the WebAssembly runtime did not start');
  return `WebAssembly (SIMD, 1 thread) with the app's training kernels${note}`;
}

/**
 * tfjs's cpu backend prints "Hi, looks like you are running TensorFlow.js in Node.js..." through
 * console.warn the first time it stores a tensor (MathBackendCPU.write checks `firstUse`, tfjs 4.22).
 * Mark it used so the banner never appears (it is stderr, but `--json` output should be the JSON alone).
 */
export function silenceTfjsBanner(): void {
  const cpu = tf.findBackend('cpu') as unknown as { firstUse?: boolean } | null;
  if (cpu && 'firstUse' in cpu) cpu.firstUse = false;
}

function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Starts the first backend of the ladder that works (or the one asked for) and reports why.
 * Throws with a sentence to show the user when a forced backend cannot start or the name is unknown.
 */
export async function initBackend(options: BackendOptions = {}): Promise<BackendChoice> {
  silenceTfjsBanner();
  const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  const prefer = options.prefer?.trim();
  if (prefer !== undefined && prefer !== '' && !isBackendName(prefer)) {
    throw new Error(
      `Unknown backend '${prefer}': choose one of ${BACKEND_NAMES.join(', ')}, or leave it out to pick automatically.`,
    );
  }
  const ladder: BackendName[] = prefer ? [prefer as BackendName] : [...BACKEND_NAMES];
  const skipped: { name: BackendName; why: string }[] = [];
  for (const name of ladder) {
    try {
      let reason: string;
      if (name === 'tensorflow-gpu' || name === 'tensorflow') reason = await startNative(name);
      else if (name === 'wasm') reason = await startWasm(threads);
      else {
        if (!(await tf.setBackend('cpu'))) throw new Skip('cpu: the pure JavaScript backend did not start');
        reason = 'pure JavaScript: very slow for training (a few samples per second on a convnet)';
      }
      silenceTfjsBanner();
      const used = name === 'wasm' ? wasmThreadsInUse() : name === 'cpu' ? 1 : 0;
      const on = name === 'tensorflow-gpu' ? 'the GPU' : 'the CPU';
      for (const s of skipped) s.why = `${s.why}; training on ${on} (${name}) instead`;
      return { name, reason, skipped, threads: used };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      if (prefer)
        throw new Error(
          `The '${name}' backend cannot start: ${why}. Choose another (${BACKEND_NAMES.join(', ')}) or leave the backend unset to pick automatically.`,
        );
      skipped.push({ name, why });
    }
  }
  throw new Error(`No tfjs backend could start: ${skipped.map((s) => s.why).join('; ')}.`);
}
