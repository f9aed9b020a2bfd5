// Colour scales shared by the engine's PNG writer and the renderer's canvases: one truth for how a value looks.

/** viridis for activations, diverging for signed weights, turbo for heatmaps, gray for inputs. */
export const COLORMAPS = ['viridis', 'diverging', 'turbo', 'gray'] as const;
export type ColormapName = (typeof COLORMAPS)[number];

// Stops sampled evenly along each published scale; linear interpolation between them is
// visually indistinguishable from the full tables at the sizes we draw.
const STOPS: Record<ColormapName, string[]> = {
  viridis: [
    '#440154',
    '#472c7a',
    '#3b518b',
    '#2c718e',
    '#21908d',
    '#27ad81',
    '#5cc863',
    '#aadc32',
    '#fde725',
  ],
  diverging: [
    '#2166ac',
    '#4393c3',
    '#92c5de',
    '#d1e5f0',
    '#f7f7f7',
    '#fddbc7',
    '#f4a582',
    '#d6604d',
    '#b2182b',
  ],
  turbo: [
    '#30123b',
    '#4662d7',
    '#36aaf9',
    '#1ae4b6',
    '#72fe5e',
    '#c8ef34',
    '#faba39',
    '#f66b19',
    '#ca2a04',
    '#7a0403',
  ],
  gray: ['#000000', '#ffffff'],
};

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function buildLut(stops: string[]): Uint8Array {
  const rgb = stops.map(hexToRgb);
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * (rgb.length - 1);
    const k = Math.min(Math.floor(t), rgb.length - 2);
    const f = t - k;
    for (let ch = 0; ch < 3; ch++) {
      lut[i * 3 + ch] = Math.round(rgb[k]![ch]! * (1 - f) + rgb[k + 1]![ch]! * f);
    }
  }
  return lut;
}

const LUTS: Readonly<Record<ColormapName, Uint8Array>> = {
  viridis: buildLut(STOPS.viridis),
  diverging: buildLut(STOPS.diverging),
  turbo: buildLut(STOPS.turbo),
  gray: buildLut(STOPS.gray),
};

/** 256 RGB triples for a colour scale. */
export function colormapLut(name: ColormapName): Uint8Array {
  return LUTS[name];
}

/** The RGB colour of `t` in [0, 1] (clamped) on a scale. */
export function colorAt(name: ColormapName, t: number): [number, number, number] {
  const i = Math.max(0, Math.min(255, Math.round((Number.isFinite(t) ? t : 0) * 255))) * 3;
  const lut = LUTS[name];
  return [lut[i]!, lut[i + 1]!, lut[i + 2]!];
}

/** A CSS linear-gradient (left to right) for a legend bar. */
export function cssGradient(name: ColormapName): string {
  return `linear-gradient(to right, ${STOPS[name].join(', ')})`;
}

export interface ValueRange {
  lo: number;
  hi: number;
}

/** Min and max of `values[start, end)`; a flat range is widened so that division stays finite. */
export function valueRange(values: ArrayLike<number>, start = 0, end = values.length): ValueRange {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = start; i < end; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { lo: 0, hi: 1 };
  if (hi - lo < 1e-12) return { lo, hi: lo + 1e-6 };
  return { lo, hi };
}

/** A range centred on zero, for signed values on a diverging scale. */
export function symmetricRange(r: ValueRange): ValueRange {
  const m = Math.max(Math.abs(r.lo), Math.abs(r.hi), 1e-6);
  return { lo: -m, hi: m };
}

/**
 * Paints `count` values from `values[start...]` as RGBA pixels into `out` (starting at pixel
 * `outPixel`), mapping [range.lo, range.hi] onto the scale.
 */
export function paintRgba(
  values: ArrayLike<number>,
  start: number,
  count: number,
  range: ValueRange,
  name: ColormapName,
  out: Uint8Array | Uint8ClampedArray,
  outPixel = 0,
): void {
  const lut = LUTS[name];
  const span = range.hi - range.lo || 1;
  for (let i = 0; i < count; i++) {
    const t = (values[start + i]! - range.lo) / span;
    const k = Math.max(0, Math.min(255, Math.round((Number.isFinite(t) ? t : 0) * 255))) * 3;
    const o = (outPixel + i) * 4;
    out[o] = lut[k]!;
    out[o + 1] = lut[k + 1]!;
    out[o + 2] = lut[k + 2]!;
    out[o + 3] = 255;
  }
}
