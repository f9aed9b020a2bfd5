// Reading, checking and converting the small matrices of the lab (typed JSON, grids, the course example).
import { MAX_KERNEL, MIN_KERNEL, type Grid, type Matrix } from './types.ts';

/** The course's 5x5 input and 3x3 kernel (lecture 5.1, "Efectos de borde"): valid output [[4,3,4],[2,4,3],[2,3,4]]. */
export const COURSE_INPUT: Matrix = [
  [1, 1, 1, 0, 0],
  [0, 1, 1, 1, 0],
  [0, 0, 1, 1, 1],
  [0, 0, 1, 1, 0],
  [0, 1, 1, 0, 0],
];
export const COURSE_KERNEL: Matrix = [
  [1, 0, 1],
  [0, 1, 0],
  [1, 0, 1],
];

/** Throws a sentence saying what is wrong unless `m` is a non-empty rectangle of finite numbers. */
export function checkMatrix(m: unknown, what: string): Matrix {
  if (!Array.isArray(m) || m.length === 0 || !m.every((row) => Array.isArray(row))) {
    throw new Error(`The ${what} must be a list of rows, like [[1,0],[0,1]].`);
  }
  const rows = m as unknown[][];
  const width = rows[0].length;
  if (width === 0) throw new Error(`The ${what} has an empty first row: give at least one number per row.`);
  rows.forEach((row, i) => {
    if (row.length !== width) {
      throw new Error(
        `Row ${i + 1} of the ${what} has ${row.length} numbers but row 1 has ${width}: make all rows the same length.`,
      );
    }
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new Error(
          `The ${what} has ${JSON.stringify(v)} at row ${i + 1}, column ${j + 1}: use plain numbers only.`,
        );
      }
    });
  });
  return rows as Matrix;
}

/** Parses a JSON matrix such as "[[1,0],[0,1]]", with a clear sentence on failure. */
export function parseMatrix(text: string, what: string): Matrix {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`The ${what} is not valid JSON: write it like [[1,0,-1],[1,0,-1],[1,0,-1]].`);
  }
  return checkMatrix(value, what);
}

/** A kernel is square-or-rectangular with sides between 1 and 7, like the lab's editor allows. */
export function checkKernel(m: unknown): Matrix {
  const k = checkMatrix(m, 'kernel');
  const h = k.length;
  const w = k[0].length;
  if (h < MIN_KERNEL || h > MAX_KERNEL || w < MIN_KERNEL || w > MAX_KERNEL) {
    throw new Error(
      `The kernel is ${h}x${w}: use a kernel between ${MIN_KERNEL}x${MIN_KERNEL} and ${MAX_KERNEL}x${MAX_KERNEL}.`,
    );
  }
  return k;
}

export function matrixToGrid(m: Matrix): Grid {
  const height = m.length;
  const width = m[0]?.length ?? 0;
  const data = new Float32Array(height * width);
  m.forEach((row, i) => row.forEach((v, j) => (data[i * width + j] = v)));
  return { height, width, data };
}

/** Rounds away float noise (tf.conv2d sums in float32) so the printed matrix reads like the hand computation. */
export function gridToMatrix(g: Grid, digits = 6): Matrix {
  const f = 10 ** digits;
  const out: Matrix = [];
  for (let i = 0; i < g.height; i++) {
    const row: number[] = [];
    for (let j = 0; j < g.width; j++) {
      const v = Math.round(g.data[i * g.width + j] * f) / f;
      row.push(Object.is(v, -0) ? 0 : v);
    }
    out.push(row);
  }
  return out;
}

/** A new h x w matrix filled with `fill`, keeping the old values where they overlap (for resizing the editors). */
export function resizeMatrix(m: Matrix, h: number, w: number, fill = 0): Matrix {
  return Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => m[i]?.[j] ?? fill));
}

export function gridRange(g: Grid): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of g.data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return g.data.length ? { min, max } : { min: 0, max: 0 };
}
