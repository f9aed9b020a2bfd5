// The two gradients of Conv2D for the wasm backend, each written as a forward wasm Conv2D (XNNPACK).
//
// tfjs-backend-wasm 4.22 ships no Conv2DBackpropFilter (so a convnet cannot train) and a naive
// single-loop Conv2DBackpropInput. Both gradients are themselves convolutions:
// - dW: with x as [Cin,H,W,N] ("batch" Cin, "channels" N) and dy as a [OH,OW,N,Cout] filter, a
//   stride-1 conv dilated by the forward stride gives [Cin,fh,fw,Cout]; transpose to [fh,fw,Cin,Cout].
// - dx: a stride-1 conv of dy (zero-dilated by the forward stride) with the filter flipped in both
//   spatial axes and its channel axes swapped, padded by (filter - 1 - forward pad).
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { dilateSpatial, flipSwapFilter, patches } from './heap-ops.ts';
import { type Attrs, runWasmKernel, withScratch } from './internals.ts';

type Shape4 = [number, number, number, number];
type ExplicitPad = [[number, number], [number, number], [number, number], [number, number]];

interface ConvGradAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | ExplicitPad;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function convInfo(xShape: Shape4, filterShape: Shape4, a: ConvGradAttrs): tf.backend_util.Conv2DInfo {
  const info = tf.backend_util.computeConv2DInfo(
    xShape,
    filterShape,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(a.dataFormat),
  );
  if (info.dataFormat !== 'channelsLast') {
    throw new Error("The wasm backend trains convolutions in 'channelsLast' (NHWC) format only.");
  }
  return info;
}

function explicitPad(top: number, bottom: number, left: number, right: number): ExplicitPad {
  return [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
}

function conv(
  backend: BackendWasm,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  pad: ExplicitPad,
  dilations: [number, number],
) {
  const attrs: Attrs = { strides: [1, 1], pad, dilations, dataFormat: 'NHWC', dimRoundingMode: undefined };
  return runWasmKernel(backend, 'Conv2D', { x, filter }, attrs);
}

/**
 * dW^T = dy^T @ im2col(x): when a window holds fewer values than dy has channels (a first layer on
 * grayscale images), XNNPACK would spend most of the conv route packing the huge dy "filter".
 */
function filterGradByPatches(
  backend: BackendWasm,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
) {
  const { filterHeight: fh, filterWidth: fw, inChannels: cin, outChannels: cout } = info;
  return withScratch(backend, (keep) => {
    const cols = keep(
      patches(backend, x, {
        outHeight: info.outHeight,
        outWidth: info.outWidth,
        filterHeight: fh,
        filterWidth: fw,
        strideHeight: info.strideHeight,
        strideWidth: info.strideWidth,
        padTop: info.padInfo.top,
        padLeft: info.padInfo.left,
      }),
    );
    const rows = cols.shape[0];
    // BatchMatMul on wasm is fast (XNNPACK) only without transpose flags, so transpose dy explicitly.
    const dyT = keep(
      runWasmKernel(backend, 'Transpose', { x: { ...dy, shape: [rows, cout] } }, { perm: [1, 0] }),
    );
    const gT = keep(
      runWasmKernel(
        backend,
        'BatchMatMul',
        { a: { ...dyT, shape: [1, cout, rows] }, b: { ...cols, shape: [1, rows, fh * fw * cin] } },
        { transposeA: false, transposeB: false },
      ),
    );
    const g = runWasmKernel(
      backend,
      'Transpose',
      { x: { ...gT, shape: [cout, fh * fw * cin] } },
      { perm: [1, 0] },
    );
    return { ...g, shape: [fh, fw, cin, cout] };
  });
}

/** dW = conv(x^T, dy^T) with dilation = stride, cropped to the filter size. */
export function conv2DBackpropFilterWasm(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs: tf.NamedAttrMap;
}): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const attrs = args.attrs as unknown as ConvGradAttrs & { filterShape: Shape4 };
  const info = convInfo(x.shape as Shape4, attrs.filterShape, attrs);
  const { filterHeight: fh, filterWidth: fw, inChannels: cin, outChannels: cout, padInfo } = info;
  if (fh * fw * cin < cout) return filterGradByPatches(backend, x, dy, info);
  return withScratch(backend, (keep) => {
    const xT = keep(runWasmKernel(backend, 'Transpose', { x }, { perm: [3, 1, 2, 0] }));
    const dyT = keep(runWasmKernel(backend, 'Transpose', { x: dy }, { perm: [1, 2, 0, 3] }));
    const pad = explicitPad(padInfo.top, padInfo.bottom, padInfo.left, padInfo.right);
    let g = keep(conv(backend, xT, dyT, pad, [info.strideHeight, info.strideWidth]));
    // The forward conv may have skipped trailing rows/columns (stride); those give extra outputs here.
    if (g.shape[1] !== fh || g.shape[2] !== fw) {
      g = keep(runWasmKernel(backend, 'Slice', { x: g }, { begin: [0, 0, 0, 0], size: [cin, fh, fw, cout] }));
    }
    return runWasmKernel(backend, 'Transpose', { x: g }, { perm: [1, 2, 0, 3] });
  });
}

/** dx = conv(pad(dilate(dy)), flip(W) with in/out channels swapped), stride 1. */
export function conv2DBackpropInputWasm(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs: tf.NamedAttrMap;
}): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const attrs = args.attrs as unknown as ConvGradAttrs & { inputShape: Shape4 };
  const info = convInfo(attrs.inputShape, filter.shape as Shape4, attrs);
  const {
    filterHeight: fh,
    filterWidth: fw,
    inHeight,
    inWidth,
    strideHeight: sh,
    strideWidth: sw,
    padInfo,
  } = info;
  return withScratch(backend, (keep) => {
    const w = keep(flipSwapFilter(backend, filter));
    const d = sh === 1 && sw === 1 ? dy : keep(dilateSpatial(backend, dy, sh, sw));
    const top = fh - 1 - padInfo.top;
    const left = fw - 1 - padInfo.left;
    const bottom = inHeight + fh - 1 - d.shape[1] - top;
    const right = inWidth + fw - 1 - d.shape[2] - left;
    if (top >= 0 && left >= 0 && bottom >= 0 && right >= 0) {
      return conv(backend, d, w, explicitPad(top, bottom, left, right), [1, 1]);
    }
    // Padding larger than the filter (possible only with explicit pads): crop after a 'valid'-safe conv.
    const grow = Math.max(0, -top, -bottom, -left, -right);
    const full = keep(
      conv(backend, d, w, explicitPad(top + grow, bottom + grow, left + grow, right + grow), [1, 1]),
    );
    return runWasmKernel(
      backend,
      'Slice',
      { x: full },
      { begin: [0, grow, grow, 0], size: [full.shape[0], inHeight, inWidth, full.shape[3]] },
    );
  });
}
