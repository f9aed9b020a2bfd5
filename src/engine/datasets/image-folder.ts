// Image folders laid out as Keras's image_dataset_from_directory expects: one sub-folder per class.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decodeImage, resizeBilinear, toChannels } from './image.ts';
import { createRng, shuffleInPlace } from './prng.ts';
import { DatasetError, type ImageSet } from './types.ts';

const EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

export interface FolderOptions {
  /** [height, width] every image is resized to (bilinear). */
  size: [number, number];
  color: 'grayscale' | 'rgb';
  /** Keep at most this many images, chosen at random with `seed` (all classes stay represented in proportion). */
  limit?: number;
  seed?: number;
}

/** Lists class folders (sorted, as Keras sorts them) and their image files. */
export function listImageFolder(dir: string): {
  classNames: string[];
  files: { file: string; label: number }[];
} {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (err) {
    throw new DatasetError(`Cannot open the image folder ${dir}: ${(err as Error).message}.`);
  }
  const classNames = entries.filter((e) => !e.startsWith('.') && statSync(join(dir, e)).isDirectory());
  if (classNames.length === 0) {
    throw new DatasetError(
      `${dir} has no sub-folders. Put the images of each class in their own sub-folder (for example ${join(dir, 'cats')} and ${join(dir, 'dogs')}).`,
    );
  }
  if (classNames.length > 256)
    throw new DatasetError(`${dir} has ${classNames.length} class folders; at most 256 are supported.`);
  const files: { file: string; label: number }[] = [];
  classNames.forEach((name, label) => {
    for (const f of readdirSync(join(dir, name)).sort()) {
      if (EXTENSIONS.has(extname(f).toLowerCase())) files.push({ file: join(dir, name, f), label });
    }
  });
  if (files.length === 0) {
    throw new DatasetError(
      `The class folders in ${dir} (${classNames.join(', ')}) hold no PNG or JPEG images.`,
    );
  }
  return { classNames, files };
}

/** Loads every image of a class-per-folder directory, resized and converted to the requested colour. */
export function loadImageFolder(dir: string, opts: FolderOptions): ImageSet {
  const { classNames, files: all } = listImageFolder(dir);
  let files = all;
  if (opts.limit !== undefined && opts.limit < all.length) {
    const order = shuffleInPlace(Uint32Array.from(all.keys()), createRng(opts.seed ?? 0));
    files = Array.from(order.subarray(0, opts.limit))
      .sort((a, b) => a - b)
      .map((i) => all[i]!);
  }
  const [height, width] = opts.size;
  const channels = opts.color === 'grayscale' ? 1 : 3;
  const size = height * width * channels;
  const pixels = new Uint8Array(files.length * size);
  const labels = new Uint8Array(files.length);
  files.forEach(({ file, label }, i) => {
    const img = resizeBilinear(toChannels(decodeImage(readFileSync(file), file), channels), height, width);
    pixels.set(img.data, i * size);
    labels[i] = label;
  });
  return { pixels, labels, count: files.length, height, width, channels, classNames };
}
