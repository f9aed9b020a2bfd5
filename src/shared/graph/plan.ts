// plan(doc): topological order, shapes, param counts, receptive fields and every error at once. Pure and fast.
import type { Edge, GraphDoc, LayerNode, Pair } from './schema.ts';
import { formatShape, type GraphError, type Issue, type Shape } from './errors.ts';
import { layerLabel, layerSpec } from './layers.ts';
import { validateParams } from './param-schema.ts';
import { checkEdges, checkNodes, checkStructure, findCycles, toposort } from './plan-structure.ts';

export type { GraphError, GraphErrorCode, Shape } from './errors.ts';
export { GRAPH_ERROR_CODES, formatShape } from './errors.ts';

/** Receptive field of one unit of a feature map, in input pixels: window size and step between neighbours. */
export interface ReceptiveField {
  size: Pair;
  jump: Pair;
}

export interface PlanNode {
  /** Keras style, batch first: [null, 26, 26, 32]; null when it cannot be computed. */
  outputShape: Shape | null;
  params: number;
  trainableParams: number;
  nonTrainableParams: number;
  /** Source node ids of the incoming edges, in targetIndex order (the order layer.apply receives them). */
  sources: string[];
  /** Only while the tensor is still a spatial map that a window op can see. */
  receptiveField?: ReceptiveField;
}

export interface Plan {
  ok: boolean;
  /** Node ids in topological order (ties kept in document order); nodes on a cycle are left out. */
  order: string[];
  nodes: Record<string, PlanNode>;
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  /** InputLayer ids in document order. */
  inputs: string[];
  /** Ids of the layers nothing reads from (the model's outputs), in document order. */
  outputs: string[];
  errors: GraphError[];
}

function toError(node: LayerNode, iss: Issue, edgeIds: string[]): GraphError {
  const e: GraphError = { code: iss.code, nodeId: node.id, message: iss.en, messageEs: iss.es };
  const edgeId = iss.inputIndex === undefined ? undefined : edgeIds[iss.inputIndex];
  if (edgeId !== undefined) e.edgeId = edgeId;
  if (iss.params) e.params = iss.params;
  return e;
}

function fieldOf(
  node: LayerNode,
  inputs: (ReceptiveField | undefined)[],
  shape: Shape,
): ReceptiveField | undefined {
  const effect = layerSpec(node.type).field(node.params);
  if (effect === 'end' || shape.length !== 4) return undefined;
  if (node.type === 'InputLayer') return { size: [1, 1], jump: [1, 1] };
  if (inputs.length === 0 || inputs.some((f) => f === undefined)) return undefined;
  const known = inputs as ReceptiveField[];
  const size: Pair = [0, 1].map((i) => Math.max(...known.map((f) => f.size[i]))) as Pair;
  const jump: Pair = [0, 1].map((i) => Math.max(...known.map((f) => f.jump[i]))) as Pair;
  if (effect === 'keep') return { size, jump };
  return {
    size: [0, 1].map((i) => size[i] + (effect.kernel[i] - 1) * jump[i]) as Pair,
    jump: [0, 1].map((i) => jump[i] * effect.strides[i]) as Pair,
  };
}

/** Plans a graph document: what the renderer shows on every edit and what the engine checks before building. */
export function plan(doc: GraphDoc): Plan {
  const errors: GraphError[] = [];
  // Documents come from files too: skip entries that are not objects rather than throw.
  const isEntry = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const nodes = Array.isArray(doc.nodes) ? doc.nodes.filter(isEntry) : [];
  const rawEdges: Edge[] = Array.isArray(doc.edges) ? doc.edges.filter(isEntry) : [];
  const { byId, broken } = checkNodes(nodes, errors);
  const { incoming, outgoing } = checkEdges(rawEdges, byId, errors);
  const known = [...byId.values()];

  for (const node of known) {
    if (broken.has(node.id)) continue;
    const bad = validateParams(layerLabel(node), layerSpec(node.type).params, node.params);
    for (const iss of bad) errors.push(toError(node, iss, []));
    if (bad.length) broken.add(node.id);
  }
  checkStructure(known, incoming, outgoing, broken, errors);

  const order = toposort(known, incoming, outgoing);
  if (order.length < known.length) findCycles(known, order, outgoing, errors);

  const result: Record<string, PlanNode> = {};
  const fields = new Map<string, ReceptiveField | undefined>();
  let trainable = 0;
  let nonTrainable = 0;
  for (const node of known) {
    const sources = (incoming.get(node.id) ?? []).map((e) => e.source);
    result[node.id] = { outputShape: null, params: 0, trainableParams: 0, nonTrainableParams: 0, sources };
  }
  for (const id of order) {
    const node = byId.get(id) as LayerNode;
    const entry = result[id];
    if (broken.has(id)) continue;
    const inShapes = entry.sources.map((s) => result[s].outputShape);
    if (inShapes.some((s) => s === null)) continue;
    const spec = layerSpec(node.type);
    const shapes = inShapes as Shape[];
    const out = spec.infer(node.params, shapes, layerLabel(node));
    if (!isShape(out)) {
      const edgeIds = (incoming.get(id) ?? []).map((e) => e.id);
      for (const iss of out) errors.push(toError(node, iss, edgeIds));
      continue;
    }
    entry.outputShape = out;
    const count = spec.count(node.params, shapes, out);
    const frozen = node.trainable === false;
    entry.trainableParams = frozen ? 0 : count.trainable;
    entry.nonTrainableParams = frozen ? count.trainable + count.nonTrainable : count.nonTrainable;
    entry.params = count.trainable + count.nonTrainable;
    trainable += entry.trainableParams;
    nonTrainable += entry.nonTrainableParams;
    const field = fieldOf(
      node,
      entry.sources.map((s) => fields.get(s)),
      out,
    );
    fields.set(id, field);
    if (field) entry.receptiveField = field;
  }

  const inputs = known.filter((n) => n.type === 'InputLayer').map((n) => n.id);
  const outputs = known
    .filter((n) => n.type !== 'InputLayer' && !outgoing.get(n.id)?.length && incoming.get(n.id)?.length)
    .map((n) => n.id);
  return {
    ok: errors.length === 0,
    order,
    nodes: result,
    totalParams: trainable + nonTrainable,
    trainableParams: trainable,
    nonTrainableParams: nonTrainable,
    inputs,
    outputs,
    errors,
  };
}

function isShape(out: Shape | Issue[]): out is Shape {
  return out.length === 0 || typeof out[0] !== 'object' || out[0] === null;
}

/** A one-line description of a node's output for tooltips: "[null, 26, 26, 32]" or "?". */
export function describeOutput(p: Plan, nodeId: string): string {
  const shape = p.nodes[nodeId]?.outputShape;
  return shape ? formatShape(shape) : '?';
}
