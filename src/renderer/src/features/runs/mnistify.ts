// Turns a hand-drawn digit into a 28x28 MNIST-like image: crop to the ink, fit in a 20x20 box, centre by mass.

export const MNIST_SIZE = 28;
const BOX = 20;
const INK = 0.05;

/** Area-averages one line of `src` (length n) into `m` values: each output covers n/m inputs, fractions included. */
function resample1d(src: Float32Array, n: number, m: number): Float32Array {
  const out = new Float32Array(m);
  const scale = n / m;
  for (let j = 0; j < m; j++) {
    const a = j * scale;
    const b = a + scale;
    let sum = 0;
    for (let i = Math.floor(a); i < Math.ceil(b) && i < n; i++) {
      const overlap = Math.min(b, i + 1) - Math.max(a, i);
      if (overlap > 0) sum += src[i]! * overlap;
    }
    out[j] = sum / scale;
  }
  return out;
}

/** Area resize of a w x h grayscale image to tw x th (separable: rows, then columns). */
export function resizeArea(src: Float32Array, w: number, h: number, tw: number, th: number): Float32Array {
  const rows = new Float32Array(tw * h);
  for (let y = 0; y < h; y++) rows.set(resample1d(src.subarray(y * w, (y + 1) * w), w, tw), y * tw);
  const out = new Float32Array(tw * th);
  const col = new Float32Array(h);
  for (let x = 0; x < tw; x++) {
    for (let y = 0; y < h; y++) col[y] = rows[y * tw + x]!;
    const r = resample1d(col, h, th);
    for (let y = 0; y < th; y++) out[y * tw + x] = r[y]!;
  }
  return out;
}

/**
 * `ink` is a w x h image with 1 where the pen went and 0 on the paper. Returns 28x28 values in
 * [0, 1] prepared the way MNIST's digits were: the ink's bounding box scaled (keeping its
 * aspect ratio) into a 20x20 box, then placed so its centre of mass sits at the image centre.
 * A blank drawing gives all zeros.
 */
export function mnistify(ink: Float32Array, w: number, h: number): Float32Array {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (ink[y * w + x]! > INK) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  const out = new Float32Array(MNIST_SIZE * MNIST_SIZE);
  if (x1 < 0) return out;
  const cw = x1 - x0 + 1;
  const ch = y1 - y0 + 1;
  const crop = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) crop.set(ink.subarray((y0 + y) * w + x0, (y0 + y) * w + x0 + cw), y * cw);
  const s = BOX / Math.max(cw, ch);
  const sw = Math.max(1, Math.round(cw * s));
  const sh = Math.max(1, Math.round(ch * s));
  const small = resizeArea(crop, cw, ch, sw, sh);
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      const v = small[y * sw + x]!;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  const ox = Math.round(MNIST_SIZE / 2 - mx / mass);
  const oy = Math.round(MNIST_SIZE / 2 - my / mass);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      const tx = x + ox;
      const ty = y + oy;
      if (tx >= 0 && tx < MNIST_SIZE && ty >= 0 && ty < MNIST_SIZE) {
        out[ty * MNIST_SIZE + tx] = Math.min(1, Math.max(0, small[y * sw + x]!));
      }
    }
  }
  return out;
}
