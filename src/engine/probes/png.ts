// Pictures of probe results as PNG files: tiles on a grid, upscaled with crisp pixels, colour-mapped.
import { PNG } from 'pngjs';
import { paintRgba, valueRange, type ColormapName, type ValueRange } from '../../shared/colormap';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const BACKGROUND = [24, 26, 32] as const;

export function encodePng(img: RgbaImage): Buffer {
  const png = new PNG({ width: img.width, height: img.height });
  png.data = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  return PNG.sync.write(png);
}

export interface GridLayout {
  /** Tiles per row; default about square. */
  cols?: number;
  /** Screen pixels per value. */
  scale: number;
  /** Pixels between tiles (and around the grid). */
  gap?: number;
}

/**
 * Lays out `count` tiles of tileH x tileW values; `paint(i, out)` fills tile i's RGBA at its own
 * resolution, and each value becomes a scale x scale block.
 */
export function tileGrid(
  count: number,
  tileH: number,
  tileW: number,
  layout: GridLayout,
  paint: (i: number, out: Uint8Array) => void,
): RgbaImage {
  const cols = layout.cols ?? Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  const gap = layout.gap ?? 2;
  const s = layout.scale;
  const width = cols * tileW * s + (cols + 1) * gap;
  const height = rows * tileH * s + (rows + 1) * gap;
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...BACKGROUND, 255], i * 4);
  const tile = new Uint8Array(tileH * tileW * 4);
  for (let i = 0; i < count; i++) {
    paint(i, tile);
    const ox = gap + (i % cols) * (tileW * s + gap);
    const oy = gap + Math.floor(i / cols) * (tileH * s + gap);
    for (let y = 0; y < tileH * s; y++) {
      for (let x = 0; x < tileW * s; x++) {
        const src = (Math.floor(y / s) * tileW + Math.floor(x / s)) * 4;
        const dst = ((oy + y) * width + ox + x) * 4;
        data[dst] = tile[src]!;
        data[dst + 1] = tile[src + 1]!;
        data[dst + 2] = tile[src + 2]!;
        data[dst + 3] = 255;
      }
    }
  }
  return { width, height, data };
}

export type ScaleMode = 'map' | 'layer';

/**
 * A grid of channel-major maps (`count` maps of h x w starting at `offset`), each coloured on its
 * own range ('map') or all on one range ('layer' or a given range).
 */
export function mapGrid(
  values: Float32Array,
  offset: number,
  count: number,
  h: number,
  w: number,
  cmap: ColormapName,
  range: ScaleMode | ValueRange,
  layout: GridLayout,
): RgbaImage {
  const shared =
    range === 'layer' ? valueRange(values, offset, offset + count * h * w) : range === 'map' ? null : range;
  return tileGrid(count, h, w, layout, (i, out) => {
    const start = offset + i * h * w;
    paintRgba(values, start, h * w, shared ?? valueRange(values, start, start + h * w), cmap, out);
  });
}

/** A grid of images with values in [0, 1], channels last (1 channel drawn grey, 3 as RGB). */
export function imageGrid(
  values: Float32Array,
  count: number,
  h: number,
  w: number,
  c: number,
  layout: GridLayout,
): RgbaImage {
  return tileGrid(count, h, w, layout, (i, out) => {
    const base = i * h * w * c;
    for (let p = 0; p < h * w; p++) {
      for (let k = 0; k < 3; k++) {
        const v = values[base + p * c + (c === 3 ? k : 0)]!;
        out[p * 4 + k] = Math.round(Math.max(0, Math.min(1, v)) * 255);
      }
      out[p * 4 + 3] = 255;
    }
  });
}

/** The heatmap (h x w in [0, 1]) over the image (h x w x c in [0, 1]) at the given opacity. */
export function overlayHeatmap(
  image: Float32Array,
  c: number,
  heatmap: Float32Array,
  h: number,
  w: number,
  opacity: number,
  cmap: ColormapName = 'turbo',
): Float32Array {
  const heat = new Uint8Array(h * w * 4);
  paintRgba(heatmap, 0, h * w, { lo: 0, hi: 1 }, cmap, heat);
  const out = new Float32Array(h * w * 3);
  for (let p = 0; p < h * w; p++) {
    for (let k = 0; k < 3; k++) {
      const base = image[p * c + (c === 3 ? k : 0)]!;
      out[p * 3 + k] = (1 - opacity) * base + (opacity * heat[p * 4 + k]!) / 255;
    }
  }
  return out;
}
