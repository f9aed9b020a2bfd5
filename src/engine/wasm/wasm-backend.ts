// Creates tfjs's wasm backend under Node ourselves, so it can run the threaded SIMD binary with N threads.
//
// tfjs-backend-wasm 4.22 says "no thread support" under Node (flag WASM_HAS_MULTITHREAD_SUPPORT is
// hard-wired to false there) and, in browsers, hands Emscripten its pthread worker as a Blob URL,
// which Node's worker_threads cannot start. Emscripten's own Node support works, though, when the
// worker script is a real file: we write the worker source shipped in `wasm-out/` to a cache file,
// point `locateFile` at it, and let the pthreads load the factory script from its own path.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { BackendWasm, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

// Not named `require`: electron-vite injects a top-level `require` shim into bundled ESM chunks.
const nodeRequire = createRequire(import.meta.url);
const WASM_PRIORITY = 2; // the priority tfjs-backend-wasm registers itself with

interface EmscriptenWorker {
  unref(): void;
  terminate(): void;
}
interface WasmModule {
  cwrap(name: string, ret: string | null, args: string[]): (...a: number[]) => number;
  tfjs?: Record<string, (...a: number[]) => number>;
  PThread?: { runningWorkers: EmscriptenWorker[]; unusedWorkers: EmscriptenWorker[] };
}
// The node project's lib has no WebAssembly types (they come with lib.dom); the little we use:
type WasmImports = Record<string, Record<string, unknown>>;
type ReceiveInstance = (instance: object, module: object) => void;
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: WasmImports): Promise<{ instance: object; module: object }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
interface FactoryConfig {
  locateFile(path: string, prefix: string): string;
  instantiateWasm?(imports: WasmImports, receive: ReceiveInstance): object;
  mainScriptUrlOrBlob?: string;
  onAbort?(msg: string): void;
  /** Emscripten puts its runtime objects on the config object it was given (it becomes `Module`). */
  PThread?: WasmModule['PThread'];
}
type Factory = (config: FactoryConfig) => Promise<WasmModule>;

