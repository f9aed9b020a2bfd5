// The shape of one layer-registry entry: ports, params, docs, shape inference and param counting.
import type { LayerType, Pair, ParamsByType } from './schema.ts';
import type { Issue, Shape } from './errors.ts';
import type { Doc, ParamSpec } from './param-schema.ts';

/** Palette groups, in palette order. */
export const LAYER_GROUPS = [
  'Input',
  'Convolution',
  'Pooling',
  'Core',
  'Merge',
  'Normalisation',
  'Regularisation',
] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export const GROUP_DOCS: Record<LayerGroup, Doc> = {
  Input: { en: 'Input', es: 'Entrada' },
  Convolution: { en: 'Convolution', es: 'Convolución' },
  Pooling: { en: 'Pooling', es: 'Pooling' },
  Core: { en: 'Core', es: 'Básicas' },
  Merge: { en: 'Merge', es: 'Unión' },
  Normalisation: { en: 'Normalisation', es: 'Normalización' },
  Regularisation: { en: 'Regularisation', es: 'Regularización' },
};

/** How many incoming edges a layer takes: InputLayer 0, most 1, Add/Concatenate 2 or more. */
export interface Arity {
  min: number;
  max: number;
}

export interface ParamCount {
  trainable: number;
  nonTrainable: number;
}

/** How a layer moves the receptive field: a sliding window, 'keep' (element-wise), or 'end' (no spatial map after it). */
export type FieldEffect = { kernel: Pair; strides: Pair } | 'keep' | 'end';

export interface LayerSpec<T extends LayerType> {
  type: T;
  group: LayerGroup;
  /** Prefix of Keras's automatic names: 'conv2d' gives conv2d, conv2d_1, ... */
  kerasName: string;
  arity: Arity;
  /** One line for the palette tooltip and the inspector. */
  doc: Doc;
  params: readonly ParamSpec[];
  defaults(): ParamsByType[T];
  /**
   * Output shape (Keras style, batch first) from valid params and known input shapes, ordered by
   * targetIndex; or the issues that stop it.
   */
  infer(p: ParamsByType[T], inputs: Shape[], label: string): Shape | Issue[];
  /** Weights the layer creates, given its inputs and output. */
  count(p: ParamsByType[T], inputs: Shape[], output: Shape): ParamCount;
  field(p: ParamsByType[T]): FieldEffect;
}

/** The registry as a whole: one entry per layer type. */
export type LayerRegistry = { [T in LayerType]: LayerSpec<T> };

/** An entry seen without its type parameter, for code that walks nodes of any type. */
export interface AnyLayerSpec {
  type: LayerType;
  group: LayerGroup;
  kerasName: string;
  arity: Arity;
  doc: Doc;
  params: readonly ParamSpec[];
  defaults(): ParamsByType[LayerType];
  infer(p: unknown, inputs: Shape[], label: string): Shape | Issue[];
  count(p: unknown, inputs: Shape[], output: Shape): ParamCount;
  field(p: unknown): FieldEffect;
}

export const NO_PARAMS: ParamCount = { trainable: 0, nonTrainable: 0 };
export const ONE: Arity = { min: 1, max: 1 };

/** Product of the known dims after the batch. */
export function volume(shape: Shape): number {
  let n = 1;
  for (let i = 1; i < shape.length; i++) n *= shape[i] ?? 0;
  return n;
}
