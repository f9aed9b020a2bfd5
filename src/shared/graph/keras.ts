// Keras/tfjs-layers model JSON -> graph document: Keras 2 and tfjs (toJSON, model.json) and Keras 3, Sequential and Functional.
import {
  GRAPH_DOC_VERSION,
  LAYER_TYPES,
  type Edge,
  type GraphDoc,
  type LayerNode,
  type LayerType,
} from './schema.ts';
import { autoName, isLayerType } from './layers.ts';
import { withLayout } from './layout.ts';
import { plan } from './plan.ts';
import { isObject, KerasJsonError, paramsFromConfig, type Json, type JsonObject } from './keras-config.ts';

export { KerasJsonError } from './keras-config.ts';
export { toKerasJson } from './keras-write.ts';

interface RawLayer {
  className: string;
  name: string;
  config: JsonObject;
  /** Names of the layers feeding this one, in call order; undefined in a Sequential. */
  sources?: string[];
}

/** Unwraps a JSON string, a tfjs model.json ({modelTopology}) and an h5-style {model_config}. */
function topology(json: unknown): JsonObject {
  let t: unknown = json;
  if (typeof t === 'string') {
    try {
      t = JSON.parse(t);
    } catch {
      throw new KerasJsonError(
        'The file is not valid JSON: export the model again with model.to_json() or model.toJSON().',
      );
    }
  }
  if (isObject(t) && isObject(t.modelTopology)) t = t.modelTopology;
  if (isObject(t) && t.model_config !== undefined)
    t = typeof t.model_config === 'string' ? JSON.parse(t.model_config) : t.model_config;
  if (!isObject(t) || typeof t.class_name !== 'string') {
    throw new KerasJsonError(
      'This is not a Keras model JSON: expected an object with "class_name" and "config", as model.to_json() writes.',
    );
  }
  return t;
}

/** The layer names a Keras 3 call's args refer to ({class_name: '__keras_tensor__', config: {keras_history: [name, 0, 0]}}). */
function kerasTensors(v: Json | undefined, out: string[]): string[] {
  if (Array.isArray(v)) for (const x of v) kerasTensors(x, out);
  else if (isObject(v) && v.class_name === '__keras_tensor__' && isObject(v.config)) {
    const h = v.config.keras_history;
    if (Array.isArray(h) && typeof h[0] === 'string') out.push(h[0]);
  }
  return out;
}

/** Input layer names of one functional layer; rejects shared layers (called more than once). */
function inboundSources(layer: JsonObject, name: string): string[] {
  const nodes = layer.inbound_nodes;
  if (!Array.isArray(nodes) || nodes.length === 0) return [];
  if (nodes.length > 1) {
    throw new KerasJsonError(
      `Layer '${name}' is called ${nodes.length} times (a shared layer), which a graph of separate layers cannot show: give each call its own layer in Keras.`,
    );
  }
  const node = nodes[0];
  if (isObject(node)) return kerasTensors(node.args, []); // Keras 3: {args, kwargs}
  if (Array.isArray(node)) return node.map((x) => (Array.isArray(x) && typeof x[0] === 'string' ? x[0] : '')); // Keras 2: [[name, 0, 0, {}], ...]
  return [];
}

/** [name, 0, 0] or [[name, 0, 0], ...] -> names. */
function endpoints(v: Json | undefined): string[] {
  if (!Array.isArray(v)) return [];
  if (typeof v[0] === 'string') return [v[0]];
  return v.map((x) => (Array.isArray(x) && typeof x[0] === 'string' ? x[0] : '')).filter(Boolean);
}

