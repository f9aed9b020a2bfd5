// Pixel work on 8-bit images: decoding PNG/JPEG, bilinear resizing, grayscale/RGB conversion.
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { DatasetError, type ImageSet } from './types.ts';

/** An 8-bit image, channels last. */
export interface RawImage {
  data: Uint8Array;
  height: number;
  width: number;
  channels: number;
}

/** Decodes PNG or JPEG bytes (by signature, not by extension) to RGB. */
export function decodeImage(bytes: Uint8Array, file: string): RawImage {
  let rgba: Uint8Array;
  let width: number;
  let height: number;
  try {
    if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      rgba = png.data;
      width = png.width;
      height = png.height;
    } else if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 });
      rgba = img.data;
      width = img.width;
      height = img.height;
    } else {
      throw new DatasetError(`${file} is neither a PNG nor a JPEG image; remove it or convert it.`);
    }
  } catch (err) {
    if (err instanceof DatasetError) throw err;
    throw new DatasetError(
      `${file} could not be decoded (${(err as Error).message}); the image is damaged: remove or replace it.`,
    );
  }
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < width * height; i++, j += 4) {
    data[i * 3] = rgba[j]!;
    data[i * 3 + 1] = rgba[j + 1]!;
    data[i * 3 + 2] = rgba[j + 2]!;
  }
  return { data, width, height, channels: 3 };
}

/** Converts between 1 and 3 channels (luma weights as tf.image.rgb_to_grayscale). */
export function toChannels(img: RawImage, channels: number): RawImage {
  if (img.channels === channels) return img;
  const n = img.width * img.height;
  const data = new Uint8Array(n * channels);
  if (channels === 1 && img.channels === 3) {
    for (let i = 0; i < n; i++) {
      const v = 0.2989 * img.data[i * 3]! + 0.587 * img.data[i * 3 + 1]! + 0.114 * img.data[i * 3 + 2]!;
      data[i] = Math.min(255, Math.round(v));
    }
  } else if (channels === 3 && img.channels === 1) {
    for (let i = 0; i < n; i++) data[i * 3] = data[i * 3 + 1] = data[i * 3 + 2] = img.data[i]!;
  } else {
    throw new DatasetError(
      `Cannot turn a ${img.channels}-channel image into ${channels} channels; models take 1 (grayscale) or 3 (RGB).`,
    );
  }
  return { ...img, data, channels };
}

/** Bilinear resize with half-pixel centres, as tf.image.resize (TF 2) does. */
export function resizeBilinear(img: RawImage, height: number, width: number): RawImage {
  if (img.height === height && img.width === width) return img;
  const { channels: c, data: src } = img;
  const out = new Uint8Array(height * width * c);
  const sy = img.height / height;
  const sx = img.width / width;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), img.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, img.height - 1);
    const dy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), img.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, img.width - 1);
      const dx = fx - x0;
      for (let k = 0; k < c; k++) {
        const a = src[(y0 * img.width + x0) * c + k]!;
        const b = src[(y0 * img.width + x1) * c + k]!;
        const d = src[(y1 * img.width + x0) * c + k]!;
        const e = src[(y1 * img.width + x1) * c + k]!;
        const top = a + (b - a) * dx;
        const bottom = d + (e - d) * dx;
        out[(y * width + x) * c + k] = Math.round(top + (bottom - top) * dy);
      }
    }
  }
  return { data: out, height, width, channels: c };
}

/** Makes every image of a set the given [height, width, channels], resizing and converting as needed. */
export function fitSet(set: ImageSet, height: number, width: number, channels: number): ImageSet {
  if (set.height === height && set.width === width && set.channels === channels) return set;
  const inSize = set.height * set.width * set.channels;
  const outSize = height * width * channels;
  const pixels = new Uint8Array(set.count * outSize);
  for (let i = 0; i < set.count; i++) {
    const img: RawImage = {
      data: set.pixels.subarray(i * inSize, (i + 1) * inSize),
      height: set.height,
      width: set.width,
      channels: set.channels,
    };
    pixels.set(resizeBilinear(toChannels(img, channels), height, width).data, i * outSize);
  }
  return { ...set, pixels, height, width, channels };
}
