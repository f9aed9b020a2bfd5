// The graph document: what a user draws, saves and loads. Pure data, JSON-serialisable.

/** Layer type strings are the Keras class names: they are also what Keras JSON reads and writes. */
export const LAYER_TYPES = [
  'InputLayer',
  'Conv2D',
  'MaxPooling2D',
  'AveragePooling2D',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling2D',
  'Flatten',
  'Dense',
  'Dropout',
  'Activation',
  'BatchNormalization',
  'Add',
  'Concatenate',
  'Rescaling',
  'Reshape',
] as const;

export type LayerType = (typeof LAYER_TYPES)[number];

export const ACTIVATIONS = [
  'linear',
  'relu',
  'sigmoid',
  'softmax',
  'tanh',
  'elu',
  'selu',
  'softplus',
  'swish',
] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];
export type Padding = 'valid' | 'same';
/** [height, width] as Keras writes kernel_size, strides and pool_size. */
export type Pair = [number, number];

/** The params of each layer type, named exactly as Keras names them. */
export interface ParamsByType {
  /** shape excludes the batch dimension: [28, 28, 1]. */
  InputLayer: { shape: number[] };
  Conv2D: {
    filters: number;
    kernel_size: Pair;
    strides: Pair;
    padding: Padding;
    activation: ActivationName;
    use_bias: boolean;
  };
  MaxPooling2D: { pool_size: Pair; strides: Pair | null; padding: Padding };
  AveragePooling2D: { pool_size: Pair; strides: Pair | null; padding: Padding };
  GlobalAveragePooling2D: Record<string, never>;
  GlobalMaxPooling2D: Record<string, never>;
  Flatten: Record<string, never>;
  Dense: { units: number; activation: ActivationName; use_bias: boolean };
  Dropout: { rate: number };
  Activation: { activation: ActivationName };
  BatchNormalization: { momentum: number; epsilon: number; center: boolean; scale: boolean };
  Add: Record<string, never>;
  Concatenate: { axis: number };
  Rescaling: { scale: number; offset: number };
  /** target_shape excludes the batch dimension. */
  Reshape: { target_shape: number[] };
}

export interface Position {
  x: number;
  y: number;
}

interface NodeOf<T extends LayerType> {
  /** Stable id, unique in the document; never shown. */
  id: string;
  type: T;
  /** The Keras layer name (`conv2d_1`); unique in the document. */
  name: string;
  params: ParamsByType[T];
  position: Position;
  /** Keras's `trainable` flag; absent means true. */
  trainable?: boolean;
  /** Set on the layers of a pretrained base: which block, and the layer's name in the saved model. */
  base?: { id: string; layer: string };
}

/** A layer on the canvas: a discriminated union on `type`. */
export type LayerNode = { [T in LayerType]: NodeOf<T> }[LayerType];

export interface Edge {
  id: string;
  source: string;
  target: string;
  /**
   * Which input of the target this edge feeds, for layers whose input order matters
   * (Concatenate). Edges into one target are ordered by this index, then by edge order.
   */
  targetIndex?: number;
}

/** Where a pretrained base's weights come from. */
export type BaseSource =
  | { kind: 'run'; runDir: string; which?: 'best' | 'last' }
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string };

/** A saved model placed in the graph: its layers are ordinary nodes tagged with `base.id`. */
export interface BaseBlock {
  id: string;
  name: string;
  source: BaseSource;
}

export const GRAPH_DOC_VERSION = 1;

export interface GraphDoc {
  version: typeof GRAPH_DOC_VERSION;
  name: string;
  nodes: LayerNode[];
  edges: Edge[];
  /** Pretrained bases whose weights are loaded into their layers when the model is built. */
  bases?: BaseBlock[];
}

/** Narrows a node to one layer type. */
export function isLayer<T extends LayerType>(
  node: LayerNode,
  type: T,
): node is Extract<LayerNode, { type: T }> {
  return node.type === type;
}
