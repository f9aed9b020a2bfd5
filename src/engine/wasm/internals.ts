// The few tfjs 4.22 internals the wasm kernels lean on, each behind one small function (versions are pinned).
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

export type Attrs = Record<string, unknown>;
export type Inputs = Record<string, tf.TensorInfo>;

/**
 * Runs a kernel already registered for 'wasm' directly on the backend, without the engine: no tape,
 * no Tensor objects. Backends compose kernels this way internally (tfjs 4.22 kernel registry).
 * The caller owns the returned TensorInfo and must `release` it unless it returns it.
 */
export function runWasmKernel(
  backend: BackendWasm,
  kernelName: string,
  inputs: Inputs,
  attrs: Attrs = {},
): tf.TensorInfo {
  const kernel = tf.getKernel(kernelName, 'wasm');
  if (kernel == null)
    throw new Error(`The wasm backend has no '${kernelName}' kernel (tfjs 4.22 is expected).`);
  const out = kernel.kernelFunc({ inputs, attrs: attrs as tf.NamedAttrMap, backend });
  return Array.isArray(out) ? out[0] : out;
}

/** Frees an intermediate produced by `runWasmKernel`. */
export function release(backend: BackendWasm, info: tf.TensorInfo): void {
  backend.disposeData(info.dataId);
}

/** Runs `fn`, then frees every intermediate it registered with `keep`, except what it returns. */
export function withScratch(
  backend: BackendWasm,
  fn: (keep: <T extends tf.TensorInfo>(t: T) => T) => tf.TensorInfo,
): tf.TensorInfo {
  const scratch: tf.TensorInfo[] = [];
  let result: tf.TensorInfo | undefined;
  try {
    result = fn((t) => {
      scratch.push(t);
      return t;
    });
    return result;
  } finally {
    for (const t of scratch) if (t !== result) release(backend, t);
  }
}

/** The id the C++ side knows a tensor by (BackendWasm.dataIdMap is public in 4.22 but undocumented). */
export function wasmTensorId(backend: BackendWasm, t: tf.TensorInfo): number {
  return backend.dataIdMap.get(t.dataId).id;
}

/** Captures the kernel that tfjs-backend-wasm shipped, so a faster replacement can fall back to it. */
export function shippedKernel(kernelName: string): tf.KernelConfig | undefined {
  return tf.getKernel(kernelName, 'wasm');
}

/** Registers (or replaces) a wasm kernel; returns what was registered before, if anything. */
export function replaceWasmKernel(config: tf.KernelConfig): tf.KernelConfig | undefined {
  const before = tf.getKernel(config.kernelName, 'wasm');
  if (before != null) tf.unregisterKernel(config.kernelName, 'wasm');
  tf.registerKernel(config);
  return before;
}
