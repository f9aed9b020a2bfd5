// Layer config <-> node params for Keras/tfjs-layers JSON: Keras's own defaults and value spellings.
import type { LayerNode, LayerType } from './schema.ts';
import { layerSpec } from './layers.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Thrown when a model JSON cannot become a graph document; the message says what to do. */
export class KerasJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KerasJsonError';
  }
}

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keras's defaults where they differ from the palette's (a Conv2D or Dense without activation is linear). */
const KERAS_DEFAULTS: Record<string, unknown> = { activation: 'linear' };

/** 3 -> [3, 3]; [3, 3] stays. */
function pair(v: Json | undefined): Json | undefined {
  return typeof v === 'number' ? [v, v] : v;
}

/** 'relu', {config: 'relu'} (Keras 3 may wrap it), {class_name: 'relu'} or null (linear). */
function activationName(v: Json | undefined): Json | undefined {
  if (v === null) return 'linear';
  if (isObject(v)) return typeof v.config === 'string' ? v.config : (v.class_name ?? undefined);
  return v;
}

function reject(label: string, what: string): never {
  throw new KerasJsonError(
    `Layer ${label} uses ${what}, which Convnet Studio cannot draw: change it in Keras and export again.`,
  );
}

/** Checks options this app does not model, so a model is never imported as something it is not. */
function checkUnsupported(type: LayerType, label: string, c: JsonObject): void {
  if (c.data_format === 'channels_first') reject(label, "data_format 'channels_first'");
  const d = pair(c.dilation_rate);
  if (type === 'Conv2D' && Array.isArray(d) && d.some((x) => x !== 1))
    reject(label, `dilation_rate ${JSON.stringify(d)}`);
  if (type === 'Conv2D' && typeof c.groups === 'number' && c.groups !== 1)
    reject(label, `groups ${c.groups}`);
  if (type === 'BatchNormalization') {
    const axis = Array.isArray(c.axis) && c.axis.length === 1 ? c.axis[0] : c.axis;
    if (axis !== undefined && typeof axis !== 'number') reject(label, `axis ${JSON.stringify(c.axis)}`);
  }
  if ((type === 'GlobalAveragePooling2D' || type === 'GlobalMaxPooling2D') && c.keepdims === true)
    reject(label, 'keepdims true');
}

/** Node params from a layer config, reading Keras's names and filling Keras's defaults. */
export function paramsFromConfig(type: LayerType, label: string, c: JsonObject): Record<string, unknown> {
  checkUnsupported(type, label, c);
  const out: Record<string, unknown> = {};
  for (const spec of layerSpec(type).params) {
    let v: Json | undefined = c[spec.name];
    if (spec.kind === 'pair' || spec.kind === 'pair-or-null') v = pair(v);
    if (spec.name === 'activation') v = activationName(v);
    if (type === 'Concatenate' && v === undefined) v = -1;
    out[spec.name] =
      v === undefined ? (spec.name in KERAS_DEFAULTS ? KERAS_DEFAULTS[spec.name] : spec.default) : v;
  }
  return out;
}

/**
 * The Keras 2 / tfjs-layers config of a node: its params under Keras's names plus what Keras
 * expects beside them. `outputShape` is the node's planned shape (used to resolve a Reshape -1).
 */
export function configFromNode(node: LayerNode, outputShape: (number | null)[] | null): JsonObject {
  const base: JsonObject = { name: node.name, trainable: node.trainable !== false, dtype: 'float32' };
  const params = JSON.parse(JSON.stringify(node.params)) as JsonObject;
  switch (node.type) {
    case 'InputLayer':
      return {
        batch_input_shape: [null, ...node.params.shape],
        dtype: 'float32',
        sparse: false,
        name: node.name,
      };
    case 'Conv2D':
      return { ...base, ...params, data_format: 'channels_last', dilation_rate: [1, 1] };
    case 'MaxPooling2D':
    case 'AveragePooling2D':
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
    case 'Flatten':
      return { ...base, ...params, data_format: 'channels_last' };
    case 'BatchNormalization':
      return { ...base, axis: -1, ...params };
    case 'Dropout':
      return { ...base, ...params, noise_shape: null, seed: null };
    case 'Reshape':
      // tfjs cannot resolve a -1 while the batch size is unknown (Keras can): write the sizes plan() found.
      return { ...base, target_shape: outputShape ? (outputShape.slice(1) as Json[]) : params.target_shape };
    default:
      return { ...base, ...params };
  }
}
