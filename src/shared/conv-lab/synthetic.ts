// A photo-like test scene drawn in code (sky gradient, sun, house, a tree, ground texture), so the lab works offline.
import type { Grid } from './types.ts';

function smooth(edge0: number, edge1: number, x: number): number {
  const t = Math.min(Math.max((x - edge0) / (edge1 - edge0), 0), 1);
  return t * t * (3 - 2 * t);
}

/** A deterministic grey scene in [0, 1] with horizontal, vertical, diagonal and round edges for the kernels to find. */
export function syntheticScene(size = 160): Grid {
  const data = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = x / size;
      const v = y / size;
      // Sky darkening towards the top, ground below the horizon with a gentle stripe texture.
      let p = v < 0.62 ? 0.22 + 0.35 * v : 0.55 + 0.08 * Math.sin(u * 60 + v * 25);
      // Sun: a soft-edged disc.
      const d = Math.hypot(u - 0.8, v - 0.18);
      p = p + (0.98 - p) * (1 - smooth(0.08, 0.095, d));
      // House: a bright wall (vertical and horizontal edges) with a dark door and a window.
      if (u > 0.14 && u < 0.5 && v > 0.42 && v < 0.8) p = 0.95;
      if (u > 0.26 && u < 0.35 && v > 0.6 && v < 0.8) p = 0.1;
      if (u > 0.39 && u < 0.46 && v > 0.5 && v < 0.58) p = 0.4;
      // Roof: a triangle (diagonal edges).
      if (v > 0.24 && v <= 0.42 && Math.abs(u - 0.32) < (v - 0.24) * 1.15) p = 0.12;
      // Tree: trunk and round crown.
      if (u > 0.66 && u < 0.7 && v > 0.52 && v < 0.8) p = 0.12;
      if (Math.hypot(u - 0.68, v - 0.45) < 0.11) p = 0.7 + 0.08 * Math.sin(x * 1.3) * Math.sin(y * 1.1);
      data[y * size + x] = Math.min(Math.max(p, 0), 1);
    }
  }
  return { height: size, width: size, data };
}
