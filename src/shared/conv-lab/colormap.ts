// Colour scales for feature maps: a diverging blue–white–red scale for signed values, grey for non-negative ones.
import type { Grid } from './types.ts';

export type Rgb = [number, number, number];

/** The scale a grid is drawn with and the values at its ends (shown on the colour bar). */
export interface ColorScale {
  kind: 'diverging' | 'grey';
  min: number;
  max: number;
}

/** Signed maps get a symmetric diverging scale (0 is white); non-negative maps run from black (0) to white (max). */
export function scaleFor(g: Grid): ColorScale {
  let min = 0;
  let max = 0;
  for (const v of g.data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min < 0) {
    const m = Math.max(-min, max) || 1;
    return { kind: 'diverging', min: -m, max: m };
  }
  return { kind: 'grey', min: 0, max: max || 1 };
}

const NEG: Rgb = [33, 102, 172];
const MID: Rgb = [247, 247, 247];
const POS: Rgb = [178, 24, 43];

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
}

export function colorOf(v: number, scale: ColorScale): Rgb {
  if (scale.kind === 'grey') {
    const t = Math.min(Math.max(v / scale.max, 0), 1);
    const c = Math.round(t * 255);
    return [c, c, c];
  }
  const t = Math.min(Math.max(v / scale.max, -1), 1);
  return t < 0 ? mix(MID, NEG, -t) : mix(MID, POS, t);
}

/** RGBA bytes of a grid under a scale, for a canvas ImageData or a PNG. */
export function gridToRgba(g: Grid, scale: ColorScale = scaleFor(g)): Uint8ClampedArray {
  const out = new Uint8ClampedArray(g.height * g.width * 4);
  g.data.forEach((v, i) => {
    const [r, gr, b] = colorOf(v, scale);
    out.set([r, gr, b, 255], i * 4);
  });
  return out;
}

/** Samples along the scale for drawing its colour bar, from min to max. */
export function scaleStops(scale: ColorScale, steps = 9): { value: number; rgb: Rgb }[] {
  return Array.from({ length: steps }, (_, i) => {
    const value = scale.min + ((scale.max - scale.min) * i) / (steps - 1);
    return { value, rgb: colorOf(value, scale) };
  });
}
