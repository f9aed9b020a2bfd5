// The in-memory image set every loader produces: 8-bit pixels, integer labels, class names.

/** Images stay as bytes (a quarter of float32's memory) and are scaled to [0,1] batch by batch. */
export interface ImageSet {
  /** N * height * width * channels bytes, row-major, channels last. */
  pixels: Uint8Array;
  /** N class indices in [0, classNames.length). */
  labels: Uint8Array;
  count: number;
  height: number;
  width: number;
  channels: number;
  classNames: string[];
}

/** What a dataset loader returns: a training set, an optional validation set and a test set. */
export interface DatasetSplits {
  name: string;
  train: ImageSet;
  validation?: ImageSet;
  test: ImageSet;
}

/** Thrown for every problem with input data; the message says which file and what to do. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** The images at the given indices, in that order, as a new set. */
export function subset(set: ImageSet, indices: ArrayLike<number>): ImageSet {
  const size = set.height * set.width * set.channels;
  const pixels = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i]!;
    pixels.set(set.pixels.subarray(j * size, (j + 1) * size), i * size);
    labels[i] = set.labels[j]!;
  }
  return { ...set, pixels, labels, count: indices.length };
}

/** The first n images (or all, when n is absent or larger). */
export function head(set: ImageSet, n?: number): ImageSet {
  if (n === undefined || n >= set.count) return set;
  const size = set.height * set.width * set.channels;
  return { ...set, pixels: set.pixels.subarray(0, n * size), labels: set.labels.subarray(0, n), count: n };
}
