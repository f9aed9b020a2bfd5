// Feature maps: every map-shaped layer's activations for one input, from one predict of one sub-model.
import * as tf from '@tensorflow/tfjs';
import type { FeatureMapLayer, FeatureMaps, ProbeImage } from '../../shared/probes';
import { featureMapLayers, toModelInput } from './model-parts';

export interface FeatureMapProbe {
  /** The layers pictured, in model order. */
  layers: tf.layers.Layer[];
  run(image: ProbeImage): FeatureMaps;
}

/**
 * Builds, once per model, a sub-model whose outputs are every map-shaped layer's output plus the
 * model's own output; each run is then one predict inside one tidy and one read of one buffer.
 * The sub-model shares the model's layers, so it sees weights that change while a run trains.
 */
export function featureMapProbe(model: tf.LayersModel): FeatureMapProbe {
  const layers = featureMapLayers(model);
  if (layers.length === 0) {
    throw new Error('This model has no Conv2D, pooling or activation layer with 2D maps to show.');
  }
  const outputs = [...layers.map((l) => l.output as tf.SymbolicTensor), model.outputs[0]!];
  const sub = tf.model({ inputs: model.inputs, outputs });

  function run(image: ProbeImage): FeatureMaps {
    const started = performance.now();
    const meta: FeatureMapLayer[] = [];
    let offset = 0;
    const flat = tf.tidy(() => {
      const out = sub.predict(toModelInput(model, image)) as tf.Tensor[];
      const parts = out.slice(0, layers.length).map((t, i) => {
        const [, h, w, c] = t.shape as [number, number, number, number];
        meta.push({
          name: layers[i]!.name,
          className: layers[i]!.getClassName(),
          shape: [h, w, c],
          offset,
          min: 0,
          max: 0,
        });
        offset += h * w * c;
        // Channel-major, so each map is one contiguous run of values for the views.
        return tf.reshape(tf.transpose(tf.squeeze(t, [0]), [2, 0, 1]), [-1]);
      });
      parts.push(tf.reshape(out[layers.length]!, [-1]));
      return tf.concat(parts);
    });
    const all = flat.dataSync() as Float32Array;
    flat.dispose();
    const data = all.slice(0, offset);
    const output = all.slice(offset);
    for (const m of meta) {
      const size = m.shape[0] * m.shape[1] * m.shape[2];
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = m.offset; i < m.offset + size; i++) {
        const v = data[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      m.min = lo;
      m.max = hi;
    }
    return { layers: meta, data, output, ms: performance.now() - started };
  }

  return { layers, run };
}

export interface ChannelStats {
  name: string;
  className: string;
  /** Keras-style output shape, batch first: [null, h, w, c]. */
  output_shape: (number | null)[];
  mean: number[];
  max: number[];
}

/** Per layer, the mean and max of each channel's map: what `probe --json` and activations.json report. */
export function channelStats(maps: FeatureMaps): ChannelStats[] {
  return maps.layers.map((l) => {
    const [h, w, c] = l.shape;
    const mean: number[] = [];
    const max: number[] = [];
    for (let ch = 0; ch < c; ch++) {
      let s = 0;
      let m = -Infinity;
      const start = l.offset + ch * h * w;
      for (let i = start; i < start + h * w; i++) {
        const v = maps.data[i]!;
        s += v;
        if (v > m) m = v;
      }
      mean.push(s / (h * w));
      max.push(m);
    }
    return { name: l.name, className: l.className, output_shape: [null, h, w, c], mean, max };
  });
}
