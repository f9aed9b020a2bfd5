// The convolution lab in Node: reads PNG/JPEG files to grey grids, runs the shared tfjs pipeline, writes coloured PNGs.
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { silenceTfjsBanner } from './backend.ts';
import { gridToRgba, scaleFor } from '../shared/conv-lab/colormap.ts';
import { downscale, rgbaToGrey } from '../shared/conv-lab/image.ts';
import { runPipeline, type PipelineOptions, type PipelineResult } from '../shared/conv-lab/ops.ts';
import type { Grid, Matrix } from '../shared/conv-lab/types.ts';

/**
 * For a process of its own (the CLI): the cpu backend, exact float32 sums and no start-up cost for a few
 * small convolutions, without tfjs' "install tfjs-node" banner next to the JSON it prints.
 */
export async function useLabBackend(): Promise<void> {
  await tf.setBackend('cpu');
  silenceTfjsBanner();
}

/** Runs the lab's pipeline on whichever backend the process has (the engine's, or useLabBackend's). */
export async function convLab(
  input: Grid,
  kernel: Matrix,
  options: PipelineOptions,
): Promise<PipelineResult> {
  await tf.ready();
  return runPipeline(tf, input, kernel, options);
}

/** Decodes a PNG or JPEG file into grey values in [0, 1], downscaled to the lab's working size when `maxSide` is given. */
export async function readImageFile(path: string, maxSide?: number): Promise<Grid> {
  const bytes = await readFile(path);
  const ext = extname(path).toLowerCase();
  let width: number;
  let height: number;
  let rgba: ArrayLike<number>;
  try {
    if (ext === '.png') {
      const png = PNG.sync.read(bytes);
      ({ width, height } = png);
      rgba = png.data;
    } else if (ext === '.jpg' || ext === '.jpeg') {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
      ({ width, height } = img);
      rgba = img.data;
    } else {
      throw new Error(
        `"${path}" is not a PNG or JPEG file: give a .png, .jpg or .jpeg image, or a JSON matrix.`,
      );
    }
  } catch (err) {
    if (err instanceof Error && err.message.includes('is not a PNG or JPEG')) throw err;
    throw new Error(
      `Could not decode "${path}" as ${ext.slice(1).toUpperCase()} (${err instanceof Error ? err.message : String(err)}): check that the file is a valid image.`,
    );
  }
  const grey = rgbaToGrey(rgba, width, height);
  return maxSide ? downscale(grey, maxSide) : grey;
}

/** Writes a grid as a PNG: diverging blue–white–red when it has negative values, grey otherwise. */
export async function writeGridPng(grid: Grid, path: string): Promise<void> {
  const png = new PNG({ width: grid.width, height: grid.height });
  png.data = Buffer.from(gridToRgba(grid, scaleFor(grid)).buffer);
  await writeFile(path, PNG.sync.write(png));
}
