// Conv2D kernel weights, read once as typed arrays: the first layer's filters are tiny pictures.
import * as tf from '@tensorflow/tfjs';
import type { ConvKernels } from '../../shared/probes';
import { valueRange } from '../../shared/colormap';

/** The kernels of every Conv2D layer (or only `layerName`), in model order. */
export function convKernels(model: tf.LayersModel, layerName?: string): ConvKernels[] {
  const convs = model.layers.filter(
    (l) => l.getClassName() === 'Conv2D' && (!layerName || l.name === layerName),
  );
  if (layerName && convs.length === 0) {
    const names = model.layers.filter((l) => l.getClassName() === 'Conv2D').map((l) => l.name);
    throw new Error(
      `"${layerName}" is not a Conv2D layer of this model. Conv2D layers: ${names.join(', ') || 'none'}.`,
    );
  }
  return convs.map((layer) => {
    // getWeights() returns the layer's own variables (not copies): read them, never dispose them.
    const kernel = layer.getWeights()[0]!;
    const data = kernel.dataSync() as Float32Array;
    const copy = new Float32Array(data);
    const { lo, hi } = valueRange(copy);
    return { name: layer.name, shape: kernel.shape as ConvKernels['shape'], data: copy, min: lo, max: hi };
  });
}
