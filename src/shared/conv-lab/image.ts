// Turning decoded pictures into the lab's grey grids: luminance, downscaling, and kernels taken from Conv2D weights.
import type { Grid, Matrix } from './types.ts';

/** Largest side the lab convolves: big enough to see edges, small enough for the cpu backend to answer at once. */
export const MAX_IMAGE_SIDE = 256;

/** RGBA bytes (canvas ImageData, pngjs, jpeg-js all give these) to grey in [0, 1] with Rec. 601 weights. */
export function rgbaToGrey(rgba: ArrayLike<number>, width: number, height: number): Grid {
  const data = new Float32Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const r = rgba[i * 4];
    const g = rgba[i * 4 + 1];
    const b = rgba[i * 4 + 2];
    data[i] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  }
  return { height, width, data };
}

/** Shrinks by an integer box average until the longer side is at most `maxSide` (never enlarges). */
export function downscale(g: Grid, maxSide = MAX_IMAGE_SIDE): Grid {
  const f = Math.ceil(Math.max(g.height, g.width) / maxSide);
  if (f <= 1) return g;
  const height = Math.floor(g.height / f);
  const width = Math.floor(g.width / f);
  const data = new Float32Array(height * width);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      let s = 0;
      for (let a = 0; a < f; a++) for (let b = 0; b < f; b++) s += g.data[(i * f + a) * g.width + j * f + b];
      data[i * width + j] = s / (f * f);
    }
  }
  return { height, width, data };
}

/**
 * The kernels of a Conv2D layer's weights (shape [kh, kw, inChannels, filters], row-major as tfjs stores them),
 * one 2-D matrix per filter. With several input channels the channels are summed: on a grey picture
 * (the same value in every channel) that sum is exactly what the layer computes.
 */
export function kernelsFromConvWeights(values: ArrayLike<number>, shape: readonly number[]): Matrix[] {
  if (shape.length !== 4)
    throw new Error(
      `Conv2D weights have 4 dimensions [kh, kw, in, filters]; these have shape [${shape.join(', ')}].`,
    );
  const [kh, kw, cin, cout] = shape;
  if (values.length !== kh * kw * cin * cout)
    throw new Error(
      `The weights hold ${values.length} numbers but their shape [${shape.join(', ')}] needs ${kh * kw * cin * cout}.`,
    );
  return Array.from({ length: cout }, (_, f) =>
    Array.from({ length: kh }, (_, i) =>
      Array.from({ length: kw }, (_, j) => {
        let s = 0;
        for (let c = 0; c < cin; c++) s += values[((i * kw + j) * cin + c) * cout + f];
        return s;
      }),
    ),
  );
}