function packageDir(): string {
  return dirname(nodeRequire.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
}

/** Writes the pthread worker script (shipped as a JS string in wasm-out/) to a file Node can start. */
function workerScriptFile(dir: string): string {
  const contents = (
    nodeRequire(join(dir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.worker.js')) as {
      wasmWorkerContents?: string;
    }
  ).wasmWorkerContents;
  if (typeof contents !== 'string') {
    throw new Error(
      'tfjs-backend-wasm has no pthread worker source (wasmWorkerContents); reinstall @tensorflow/tfjs-backend-wasm 4.22.0.',
    );
  }
  // As tfjs does before making its Blob: the template literal turned the source's "\n" escapes into
  // real newlines inside string literals; put the escapes back.
  const script = contents.replace(/\n/g, '\\n');
  const hash = createHash('sha256').update(script).digest('hex').slice(0, 16);
  const cacheDir = join(tmpdir(), 'convnet-studio-wasm');
  const file = join(cacheDir, `tfjs-backend-wasm-threaded-simd.${hash}.worker.cjs`);
  try {
    if (readFileSync(file, 'utf8') === script) return file;
  } catch {
    // not written yet
  }
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, script);
  renameSync(tmp, file);
  return file;
}

/** The same js <-> wasm bridge tfjs's own init() builds (backend_wasm.js, 4.22). */
function attachBridge(module: WasmModule): void {
  module.tfjs = {
    init: module.cwrap('init', null, []),
    initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: module.cwrap('get_threads_count', 'number', []),
    registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: module.cwrap('dispose_data', null, ['number']),
    dispose: module.cwrap('dispose', null, []),
  };
}

/**
 * tfjs's C++ caps its thread pool at `emscripten_num_logical_cores() / 2` (it assumes two hardware
 * threads per core), read once when the module starts; under Node that is os.cpus().length / 2, so a
 * 2-core machine gets one thread. Answer that import so the cap lets `threads` through.
 */
function reportCores(imports: WasmImports, threads: number): void {
  const env = imports.env;
  if (env && typeof env.emscripten_num_logical_cores === 'function')
    env.emscripten_num_logical_cores = () => 2 * threads;
}

/**
 * The threaded build pre-starts 8 pthread workers (PTHREAD_POOL_SIZE) and loads the wasm module into
 * each before it is ready; XNNPACK with N threads needs N - 1 of them. Stop the rest before they load.
 */
function trimWorkerPool(config: FactoryConfig, keep: number): void {
  const pool = config.PThread?.unusedWorkers;
  if (!pool) return;
  for (const w of pool.splice(Math.max(1, keep))) w.terminate();
}

/**
 * XNNPACK's pool threads live for the whole process and Emscripten `ref()`s their workers,
 * which would keep Node from exiting once the work is done. Unref them: the process can end.
 */
function letProcessExit(module: WasmModule): void {
  for (const w of module.PThread?.runningWorkers ?? []) w.unref();
  for (const w of module.PThread?.unusedWorkers ?? []) w.unref();
}

async function instantiate(threads: number): Promise<BackendWasm> {
  const dir = packageDir();
  const threaded = threads > 1;
  const script = join(
    dir,
    'wasm-out',
    threaded ? 'tfjs-backend-wasm-threaded-simd.js' : 'tfjs-backend-wasm.js',
  );
  const binary = join(
    dir,
    'dist',
    threaded ? 'tfjs-backend-wasm-threaded-simd.wasm' : 'tfjs-backend-wasm-simd.wasm',
  );
  const worker = threaded ? workerScriptFile(dir) : '';
  const factory = nodeRequire(script) as Factory;
  let abortMessage = '';
  const config: FactoryConfig = {
    locateFile: (path, prefix) => {
      if (path.endsWith('.worker.js')) return worker;
      if (path.endsWith('.wasm')) return binary;
      return prefix + path;
    },
    // pthreads load the factory from this file (Emscripten's importScripts under Node reads a path).
    mainScriptUrlOrBlob: script,
    instantiateWasm: (imports, receive) => {
      reportCores(imports, threads);
      if (threaded) trimWorkerPool(config, threads - 1);
      wasmApi.instantiate(readFileSync(binary), imports).then(
        (r) => receive(r.instance, r.module),
        (e: unknown) => {
          abortMessage = e instanceof Error ? e.message : String(e);
        },
      );
      return {}; // Emscripten's protocol: exports arrive later through `receive`
    },
    onAbort: (msg) => {
      abortMessage = String(msg);
    },
  };
  const module = await factory(config);
  if (abortMessage) throw new Error(`The wasm runtime aborted while starting: ${abortMessage}`);
  attachBridge(module);
  setThreadsCount(threads);
  const backend = new BackendWasm(module as unknown as ConstructorParameters<typeof BackendWasm>[0]);
  letProcessExit(module);
  return backend;
}

/** Our factories and their thread counts (tfjs's backend registry is process-wide, so is this). */
const factoryThreads = new WeakMap<object, number>();

/**
 * Replaces tfjs-backend-wasm's registration of 'wasm' with one that starts `threads` threads
 * (1 = the SIMD single-thread binary). Call before the backend is first used.
 */
export function registerWasmBackend(threads: number): void {
  const current = tf.findBackendFactory('wasm');
  // Asking again for what is registered keeps the running backend (and its tensors) alive.
  if (current != null && factoryThreads.get(current) === threads) return;
  if (current != null) tf.removeBackend('wasm');
  const factory = () => instantiate(threads);
  factoryThreads.set(factory, threads);
  tf.registerBackend('wasm', factory, WASM_PRIORITY);
}

/** Threads the running wasm backend actually uses (XNNPACK's pool size), or 0 when wasm is not running. */
export function wasmThreadsInUse(): number {
  const b = tf.engine().registry['wasm'] as BackendWasm | undefined;
  const bridge = (b?.wasm as unknown as WasmModule | undefined)?.tfjs;
  return bridge ? bridge.getThreadsCount() : 0;
}