function rawLayers(list: Json | undefined, functional: boolean): RawLayer[] {
  if (!Array.isArray(list))
    throw new KerasJsonError('The model JSON has no "layers" list: export it again with model.to_json().');
  return list.map((l, i) => {
    if (!isObject(l) || typeof l.class_name !== 'string') {
      throw new KerasJsonError(`Layer ${i + 1} of the model JSON has no class_name: the file is damaged.`);
    }
    const config = isObject(l.config) ? l.config : {};
    const name =
      typeof config.name === 'string' ? config.name : typeof l.name === 'string' ? l.name : `layer_${i}`;
    return {
      className: l.class_name,
      name,
      config,
      sources: functional ? inboundSources(l, name) : undefined,
    };
  });
}

/** [None, 28, 28, 1] (or a Sequential's build shape) -> [28, 28, 1]; fixed sizes only. */
function inputShape(batchShape: Json | undefined, name: string): number[] {
  if (!Array.isArray(batchShape) || batchShape.length < 2) {
    throw new KerasJsonError(
      `InputLayer '${name}' has no shape: give the model an Input(shape=...) in Keras and export again.`,
    );
  }
  const shape = batchShape.slice(1);
  if (!shape.every((d) => typeof d === 'number' && d > 0)) {
    throw new KerasJsonError(
      `InputLayer '${name}' has an unknown size in its shape ${JSON.stringify(batchShape)}: Convnet Studio needs fixed sizes; set every dimension in Keras (e.g. Input(shape=(28, 28, 1))).`,
    );
  }
  return shape as number[];
}

const batchShapeOf = (c: JsonObject): Json | undefined =>
  c.batch_shape ??
  c.batch_input_shape ??
  (Array.isArray(c.input_shape) ? [null, ...c.input_shape] : undefined);

function toNode(l: RawLayer): LayerNode {
  const label = `'${l.name}' (${l.className})`;
  const type = l.className as LayerType;
  const params =
    type === 'InputLayer'
      ? { shape: inputShape(batchShapeOf(l.config), l.name) }
      : paramsFromConfig(type, label, l.config);
  const node = { id: l.name, type, name: l.name, params, position: { x: 0, y: 0 } } as LayerNode;
  if (l.config.trainable === false) node.trainable = false;
  return node;
}

function checkClasses(layers: RawLayer[]): void {
  const unknown = layers.filter((l) => !isLayerType(l.className));
  if (unknown.length === 0) return;
  const list = unknown.map((l) => `'${l.name}' (${l.className})`).join(', ');
  throw new KerasJsonError(
    `Convnet Studio cannot draw ${unknown.length === 1 ? 'layer' : 'layers'} ${list}: it knows ${LAYER_TYPES.join(', ')}. Replace ${unknown.length === 1 ? 'it' : 'them'} in Keras and export again.`,
  );
}

