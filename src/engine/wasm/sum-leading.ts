// Sum over the leading axes (a conv bias gradient: dy [N,H,W,C] -> [C]) in one pass over the wasm heap.
//
// tfjs-backend-wasm 4.22 first transposes the reduced axes innermost (a full copy of dy), then sums.
// Summing rows of the [outer, inner] view directly skips the copy; accumulation is in doubles, as on cpu.
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

/** The number of leading axes `axis` reduces, or 0 when it is not exactly [0, 1, ..., k-1] with k < rank. */
function leadingAxes(axis: unknown, rank: number): number {
  if (axis == null) return 0; // null: every axis
  const list = (Array.isArray(axis) ? axis : [axis])
    .map((a) => (Number(a) + rank) % rank)
    .sort((a, b) => a - b);
  if (list.length === 0 || list.length >= rank) return 0;
  return list.every((a, i) => a === i) ? list.length : 0;
}

export function makeSumWasm(shipped: tf.KernelConfig): tf.KernelFunc {
  return ((args: KernelArgs) => {
    const backend = args.backend as BackendWasm;
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { axis, keepDims } = (args.attrs ?? {}) as { axis?: number | number[]; keepDims?: boolean };
    const k = x.dtype === 'float32' ? leadingAxes(axis, x.shape.length) : 0;
    if (k === 0) return shipped.kernelFunc(args as Parameters<tf.KernelFunc>[0]);
    const inner = x.shape.slice(k).reduce((a, b) => a * b, 1);
    const outer = x.shape.slice(0, k).reduce((a, b) => a * b, 1);
    const outShape = keepDims ? [...x.shape.slice(0, k).map(() => 1), ...x.shape.slice(k)] : x.shape.slice(k);
    const out = backend.makeOutput(outShape, 'float32');
    const src = backend.typedArrayFromHeap(x) as Float32Array;
    const acc = new Float64Array(inner);
    for (let r = 0; r < outer; r++) {
      const base = r * inner;
      for (let i = 0; i < inner; i++) acc[i] += src[base + i];
    }
    (backend.typedArrayFromHeap(out) as Float32Array).set(acc);
    return out;
  }) as tf.KernelFunc;
}
