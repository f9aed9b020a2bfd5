// Graph document -> Keras functional model JSON (the Keras 2 / tfjs-layers form), loadable by tfjs and Keras.
import type { GraphDoc, LayerNode } from './schema.ts';
import { plan } from './plan.ts';
import { safeModelName } from './plan-structure.ts';
import { configFromNode, KerasJsonError, type Json, type JsonObject } from './keras-config.ts';

/**
 * Writes `{class_name: 'Functional', config: {name, layers, input_layers, output_layers}}`:
 * 'Functional' is what Keras 2.4+ and Keras 3 write and tfjs-layers 4 registers too; layers use
 * Keras 2's `batch_input_shape` and list-style `inbound_nodes`, which tfjs reads and Keras 3 still
 * accepts. Throws KerasJsonError listing the plan errors when the graph is not valid.
 */
export function toKerasJson(doc: GraphDoc): JsonObject {
  const p = plan(doc);
  if (!p.ok) {
    throw new KerasJsonError(
      `Fix the graph before exporting it to Keras:\n${p.errors.map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const nameOf = (id: string) => (byId.get(id) as LayerNode).name;
  const layers: Json[] = p.order.map((id) => {
    const node = byId.get(id) as LayerNode;
    const sources = p.nodes[id].sources;
    return {
      class_name: node.type,
      config: configFromNode(node, p.nodes[id].outputShape),
      name: node.name,
      inbound_nodes: sources.length ? [sources.map((s) => [nameOf(s), 0, 0, {}])] : [],
    };
  });
  return {
    class_name: 'Functional',
    config: {
      name: safeModelName(doc.name ?? ''),
      trainable: true, // Keras's functional_from_config reads it
      layers,
      input_layers: p.inputs.map((id) => [nameOf(id), 0, 0]),
      output_layers: p.outputs.map((id) => [nameOf(id), 0, 0]),
    },
    backend: 'tensorflow',
  };
}
