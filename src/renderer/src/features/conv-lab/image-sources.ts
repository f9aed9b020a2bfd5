// Where the lab's pictures come from: the drawn scene, a bundled MNIST digit, or a photo the user opens (decoded by the browser).
import { downscale, MAX_IMAGE_SIDE, rgbaToGrey } from '../../../../shared/conv-lab/image';
import { MNIST_SAMPLES, mnistSampleGrid } from '../../../../shared/conv-lab/mnist-samples';
import { syntheticScene } from '../../../../shared/conv-lab/synthetic';
import type { Grid } from '../../../../shared/conv-lab/types';

export type SourceKind = 'scene' | 'mnist' | 'photo';

export function sceneGrid(): Grid {
  return syntheticScene(160);
}

export function digitGrid(label: number): Grid {
  const sample = MNIST_SAMPLES.find((s) => s.label === label) ?? MNIST_SAMPLES[0];
  return mnistSampleGrid(sample);
}

/** Decodes a PNG/JPEG with the browser, then grey and at most MAX_IMAGE_SIDE per side; rejects with no message on a bad file. */
export async function decodePhoto(file: Blob): Promise<Grid> {
  const bitmap = await createImageBitmap(file);
  try {
    const f = Math.max(1, Math.ceil(Math.max(bitmap.width, bitmap.height) / (MAX_IMAGE_SIDE * 2)));
    // Let the browser do the first, coarse reduction of a large photo; the box average finishes it.
    const width = Math.round(bitmap.width / f);
    const height = Math.round(bitmap.height / f);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, width, height);
    const { data } = ctx.getImageData(0, 0, width, height);
    return downscale(rgbaToGrey(data, width, height), MAX_IMAGE_SIDE);
  } finally {
    bitmap.close();
  }
}
