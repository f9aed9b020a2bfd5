// Small data-movement steps done in JS straight on the wasm heap, where a wasm kernel call costs more.
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type Shape4 = [number, number, number, number];

function f32(backend: BackendWasm, t: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(t) as Float32Array;
}

/** [fh,fw,Cin,Cout] -> [fh,fw,Cout,Cin], flipped in both spatial axes (tiny; wasm Reverse+Transpose take ~1 ms). */
export function flipSwapFilter(backend: BackendWasm, w: tf.TensorInfo): tf.TensorInfo {
  const [fh, fw, cin, cout] = w.shape as Shape4;
  const out = backend.makeOutput([fh, fw, cout, cin], 'float32');
  const src = f32(backend, w);
  const dst = f32(backend, out);
  for (let i = 0; i < fh; i++) {
    for (let j = 0; j < fw; j++) {
      const from = ((fh - 1 - i) * fw + (fw - 1 - j)) * cin * cout;
      const to = (i * fw + j) * cout * cin;
      for (let ci = 0; ci < cin; ci++) {
        for (let co = 0; co < cout; co++) dst[to + co * cin + ci] = src[from + ci * cout + co];
      }
    }
  }
  return out;
}

/** Spreads dy's rows and columns `stride` apart, zeros between: [N,(OH-1)*sh+1,(OW-1)*sw+1,C]. */
export function dilateSpatial(
  backend: BackendWasm,
  dy: tf.TensorInfo,
  sh: number,
  sw: number,
): tf.TensorInfo {
  const [n, oh, ow, c] = dy.shape as Shape4;
  const dh = (oh - 1) * sh + 1;
  const dw = (ow - 1) * sw + 1;
  const out = backend.makeOutput([n, dh, dw, c], 'float32');
  const src = f32(backend, dy);
  const dst = f32(backend, out);
  dst.fill(0);
  for (let b = 0; b < n; b++) {
    for (let r = 0; r < oh; r++) {
      for (let q = 0; q < ow; q++) {
        const from = ((b * oh + r) * ow + q) * c;
        dst.set(src.subarray(from, from + c), ((b * dh + r * sh) * dw + q * sw) * c);
      }
    }
  }
  return out;
}

export interface PatchGeometry {
  outHeight: number;
  outWidth: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
}

/**
 * im2col: [N,H,W,C] -> [N*OH*OW, fh*fw*C], each row the (zero-padded) window under one output pixel.
 * Worth it only when fh*fw*C is small (a first layer on grayscale images).
 */
export function patches(backend: BackendWasm, x: tf.TensorInfo, g: PatchGeometry): tf.TensorInfo {
  const [n, h, w, c] = x.shape as Shape4;
  const { outHeight: oh, outWidth: ow, filterHeight: fh, filterWidth: fw } = g;
  const k = fh * fw * c;
  const out = backend.makeOutput([n * oh * ow, k], 'float32');
  const src = f32(backend, x);
  const dst = f32(backend, out);
  let p = 0;
  for (let b = 0; b < n; b++) {
    for (let r = 0; r < oh; r++) {
      const r0 = r * g.strideHeight - g.padTop;
      for (let q = 0; q < ow; q++) {
        const q0 = q * g.strideWidth - g.padLeft;
        for (let i = 0; i < fh; i++) {
          const row = r0 + i;
          for (let j = 0; j < fw; j++) {
            const col = q0 + j;
            if (row < 0 || row >= h || col < 0 || col >= w) {
              dst.fill(0, p, p + c);
            } else {
              const from = ((b * h + row) * w + col) * c;
              for (let ch = 0; ch < c; ch++) dst[p + ch] = src[from + ch];
            }
            p += c;
          }
        }
      }
    }
  }
  return out;
}
