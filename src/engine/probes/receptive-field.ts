// Where a conv layer's output cells sit in the input image: receptive-field centres, and a heatmap placed there.
import type * as tf from '@tensorflow/tfjs';

/** Cell j of the layer's output is centred on input pixel offset + stride * j (per axis: [y, x]). */
export interface CellGeometry {
  offset: [number, number];
  stride: [number, number];
}

type Pairish = number | number[] | undefined;
const pair = (v: Pairish, fallback: number): [number, number] =>
  v === undefined || v === null ? [fallback, fallback] : Array.isArray(v) ? [v[0]!, v[1] ?? v[0]!] : [v, v];

/** The shape of the first tensor a layer reads, batch first. */
function inputShapeOf(l: tf.layers.Layer): (number | null)[] {
  return l.inboundNodes[0]?.inputTensors[0]?.shape ?? [];
}

/**
 * Follows the layer's first-input chain back to the model input and composes each Conv2D and
 * pooling step (kernel, stride, dilation, 'same' padding as TensorFlow pads). Returns null when the
 * chain holds a layer whose geometry is unknown (the caller then stretches the map over the image).
 */
export function cellGeometry(layer: tf.layers.Layer): CellGeometry | null {
  const chain: tf.layers.Layer[] = [];
  for (let l: tf.layers.Layer | undefined = layer; l && l.getClassName() !== 'InputLayer';) {
    chain.unshift(l);
    l = l.inboundNodes[0]?.inboundLayers[0];
  }
  const offset: [number, number] = [0, 0];
  const stride: [number, number] = [1, 1];
  for (const l of chain) {
    const cls = l.getClassName();
    const cfg = l.getConfig() as Record<string, Pairish | string>;
    let k: [number, number];
    let s: [number, number];
    let d: [number, number] = [1, 1];
    if (cls === 'Conv2D' || cls === 'DepthwiseConv2D' || cls === 'SeparableConv2D') {
      k = pair(cfg.kernelSize as Pairish, 1);
      s = pair(cfg.strides as Pairish, 1);
      d = pair(cfg.dilationRate as Pairish, 1);
    } else if (cls === 'MaxPooling2D' || cls === 'AveragePooling2D') {
      k = pair(cfg.poolSize as Pairish, 2);
      s = pair((cfg.strides as Pairish) ?? (cfg.poolSize as Pairish), 2);
    } else {
      const inShape = inputShapeOf(l);
      const outShape = l.outputShape as (number | null)[];
      // Element-wise layers (activations, normalisation, dropout, merges) keep the grid as it is.
      if (Array.isArray(outShape[0]) || inShape[1] !== outShape[1] || inShape[2] !== outShape[2]) return null;
      continue;
    }
    const inShape = inputShapeOf(l);
    for (let a = 0; a < 2; a++) {
      const n = inShape[a + 1];
      if (typeof n !== 'number') return null;
      const keff = (k[a]! - 1) * d[a]! + 1;
      let padBefore = 0;
      if (cfg.padding === 'same') {
        const out = Math.ceil(n / s[a]!);
        padBefore = Math.floor(Math.max((out - 1) * s[a]! + keff - n, 0) / 2);
      }
      offset[a] += stride[a]! * ((keff - 1) / 2 - padBefore);
      stride[a] *= s[a]!;
    }
  }
  return { offset, stride };
}

/**
 * Draws an h x w map (row-major) onto an outH x outW image: each cell at its receptive-field centre,
 * bilinear between centres, fading to zero one stride beyond the outermost cells.
 */
export function placeCells(
  map: Float32Array,
  h: number,
  w: number,
  geo: CellGeometry,
  outH: number,
  outW: number,
): Float32Array {
  const at = (y: number, x: number) => (y < 0 || y >= h || x < 0 || x >= w ? 0 : map[y * w + x]!);
  const out = new Float32Array(outH * outW);
  for (let py = 0; py < outH; py++) {
    const u = (py - geo.offset[0]) / geo.stride[0];
    const y0 = Math.floor(u);
    const fy = u - y0;
    for (let px = 0; px < outW; px++) {
      const v = (px - geo.offset[1]) / geo.stride[1];
      const x0 = Math.floor(v);
      const fx = v - x0;
      const top = at(y0, x0) * (1 - fx) + at(y0, x0 + 1) * fx;
      const bottom = at(y0 + 1, x0) * (1 - fx) + at(y0 + 1, x0 + 1) * fx;
      out[py * outW + px] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}
