// Probe inputs from a terminal or a request: "mnist-test:INDEX" or a PNG/JPEG file, as pixels in [0, 1].
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProbeImage } from '../../shared/probes';
import { mnistDir, parseIdx } from '../datasets/idx.ts';
import { decodeImage } from '../datasets/image.ts';

export interface LabelledImage {
  image: ProbeImage;
  /** The true class when the source knows it (MNIST), else null. */
  label: number | null;
  /** Where it came from, for messages and file names. */
  source: string;
}

const MNIST_TEST = /^mnist-test:(\d+)$/;

/** One MNIST test image by index (0 to 9,999) with its label. */
export function mnistTestImage(index: number, dir = mnistDir()): LabelledImage {
  const images = parseIdx(readFileSync(join(dir, 't10k-images-idx3-ubyte')), 't10k-images-idx3-ubyte');
  const labels = parseIdx(readFileSync(join(dir, 't10k-labels-idx1-ubyte')), 't10k-labels-idx1-ubyte');
  const [n, h, w] = images.dims as [number, number, number];
  if (!Number.isInteger(index) || index < 0 || index >= n) {
    throw new Error(`mnist-test:${index} does not exist: the MNIST test set has images 0 to ${n - 1}.`);
  }
  const data = new Float32Array(h * w);
  const start = index * h * w;
  for (let i = 0; i < h * w; i++) data[i] = images.data[start + i]! / 255;
  return { image: { shape: [h, w, 1], data }, label: labels.data[index]!, source: `mnist-test:${index}` };
}

/** An image file (PNG or JPEG) as RGB in [0, 1]. */
export function imageFile(path: string): LabelledImage {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new Error(`Cannot read the image ${path}: check the path.`);
  }
  const raw = decodeImage(bytes, path);
  const data = new Float32Array(raw.data.length);
  for (let i = 0; i < data.length; i++) data[i] = raw.data[i]! / 255;
  return { image: { shape: [raw.height, raw.width, raw.channels], data }, label: null, source: path };
}

/** Reads `--input`: "mnist-test:INDEX" or the path of a PNG/JPEG. */
export function readInput(spec: string): LabelledImage {
  const m = MNIST_TEST.exec(spec.trim());
  if (m) return mnistTestImage(Number(m[1]));
  if (/^mnist-test:/.test(spec)) throw new Error(`"${spec}" should be mnist-test:INDEX with INDEX a whole number, e.g. mnist-test:0.`);
  return imageFile(spec);
}
