// On-the-fly augmentation as Keras's ImageDataGenerator does it: a random affine warp per image
// (rotation, shift, shear, zoom; bilinear, 'nearest' fill) and a random horizontal flip.
import type { AugmentationConfig } from '../../shared/training.ts';
import type { Rng } from './prng.ts';
import { createRng } from './prng.ts';
import type { ImageSet } from './types.ts';

/** True when the config changes anything at all. */
export function isAugmenting(cfg: AugmentationConfig | null | undefined): cfg is AugmentationConfig {
  if (!cfg) return false;
  return Boolean(
    cfg.rotation_range ||
    cfg.width_shift_range ||
    cfg.height_shift_range ||
    cfg.shear_range ||
    cfg.zoom_range ||
    cfg.horizontal_flip,
  );
}

/** A 2x3 matrix mapping an output (row, col) to the input position it samples, plus the flip. */
export interface Warp {
  m: [number, number, number, number, number, number];
  flip: boolean;
}

const DEG = Math.PI / 180;

/** Draws one random transform, in the order and with the ranges Keras uses. */
export function randomWarp(cfg: AugmentationConfig, height: number, width: number, rng: Rng): Warp {
  const sym = (r: number | undefined): number => (r ? rng.uniform(-r, r) : 0);
  const theta = sym(cfg.rotation_range) * DEG;
  const tx = sym(cfg.height_shift_range) * height;
  const ty = sym(cfg.width_shift_range) * width;
  const shear = sym(cfg.shear_range) * DEG;
  const z = cfg.zoom_range ?? 0;
  const zx = z ? rng.uniform(1 - z, 1 + z) : 1;
  const zy = z ? rng.uniform(1 - z, 1 + z) : 1;
  const flip = cfg.horizontal_flip ? rng.next() < 0.5 : false;
  // rotation · shift · shear · zoom, each a 3x3 on (row, col, 1); Keras composes them the same way.
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const rot = [c, -s, 0, s, c, 0];
  const shift = [1, 0, tx, 0, 1, ty];
  const sh = [1, -Math.sin(shear), 0, 0, Math.cos(shear), 0];
  const zoom = [zx, 0, 0, 0, zy, 0];
  let m = mul(mul(mul(rot, shift), sh), zoom);
  // About the image centre: translate(+centre) · m · translate(-centre).
  const cr = (height - 1) / 2;
  const cc = (width - 1) / 2;
  m = mul(mul([1, 0, cr, 0, 1, cc], m), [1, 0, -cr, 0, 1, -cc]);
  return { m: m as Warp['m'], flip };
}

function mul(a: number[], b: number[]): number[] {
  return [
    a[0]! * b[0]! + a[1]! * b[3]!,
    a[0]! * b[1]! + a[1]! * b[4]!,
    a[0]! * b[2]! + a[1]! * b[5]! + a[2]!,
    a[3]! * b[0]! + a[4]! * b[3]!,
    a[3]! * b[1]! + a[4]! * b[4]!,
    a[3]! * b[2]! + a[4]! * b[5]! + a[5]!,
  ];
}

/**
 * Warps one 8-bit image (h x w x c) into `out` at `offset`, scaled by `scale` (1/255 gives [0,1]).
 * Positions outside the image take the nearest edge pixel, as fill_mode='nearest'.
 */
export function warpInto(
  src: Uint8Array,
  height: number,
  width: number,
  channels: number,
  warp: Warp,
  out: Float32Array | Uint8Array,
  offset: number,
  scale: number,
): void {
  const [a, b, c, d, e, f] = warp.m;
  const hMax = height - 1;
  const wMax = width - 1;
  for (let r = 0; r < height; r++) {
    for (let q = 0; q < width; q++) {
      const col = warp.flip ? wMax - q : q;
      let y = a * r + b * col + c;
      let x = d * r + e * col + f;
      y = y < 0 ? 0 : y > hMax ? hMax : y;
      x = x < 0 ? 0 : x > wMax ? wMax : x;
      const y0 = Math.floor(y);
      const x0 = Math.floor(x);
      const y1 = y0 < hMax ? y0 + 1 : y0;
      const x1 = x0 < wMax ? x0 + 1 : x0;
      const dy = y - y0;
      const dx = x - x0;
      const o = offset + (r * width + q) * channels;
      for (let k = 0; k < channels; k++) {
        const p00 = src[(y0 * width + x0) * channels + k]!;
        const p01 = src[(y0 * width + x1) * channels + k]!;
        const p10 = src[(y1 * width + x0) * channels + k]!;
        const p11 = src[(y1 * width + x1) * channels + k]!;
        const top = p00 + (p01 - p00) * dx;
        const v = top + (p10 + (p11 - p10) * dx - top) * dy;
        out[o + k] = scale === 1 ? Math.round(v) : v * scale;
      }
    }
  }
}

/**
 * A preview of augmentation: `count` random variants of image `index` (or of the first `count`
 * images when index is absent), as 8-bit pixels [count, h, w, c]. Same seed, same preview.
 */
export function previewAugmentation(
  set: ImageSet,
  cfg: AugmentationConfig,
  opts: { count: number; seed: number; index?: number },
): { pixels: Uint8Array; shape: [number, number, number, number]; labels: number[] } {
  const { height: h, width: w, channels: ch } = set;
  const size = h * w * ch;
  const rng = createRng(opts.seed);
  const pixels = new Uint8Array(opts.count * size);
  const labels: number[] = [];
  for (let i = 0; i < opts.count; i++) {
    const j = opts.index ?? i % set.count;
    warpInto(
      set.pixels.subarray(j * size, (j + 1) * size),
      h,
      w,
      ch,
      randomWarp(cfg, h, w, rng),
      pixels,
      i * size,
      1,
    );
    labels.push(set.labels[j]!);
  }
  return { pixels, shape: [opts.count, h, w, ch], labels };
}
