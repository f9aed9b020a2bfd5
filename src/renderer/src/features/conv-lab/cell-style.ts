// Cell tints for the small grids: red for positive, blue for negative, transparent at zero, readable in both themes.
import type { CSSProperties } from 'react';

/** Largest absolute value of a matrix, at least 1 so an all-zero grid stays untinted. */
export function maxAbs(values: number[][]): number {
  let m = 0;
  for (const row of values) for (const v of row) m = Math.max(m, Math.abs(v));
  return m || 1;
}

export function cellTint(v: number, scale: number): CSSProperties {
  const a = Math.min(Math.abs(v) / scale, 1) * 0.42;
  if (a === 0) return {};
  return { background: v > 0 ? `rgb(214 69 65 / ${a})` : `rgb(52 120 200 / ${a})` };
}

/** Numbers as the course writes them: integers plain, others with two decimals. */
export function fmt(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const r = Math.round(v * 100) / 100;
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
}