function edge(source: string, target: string, i: number, n: number): Edge {
  const e: Edge = { id: `${source}->${target}${n > 1 ? `#${i}` : ''}`, source, target };
  if (n > 1) e.targetIndex = i;
  return e;
}

function fromSequential(name: string, config: JsonObject | Json[]): GraphDoc {
  const c: JsonObject = Array.isArray(config) ? { layers: config } : config; // Keras 2.2 wrote the list alone
  const layers = rawLayers(c.layers, false);
  checkClasses(layers);
  const nodes = layers.map(toNode);
  if (nodes[0]?.type !== 'InputLayer') {
    const first = layers[0];
    const shape = inputShape(
      first ? (batchShapeOf(first.config) ?? c.build_input_shape) : undefined,
      'input',
    );
    const input = {
      id: '',
      type: 'InputLayer',
      name: '',
      params: { shape },
      position: { x: 0, y: 0 },
    } as LayerNode;
    input.name = input.id = autoName(
      'InputLayer',
      nodes.map((n) => n.name),
    );
    nodes.unshift(input);
  }
  const edges = nodes.slice(1).map((n, i) => edge(nodes[i].id, n.id, 0, 1));
  return checkNormAxes({ version: GRAPH_DOC_VERSION, name, nodes: withLayout(nodes, edges), edges }, layers);
}

function fromFunctional(name: string, config: JsonObject): GraphDoc {
  const layers = rawLayers(config.layers, true);
  checkClasses(layers);
  const known = new Set(layers.map((l) => l.name));
  const edges: Edge[] = [];
  for (const l of layers) {
    const sources = l.sources ?? [];
    for (const s of sources) {
      if (!known.has(s))
        throw new KerasJsonError(
          `Layer '${l.name}' reads from '${s}', which the model JSON does not contain: the file is damaged.`,
        );
    }
    sources.forEach((s, i) => edges.push(edge(s, l.name, i, sources.length)));
  }
  const feeds = new Set(edges.map((e) => e.source));
  const outputs = endpoints(config.output_layers);
  for (const o of outputs) {
    if (feeds.has(o)) {
      throw new KerasJsonError(
        `Output '${o}' also feeds other layers: Convnet Studio takes a model's outputs from its last layers; add an Activation('linear') after '${o}' in Keras and make that the output.`,
      );
    }
  }
  // Inputs first and outputs last, each in the model's order, so plan() lists them as Keras does.
  const inputs = endpoints(config.input_layers);
  const rank = (n: string) =>
    inputs.includes(n) ? inputs.indexOf(n) - 1e6 : outputs.includes(n) ? 1e6 + outputs.indexOf(n) : 0;
  const ordered = layers
    .map((l, i) => ({ l, i }))
    .sort((a, b) => rank(a.l.name) - rank(b.l.name) || a.i - b.i);
  const nodes = ordered.map(({ l }) => toNode(l));
  return checkNormAxes({ version: GRAPH_DOC_VERSION, name, nodes: withLayout(nodes, edges), edges }, layers);
}

/**
 * BatchNormalization normalises the last axis here (channels); a Keras model that normalises
 * another one would import with the wrong weights, so it is refused by name.
 */
function checkNormAxes(doc: GraphDoc, layers: RawLayer[]): GraphDoc {
  const axes = new Map<string, number>();
  for (const l of layers) {
    if (l.className !== 'BatchNormalization') continue;
    const a = Array.isArray(l.config.axis) ? l.config.axis[0] : l.config.axis;
    if (typeof a === 'number' && a !== -1) axes.set(l.name, a);
  }
  if (axes.size === 0) return doc;
  const p = plan(doc);
  for (const [name, axis] of axes) {
    const source = p.nodes[name]?.sources[0];
    const rank = source === undefined ? undefined : p.nodes[source]?.outputShape?.length;
    if (rank !== undefined && axis !== rank - 1) {
      throw new KerasJsonError(
        `Layer '${name}' (BatchNormalization) normalises axis ${axis}, not the channels (axis -1), which Convnet Studio cannot draw: use axis=-1 in Keras and export again.`,
      );
    }
  }
  return doc;
}

/**
 * Reads the model JSON that Keras `model.to_json()` (2 or 3) or tfjs `model.toJSON()` writes, or a
 * whole tfjs model.json, into a graph document with a tidy layout. Throws KerasJsonError naming
 * the layer at fault when a layer class or option cannot be drawn.
 */
export function fromKerasJson(json: unknown): GraphDoc {
  const t = topology(json);
  const config = t.config;
  const name = (isObject(config) && typeof config.name === 'string' && config.name) || 'model';
  if (t.class_name === 'Sequential') {
    if (!isObject(config) && !Array.isArray(config))
      throw new KerasJsonError('The Sequential model has no config: the file is damaged.');
    return fromSequential(name, config);
  }
  if (t.class_name === 'Functional' || t.class_name === 'Model') {
    if (!isObject(config)) throw new KerasJsonError('The model has no config: the file is damaged.');
    return fromFunctional(name, config);
  }
  throw new KerasJsonError(
    `The model class '${t.class_name}' is not a Sequential or Functional model: only those can be imported; rebuild it with keras.Sequential or keras.Model(inputs, outputs).`,
  );
}
