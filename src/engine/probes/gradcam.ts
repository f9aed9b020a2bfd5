// Grad-CAM: where in the input the last conv layer saw evidence for a class.
import * as tf from '@tensorflow/tfjs';
import type { GradCam, ProbeImage } from '../../shared/probes';
import { lastConvLayer, layerByName, modelInputShape, toModelInput } from './model-parts';
import { cellGeometry, placeCells } from './receptive-field';

export interface GradCamOptions {
  /** The class to explain; default the predicted one. */
  classIndex?: number;
  /** The conv layer to explain with; default the last Conv2D. */
  layerName?: string;
}

type Sym = tf.SymbolicTensor;

/** The symbolic tensors a layer reads in this model (its first inbound node). */
function inputsOf(layer: tf.layers.Layer): Sym[] {
  const node = layer.inboundNodes[0];
  if (!node) throw new Error(`Layer "${layer.name}" is not connected to the model.`);
  return node.inputTensors as Sym[];
}

/**
 * Runs the model's layers from `start`'s output onwards, with `startValue` standing in for that
 * output and `known` for tensors computed before it; returns the class scores. When the output layer
 * is a Dense with softmax, the score is taken before the softmax (a saturated softmax has
 * vanishing gradients, and Grad-CAM explains the class score).
 */
function headScores(
  model: tf.LayersModel,
  start: tf.layers.Layer,
  startValue: tf.Tensor,
  known: Map<number, tf.Tensor>,
): tf.Tensor {
  const values = new Map(known);
  values.set((start.output as Sym).id, startValue);
  const outLayer = model.outputLayers[0]!;
  let begun = false;
  for (const layer of model.layers) {
    if (layer === start) {
      begun = true;
      continue;
    }
    if (!begun || layer.getClassName() === 'InputLayer') continue;
    const ins = inputsOf(layer).map((s) => values.get(s.id));
    if (ins.some((t) => t === undefined)) continue;
    const arg = ins.length === 1 ? ins[0]! : (ins as tf.Tensor[]);
    let out: tf.Tensor;
    const cfg = layer.getConfig() as { activation?: unknown };
    if (layer === outLayer && layer.getClassName() === 'Dense' && cfg.activation === 'softmax') {
      const [kernel, bias] = layer.getWeights();
      out = tf.matMul(arg as tf.Tensor2D, kernel as tf.Tensor2D);
      if (bias) out = tf.add(out, bias);
    } else {
      out = layer.apply(arg, { training: false }) as tf.Tensor;
    }
    values.set((layer.output as Sym).id, out);
  }
  const scores = values.get((model.outputs[0] as Sym).id);
  if (!scores) throw new Error('Grad-CAM could not follow this model from the conv layer to its output.');
  return scores;
}

/**
 * Gradients of the class score with respect to the conv layer's output; each channel weighted by
 * its mean gradient; ReLU of the weighted sum; upsampled to the input's size; scaled to [0, 1].
 */
export function gradCam(model: tf.LayersModel, image: ProbeImage, opts: GradCamOptions = {}): GradCam {
  const conv = opts.layerName ? layerByName(model, opts.layerName) : lastConvLayer(model);
  if (!conv) throw new Error('Grad-CAM needs a model with at least one Conv2D layer.');
  const [h, w] = modelInputShape(model);
  // Everything computed before the conv layer's output, for models whose head also reads earlier tensors.
  const earlier = model.layers
    .slice(0, model.layers.indexOf(conv) + 1)
    .filter((l) => l.getClassName() !== 'InputLayer');
  const sub = tf.model({
    inputs: model.inputs,
    outputs: [...earlier.map((l) => l.output as Sym), model.outputs[0]!],
  });

  let classIndex = -1;
  let camShape: [number, number] = [0, 0];
  const [heat, output] = tf.tidy(() => {
    const x = toModelInput(model, image);
    const outs = sub.predict(x) as tf.Tensor[];
    const known = new Map<number, tf.Tensor>([[(model.inputs[0] as Sym).id, x]]);
    earlier.forEach((l, i) => known.set((l.output as Sym).id, outs[i]!));
    const convOut = outs[earlier.length - 1]!;
    const probs = outs[earlier.length]!;
    const classes = probs.shape[probs.shape.length - 1]!;
    classIndex = opts.classIndex ?? (tf.argMax(tf.reshape(probs, [-1])).dataSync()[0] as number);
    if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes) {
      throw new Error(`Class ${opts.classIndex} does not exist: this model has classes 0 to ${classes - 1}.`);
    }
    const classMask = tf.oneHot([classIndex], classes);
    const score = (a: tf.Tensor): tf.Scalar =>
      tf.sum(tf.mul(headScores(model, conv, a, known), classMask)) as tf.Scalar;
    const grads = tf.grad(score)(convOut); // [1, ch, cw, C]
    const weights = tf.mean(grads, [1, 2], true);
    const cam = tf.relu(tf.sum(tf.mul(convOut, weights), 3, true)) as tf.Tensor4D; // [1, ch, cw, 1]
    camShape = [cam.shape[1], cam.shape[2]];
    return [tf.reshape(cam, [-1]), tf.reshape(probs, [-1])];
  });
  const camValues = heat.dataSync() as Float32Array;
  const out = new Float32Array(output.dataSync() as Float32Array);
  tf.dispose([heat, output]);
  const heatmap = upsample(camValues, camShape, conv, h, w);
  let peak = 0;
  for (const v of heatmap) peak = Math.max(peak, v);
  if (peak > 0) for (let i = 0; i < heatmap.length; i++) heatmap[i] = heatmap[i]! / peak;
  return { layer: conv.name, classIndex, output: out, shape: [h, w], heatmap, camShape };
}

/**
 * The map at input resolution. A valid-padded convnet's last maps cover only the middle of the
 * image (mnist-convnet's 3x3 cells sit on pixels 8.5, 12.5 and 16.5), so each cell is placed at its
 * receptive-field centre; stretching the grid over the whole image would smear heat onto the border.
 */
function upsample(
  cam: Float32Array,
  [ch, cw]: [number, number],
  conv: tf.layers.Layer,
  h: number,
  w: number,
): Float32Array {
  const geo = cellGeometry(conv);
  if (geo) return placeCells(cam, ch, cw, geo, h, w);
  return tf
    .tidy(() => tf.image.resizeBilinear(tf.tensor4d(cam, [1, ch, cw, 1]), [h, w]).dataSync() as Float32Array)
    .slice();
}
