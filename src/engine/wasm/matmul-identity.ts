// Two cheap fixes on the wasm backend: zero-copy Identity, and BatchMatMul with transposes kept on XNNPACK.
//
// tfjs-backend-wasm 4.22 copies the whole buffer for Identity (the cpu backend shares it; tensors are
// immutable), and runs BatchMatMul through XNNPACK only with no transpose flags: with transposeA or
// transposeB it falls back to a naive triple loop. Dense layers' gradients use both flags.
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runWasmKernel, withScratch } from './internals.ts';

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

export function identityWasm(args: KernelArgs): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x } = args.inputs as { x: tf.TensorInfo };
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape.slice(), dtype: x.dtype };
}

function swapLastTwo(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return perm;
}

function batchOf(t: tf.TensorInfo): number {
  return t.shape.slice(0, -2).reduce((a, b) => a * b, 1);
}

/** Wraps the shipped BatchMatMul: single-batch float products with transpose flags get explicit transposes. */
export function makeBatchMatMulWasm(shipped: tf.KernelConfig): tf.KernelFunc {
  return ((args: KernelArgs) => {
    const backend = args.backend as BackendWasm;
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    const eligible =
      (transposeA || transposeB) &&
      a.dtype === 'float32' &&
      b.dtype === 'float32' &&
      batchOf(a) === 1 &&
      batchOf(b) === 1;
    if (!eligible) return shipped.kernelFunc(args as Parameters<tf.KernelFunc>[0]);
    return withScratch(backend, (keep) => {
      const a2 = transposeA
        ? keep(runWasmKernel(backend, 'Transpose', { x: a }, { perm: swapLastTwo(a.shape.length) }))
        : a;
      const b2 = transposeB
        ? keep(runWasmKernel(backend, 'Transpose', { x: b }, { perm: swapLastTwo(b.shape.length) }))
        : b;
      return runWasmKernel(
        backend,
        'BatchMatMul',
        { a: a2, b: b2 },
        { transposeA: false, transposeB: false },
      );
    });
  }) as tf.KernelFunc;
}
