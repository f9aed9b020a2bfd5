// The layer registry: per layer type its ports, param schema, defaults, docs, shape rule and param count.
import { LAYER_TYPES, type LayerNode, type LayerType, type ParamsByType } from './schema.ts';
import {
  averagePooling2d,
  conv2d,
  globalAveragePooling2d,
  globalMaxPooling2d,
  inputLayer,
  maxPooling2d,
} from './layers-image.ts';
import { add, concatenate } from './layers-merge.ts';
import {
  activation,
  batchNormalization,
  dense,
  dropout,
  flatten,
  rescaling,
  reshape,
} from './layers-core.ts';
import { LAYER_GROUPS, type AnyLayerSpec, type LayerGroup, type LayerRegistry } from './layer-spec.ts';

export type {
  AnyLayerSpec,
  Arity,
  FieldEffect,
  LayerGroup,
  LayerRegistry,
  LayerSpec,
  ParamCount,
} from './layer-spec.ts';
export { GROUP_DOCS, LAYER_GROUPS } from './layer-spec.ts';
export type { Doc, ParamKind, ParamSpec } from './param-schema.ts';
export { expectation, isValidValue, validateParams } from './param-schema.ts';

export const LAYERS: LayerRegistry = {
  InputLayer: inputLayer,
  Conv2D: conv2d,
  MaxPooling2D: maxPooling2d,
  AveragePooling2D: averagePooling2d,
  GlobalAveragePooling2D: globalAveragePooling2d,
  GlobalMaxPooling2D: globalMaxPooling2d,
  Flatten: flatten,
  Dense: dense,
  Dropout: dropout,
  Activation: activation,
  BatchNormalization: batchNormalization,
  Add: add,
  Concatenate: concatenate,
  Rescaling: rescaling,
  Reshape: reshape,
};

export function isLayerType(type: unknown): type is LayerType {
  return typeof type === 'string' && (LAYER_TYPES as readonly string[]).includes(type);
}

/** The registry entry of a type, without its type parameter (for code that walks nodes of any type). */
export function layerSpec(type: LayerType): AnyLayerSpec {
  return LAYERS[type] as unknown as AnyLayerSpec;
}

/** Fresh default params of a layer type (a new object each call). */
export function defaults<T extends LayerType>(type: T): ParamsByType[T] {
  return LAYERS[type].defaults() as ParamsByType[T];
}

/** Layer types of one palette group, in registry order. */
export function layersInGroup(group: LayerGroup): LayerType[] {
  return LAYER_TYPES.filter((t) => LAYERS[t].group === group);
}

/** The palette: every group with its layer types. */
export function palette(): { group: LayerGroup; types: LayerType[] }[] {
  return LAYER_GROUPS.map((group) => ({ group, types: layersInGroup(group) }));
}

/** The name Keras would give the next layer of this type: conv2d, then conv2d_1, conv2d_2, ... */
export function autoName(type: LayerType, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = LAYERS[type].kerasName;
  if (!used.has(base)) return base;
  for (let i = 1; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** A new node of a type with default params and an automatic Keras name. */
export function createNode<T extends LayerType>(
  type: T,
  id: string,
  position: { x: number; y: number },
  taken: Iterable<string>,
): Extract<LayerNode, { type: T }> {
  return { id, type, name: autoName(type, taken), params: defaults(type), position } as unknown as Extract<
    LayerNode,
    { type: T }
  >;
}

/** "Conv2D 'conv2d_1'": how messages name a layer. */
export function layerLabel(node: Pick<LayerNode, 'type' | 'name'>): string {
  return `${node.type} '${node.name}'`;
}
