// Filter patterns by gradient ascent in input space, as the course does: the input each filter likes most.
import * as tf from '@tensorflow/tfjs';
import type { FilterPatterns } from '../../shared/probes';
import { featureMapLayers, inputPixelScale, layerByName, modelInputShape } from './model-parts';

export interface PatternOptions {
  /** How many filters, from the first: default 16, at most the layer's channels. */
  count?: number;
  /** Gradient-ascent steps: default 40, as in the course. */
  steps?: number;
  /** Step size in pixel units ([0, 1] images) for a gradient normalised to unit RMS. */
  stepSize?: number;
  /** Seeds the starting noise, so the same model gives the same patterns. */
  seed?: number;
}

/**
 * Starts from a grey image with a little noise and, for each of the first N filters of the layer,
 * steps the image up the gradient of that filter's mean activation (gradient normalised by its
 * RMS). All N images ascend together as one batch. The result is deprocessed for display: centred
 * on 0.5 with a standard deviation of 0.1, clipped to [0, 1].
 */
export function filterPatterns(
  model: tf.LayersModel,
  layerName: string,
  opts: PatternOptions = {},
): FilterPatterns {
  const layer = layerByName(model, layerName);
  if (!featureMapLayers(model).includes(layer)) {
    throw new Error(
      `"${layerName}" has no 2D maps to maximise: choose a Conv2D, pooling or activation layer.`,
    );
  }
  const channels = (layer.outputShape as number[])[3]!;
  const count = Math.max(1, Math.min(opts.count ?? 16, channels));
  const steps = opts.steps ?? 40;
  const stepSize = opts.stepSize ?? 0.02;
  const [h, w, c] = modelInputShape(model);
  const scale = inputPixelScale(model);
  const sub = tf.model({ inputs: model.inputs, outputs: layer.output as tf.SymbolicTensor });

  const [images, activation] = tf.tidy(() => {
    // mask[n, 0, 0, k] = 1 where k is image n's filter: one backward pass serves all N filters.
    const mask = tf.reshape(tf.oneHot(tf.range(0, count, 1, 'int32'), channels), [count, 1, 1, channels]);
    const meanActs = (img: tf.Tensor): tf.Tensor1D =>
      tf.sum(tf.mean(tf.mul(sub.apply(tf.mul(img, scale)) as tf.Tensor4D, mask), [1, 2]), 1) as tf.Tensor1D;
    const objective = (img: tf.Tensor): tf.Scalar => tf.sum(meanActs(img)) as tf.Scalar;
    const grad = tf.grad(objective);
    let img: tf.Tensor = tf.add(
      0.5,
      tf.randomUniform([count, h, w, c], -0.08, 0.08, 'float32', opts.seed ?? 42),
    );
    for (let i = 0; i < steps; i++) {
      const next = tf.tidy(() => {
        const g = grad(img);
        const rms = tf.add(tf.sqrt(tf.mean(tf.square(g), [1, 2, 3], true)), 1e-5);
        return tf.add(img, tf.mul(tf.div(g, rms), stepSize));
      });
      img.dispose();
      img = next;
    }
    const acts = meanActs(img);
    const { mean, variance } = tf.moments(img, [1, 2, 3], true);
    const shown = tf.clipByValue(
      tf.add(tf.mul(tf.div(tf.sub(img, mean), tf.add(tf.sqrt(variance), 1e-5)), 0.1), 0.5),
      0,
      1,
    );
    return [shown, acts];
  });
  const data = images.dataSync() as Float32Array;
  const act = activation.dataSync() as Float32Array;
  tf.dispose([images, activation]);
  return {
    layer: layer.name,
    shape: [count, h, w, c],
    data: new Float32Array(data),
    activation: new Float32Array(act),
  };
}
