// Convolution, ReLU and pooling for the lab, through the same tfjs ops the models use (tf.conv2d, tf.relu, tf.maxPool, tf.avgPool).
// tfjs is passed in (engine: Node's tfjs; renderer: the browser's) so this file stays free of a runtime tfjs import.
import type * as TF from '@tensorflow/tfjs';
import { axisGeometry } from './geometry.ts';
import type { ConvSettings, Grid, Matrix, PoolSettings } from './types.ts';

export type Tf = typeof TF;

/** Runs `fn` inside tf.tidy, copies its result out and frees it: the tensor count is back where it was. */
function compute(tf: Tf, fn: () => TF.Tensor4D): Grid {
  const t = tf.tidy(fn);
  try {
    const [, height, width] = t.shape;
    return { height, width, data: Float32Array.from(t.dataSync()) };
  } finally {
    t.dispose();
  }
}

function input4d(tf: Tf, g: Grid): TF.Tensor4D {
  return tf.tensor4d(g.data, [1, g.height, g.width, 1]);
}

/** One 2-D convolution of a single-channel grid by one kernel: the NHWC `[1,H,W,1]` * `[kh,kw,1,1]` a Conv2D layer runs. */
export function convolve(tf: Tf, input: Grid, kernel: Matrix, settings: ConvSettings): Grid {
  const kh = kernel.length;
  const kw = kernel[0].length;
  const rows = axisGeometry(input.height, kh, settings.stride, settings.padding);
  const cols = axisGeometry(input.width, kw, settings.stride, settings.padding);
  if (rows.out === 0 || cols.out === 0) {
    throw new Error(
      `A ${kh}x${kw} kernel does not fit in a ${input.height}x${input.width} input with padding 'valid': use a smaller kernel, a larger input, or padding 'same'.`,
    );
  }
  return compute(tf, () => {
    const k = tf.tensor4d(kernel.flat(), [kh, kw, 1, 1]);
    return tf.conv2d(input4d(tf, input), k, settings.stride, settings.padding);
  });
}

export function relu(tf: Tf, input: Grid): Grid {
  return compute(tf, () => tf.relu(input4d(tf, input)));
}

/** Max or average pooling with a square window, padding 'valid' (as the course uses MaxPooling2D). */
export function pool(tf: Tf, input: Grid, settings: PoolSettings): Grid {
  const rows = axisGeometry(input.height, settings.size, settings.stride, 'valid');
  const cols = axisGeometry(input.width, settings.size, settings.stride, 'valid');
  if (rows.out === 0 || cols.out === 0) {
    throw new Error(
      `${settings.kind === 'max' ? 'Max' : 'Average'} pooling ${settings.size}x${settings.size} does not fit in a ${input.height}x${input.width} map: use a smaller pool size or a larger input.`,
    );
  }
  return compute(tf, () => {
    const x = input4d(tf, input);
    const size: [number, number] = [settings.size, settings.size];
    return settings.kind === 'max'
      ? tf.maxPool(x, size, settings.stride, 'valid')
      : tf.avgPool(x, size, settings.stride, 'valid');
  });
}

export interface PipelineOptions extends ConvSettings {
  relu: boolean;
  pool?: PoolSettings;
}

/** The stages the lab shows side by side: the convolution, then optionally ReLU, then optionally pooling. */
export interface PipelineResult {
  conv: Grid;
  relu?: Grid;
  pool?: Grid;
  /** The last stage computed (what the CLI prints or writes). */
  final: Grid;
}

export function runPipeline(tf: Tf, input: Grid, kernel: Matrix, options: PipelineOptions): PipelineResult {
  const conv = convolve(tf, input, kernel, options);
  const rectified = options.relu ? relu(tf, conv) : undefined;
  const pooled = options.pool ? pool(tf, rectified ?? conv, options.pool) : undefined;
  return { conv, relu: rectified, pool: pooled, final: pooled ?? rectified ?? conv };
}
