// Graph document -> tf.LayersModel through the functional API. The only file that calls tf.layers.*.
import * as tfjs from '@tensorflow/tfjs';
import type { GraphDoc, LayerNode } from '../shared/graph/schema.ts';
import { plan, type GraphError, type Plan } from '../shared/graph/plan.ts';
import { safeModelName } from '../shared/graph/plan-structure.ts';

export type Tf = typeof tfjs;

/** Thrown when the graph does not plan: carries every error so the caller can show them all. */
export class GraphPlanError extends Error {
  readonly errors: GraphError[];
  readonly plan: Plan;

  constructor(p: Plan) {
    const lines = p.errors.map((e) => `- ${e.message}`).join('\n');
    super(
      `The network cannot be built until ${p.errors.length === 1 ? 'this is' : 'these are'} fixed:\n${lines}`,
    );
    this.name = 'GraphPlanError';
    this.errors = p.errors;
    this.plan = p;
  }
}

type SymbolicTensor = tfjs.SymbolicTensor;

/** The tfjs layer for one (non-input) node, with Keras's params in tfjs's camelCase. */
function makeLayer(tf: Tf, node: LayerNode, planned: Plan['nodes'][string]): tfjs.layers.Layer {
  const base = { name: node.name, trainable: node.trainable !== false };
  switch (node.type) {
    case 'Conv2D': {
      const p = node.params;
      return tf.layers.conv2d({
        ...base,
        filters: p.filters,
        kernelSize: p.kernel_size,
        strides: p.strides,
        padding: p.padding,
        activation: p.activation,
        useBias: p.use_bias,
      });
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const p = node.params;
      const args = { ...base, poolSize: p.pool_size, strides: p.strides ?? p.pool_size, padding: p.padding };
      return node.type === 'MaxPooling2D' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args);
    }
    case 'GlobalAveragePooling2D':
      return tf.layers.globalAveragePooling2d(base);
    case 'GlobalMaxPooling2D':
      return tf.layers.globalMaxPooling2d(base);
    case 'Flatten':
      return tf.layers.flatten(base);
    case 'Dense': {
      const p = node.params;
      return tf.layers.dense({ ...base, units: p.units, activation: p.activation, useBias: p.use_bias });
    }
    case 'Dropout':
      return tf.layers.dropout({ ...base, rate: node.params.rate });
    case 'Activation':
      return tf.layers.activation({ ...base, activation: node.params.activation });
    case 'BatchNormalization': {
      const p = node.params;
      return tf.layers.batchNormalization({
        ...base,
        momentum: p.momentum,
        epsilon: p.epsilon,
        center: p.center,
        scale: p.scale,
      });
    }
    case 'Add':
      return tf.layers.add(base);
    case 'Concatenate':
      return tf.layers.concatenate({ ...base, axis: node.params.axis });
    case 'Rescaling':
      return tf.layers.rescaling({ ...base, scale: node.params.scale, offset: node.params.offset });
    case 'Reshape':
      // tfjs leaves a -1 unresolved while the batch is unknown (Keras resolves it); give it plan's sizes.
      return tf.layers.reshape({ ...base, targetShape: (planned.outputShape as number[]).slice(1) });
    case 'InputLayer':
      throw new Error('InputLayer is made with tf.input, not as a layer.');
  }
}

/**
 * Plans the document and builds its model: tf.input per InputLayer, then each layer applied in
 * plan order to its inputs in targetIndex order. Throws GraphPlanError listing every plan error.
 */
export function buildModel(doc: GraphDoc, tf: Tf = tfjs): tfjs.LayersModel {
  const p = plan(doc);
  if (!p.ok) throw new GraphPlanError(p);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const tensors = new Map<string, SymbolicTensor>();
  for (const id of p.order) {
    const node = byId.get(id) as LayerNode;
    if (node.type === 'InputLayer') {
      tensors.set(id, tf.input({ shape: node.params.shape, name: node.name }));
      continue;
    }
    const inputs = p.nodes[id].sources.map((s) => tensors.get(s) as SymbolicTensor);
    const layer = makeLayer(tf, node, p.nodes[id]);
    const out = layer.apply(inputs.length === 1 ? inputs[0] : inputs) as SymbolicTensor;
    tensors.set(id, out);
  }
  return tf.model({
    name: safeModelName(doc.name ?? ''),
    inputs: p.inputs.map((id) => tensors.get(id) as SymbolicTensor),
    outputs: p.outputs.map((id) => tensors.get(id) as SymbolicTensor),
  });
}
