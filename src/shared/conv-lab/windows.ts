// The windows a convolution visits, in order, with the element-wise products shown while stepping.
import { geometry2D, type Geometry2D } from './geometry.ts';
import type { Matrix, Padding } from './types.ts';

/** One kernel position over one input cell; `inside` is false on a padding zero. */
export interface WindowCell {
  row: number;
  col: number;
  inside: boolean;
  value: number;
  weight: number;
  product: number;
}

/** The window that produces output cell (outRow, outCol). */
export interface ConvWindow {
  index: number;
  outRow: number;
  outCol: number;
  /** Top-left input coordinate of the window; negative where it starts in the padding. */
  top: number;
  left: number;
  cells: WindowCell[];
  /**
   * The sum of the products, for the explanation only: the output values the lab shows
   * come from tf.conv2d (see ops.ts), and tests check the two agree.
   */
  sum: number;
}

/** Every window in row-major output order (the order the animation plays them). */
export function enumerateWindows(
  input: Matrix,
  kernel: Matrix,
  stride: number,
  padding: Padding,
): ConvWindow[] {
  const h = input.length;
  const w = input[0]?.length ?? 0;
  const kh = kernel.length;
  const kw = kernel[0]?.length ?? 0;
  const g: Geometry2D = geometry2D(h, w, kh, kw, stride, padding);
  const windows: ConvWindow[] = [];
  for (let r = 0; r < g.rows.out; r++) {
    for (let c = 0; c < g.cols.out; c++) {
      const top = r * stride - g.rows.padBefore;
      const left = c * stride - g.cols.padBefore;
      const cells: WindowCell[] = [];
      let sum = 0;
      for (let i = 0; i < kh; i++) {
        for (let j = 0; j < kw; j++) {
          const row = top + i;
          const col = left + j;
          const inside = row >= 0 && row < h && col >= 0 && col < w;
          const value = inside ? input[row][col] : 0;
          const weight = kernel[i][j];
          const product = value * weight;
          sum += product;
          cells.push({ row, col, inside, value, weight, product });
        }
      }
      windows.push({ index: windows.length, outRow: r, outCol: c, top, left, cells, sum });
    }
  }
  return windows;
}

/** "1×1 + 1×0 + 1×1 + … = 4": the sum a window writes, as the course writes it. */
export function productsText(win: ConvWindow): string {
  const fmt = (v: number): string => (Number.isInteger(v) ? `${v}` : v.toFixed(2));
  const terms = win.cells.map((c) => `${fmt(c.value)}×${fmt(c.weight)}`);
  const sum = Math.round(win.sum * 1e6) / 1e6;
  return `${terms.join(' + ')} = ${fmt(sum)}`;
}
