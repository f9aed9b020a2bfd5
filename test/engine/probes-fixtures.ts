// Models and inputs for the probe tests: the course convnet's shape built directly with tf.layers.
import * as tf from '@tensorflow/tfjs';
import { mnistTestImage } from '../../src/engine/probes/inputs';

/** Conv32-Pool-Conv64-Pool-Conv64-Flatten-Dense64-Dense10, as the mnist-convnet template. */
export function courseConvnet(seed = 1): tf.Sequential {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed * 100 + s });
  return tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [28, 28, 1],
        filters: 32,
        kernelSize: 3,
        activation: 'relu',
        kernelInitializer: init(1),
      }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: init(3) }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init(4) }),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(5) }),
    ],
  });
}

/** A functional model with a residual branch and an Activation layer, for probes on non-chain graphs. */
export function branchyConvnet(): tf.LayersModel {
  const input = tf.input({ shape: [28, 28, 1] });
  const a = tf.layers
    .conv2d({ filters: 8, kernelSize: 3, padding: 'same', name: 'stem' })
    .apply(input) as tf.SymbolicTensor;
  const r = tf.layers.activation({ activation: 'relu', name: 'stem_relu' }).apply(a) as tf.SymbolicTensor;
  const b = tf.layers
    .conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', name: 'branch' })
    .apply(r) as tf.SymbolicTensor;
  const sum = tf.layers.add({ name: 'residual' }).apply([r, b]) as tf.SymbolicTensor;
  const p = tf.layers.averagePooling2d({ poolSize: 2, name: 'pool' }).apply(sum) as tf.SymbolicTensor;
  const g = tf.layers.globalAveragePooling2d({ name: 'gap' }).apply(p) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({ units: 10, activation: 'softmax', name: 'classes' })
    .apply(g) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}

export const digit = (index: number) => mnistTestImage(index);
