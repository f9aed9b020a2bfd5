// Output size of a convolution or pooling, the formula with its numbers, and padding as Keras/TF computes it.
import type { Padding } from './types.ts';

/** How one spatial axis is covered: input size n, window k, stride s, and the zeros added on each side. */
export interface AxisGeometry {
  n: number;
  k: number;
  s: number;
  padBefore: number;
  padAfter: number;
  /** Output size along this axis; 0 when the window does not fit. */
  out: number;
}

/**
 * TensorFlow's rule: `valid` adds nothing; `same` makes out = ceil(n / s) and pads
 * (out - 1) * s + k - n zeros, the smaller half before (so an even kernel pads more after).
 */
export function axisGeometry(n: number, k: number, s: number, padding: Padding): AxisGeometry {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`The input size must be a whole number of at least 1 (got ${n}).`);
  if (!Number.isInteger(k) || k < 1)
    throw new Error(`The window size must be a whole number of at least 1 (got ${k}).`);
  if (!Number.isInteger(s) || s < 1)
    throw new Error(`The stride must be a whole number of at least 1 (got ${s}).`);
  if (padding === 'valid') {
    const out = n >= k ? Math.floor((n - k) / s) + 1 : 0;
    return { n, k, s, padBefore: 0, padAfter: 0, out };
  }
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + k - n, 0);
  const padBefore = Math.floor(total / 2);
  return { n, k, s, padBefore, padAfter: total - padBefore, out };
}

/** The formula (n + 2p - k) / s + 1 written out with the numbers of one axis, rounded down as the layers do. */
export function formulaText(g: AxisGeometry): string {
  const pad = g.padBefore === g.padAfter ? `2·${g.padBefore}` : `${g.padBefore} + ${g.padAfter}`;
  const numerator = g.n + g.padBefore + g.padAfter - g.k;
  if (numerator < 0)
    return `⌊(${g.n} + ${pad} − ${g.k}) / ${g.s}⌋ + 1 → ${g.k} > ${g.n + g.padBefore + g.padAfter}: 0`;
  const exact = numerator % g.s === 0;
  const quotient = exact ? `${numerator / g.s}` : `⌊${numerator}/${g.s}⌋ = ${Math.floor(numerator / g.s)}`;
  return `⌊(${g.n} + ${pad} − ${g.k}) / ${g.s}⌋ + 1 = ${quotient} + 1 = ${g.out}`;
}

/** Both axes of a 2-D window over a height x width input. */
export interface Geometry2D {
  rows: AxisGeometry;
  cols: AxisGeometry;
}

export function geometry2D(
  height: number,
  width: number,
  kernelHeight: number,
  kernelWidth: number,
  stride: number,
  padding: Padding,
): Geometry2D {
  return {
    rows: axisGeometry(height, kernelHeight, stride, padding),
    cols: axisGeometry(width, kernelWidth, stride, padding),
  };
}
