// Which layers of a model the probes look at, and how an image in [0, 1] becomes that model's input.
import * as tf from '@tensorflow/tfjs';
import type { ProbeImage } from '../../shared/probes';

/** Layers that carry no spatial picture of their own, or only repeat their input. */
const NOT_MAPS = new Set(['InputLayer', 'Dropout', 'SpatialDropout2D', 'GaussianNoise', 'GaussianDropout']);

function outputShape(layer: tf.layers.Layer): (number | null)[] {
  const s = layer.outputShape;
  // A layer with several outputs reports a list of shapes; the probes only picture single outputs.
  return Array.isArray(s[0]) ? [] : (s as (number | null)[]);
}

/** Every layer whose output is a stack of 2D maps ([batch, h, w, c]): Conv2D, pooling, activation... */
export function featureMapLayers(model: tf.LayersModel): tf.layers.Layer[] {
  return model.layers.filter((l) => !NOT_MAPS.has(l.getClassName()) && outputShape(l).length === 4);
}

/** The last Conv2D layer (the one Grad-CAM explains), or null when the model has none. */
export function lastConvLayer(model: tf.LayersModel): tf.layers.Layer | null {
  const convs = model.layers.filter((l) => /Conv2D$/.test(l.getClassName()) && outputShape(l).length === 4);
  return convs.at(-1) ?? null;
}

/** A layer by name, or an error that lists the names a user can choose from. */
export function layerByName(model: tf.LayersModel, name: string): tf.layers.Layer {
  const layer = model.layers.find((l) => l.name === name);
  if (!layer) {
    const names = featureMapLayers(model).map((l) => l.name);
    throw new Error(`The model has no layer named "${name}". Choose one of: ${names.join(', ')}.`);
  }
  return layer;
}

/** [height, width, channels] the model takes, from its first input. */
export function modelInputShape(model: tf.LayersModel): [number, number, number] {
  const s = model.inputs[0]!.shape;
  if (s.length !== 4 || s.slice(1).some((d) => d === null)) {
    throw new Error(
      `The probes need a model that takes images [height, width, channels]; this one takes [${s.slice(1).join(', ')}].`,
    );
  }
  return [s[1]!, s[2]!, s[3]!];
}

/** Models that start with Rescaling(1/255) expect raw pixels in [0, 255]; the rest take [0, 1]. */
function pixelScale(model: tf.LayersModel): number {
  const first = model.layers.find((l) => l.getClassName() !== 'InputLayer');
  if (first?.getClassName() !== 'Rescaling') return 1;
  const scale = Number((first.getConfig() as { scale?: unknown }).scale);
  return Number.isFinite(scale) && scale > 0 && scale < 0.1 ? 1 / scale : 1;
}

/**
 * The image as a batch of one in the model's input space: resized to its height and width,
 * converted between grey and colour, scaled to what its first layer expects. Call inside tf.tidy.
 */
export function toModelInput(model: tf.LayersModel, image: ProbeImage): tf.Tensor4D {
  const [h, w, c] = modelInputShape(model);
  let x: tf.Tensor3D = tf.tensor3d(image.data, image.shape);
  if (image.shape[2] !== c) {
    if (c === 1) x = tf.mean(x, 2, true);
    else if (image.shape[2] === 1 && c === 3) x = tf.tile(x, [1, 1, 3]);
    else throw new Error(`The model takes images with ${c} channels; this image has ${image.shape[2]}.`);
  }
  if (image.shape[0] !== h || image.shape[1] !== w) x = tf.image.resizeBilinear(x, [h, w]);
  const scale = pixelScale(model);
  if (scale !== 1) x = tf.mul(x, scale);
  return tf.expandDims(x, 0);
}

/** The pixel-space scale applied by toModelInput, so gradient-ascent images can be stepped in [0, 1]. */
export function inputPixelScale(model: tf.LayersModel): number {
  return pixelScale(model);
}
