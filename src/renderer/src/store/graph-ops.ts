// Pure edits of a graph document: add, remove, connect, copy/paste; each returns a new document.
import type { Edge, GraphDoc, LayerNode, LayerType, Position } from '../../../shared/graph/schema.ts';
import { layerSpec } from '../../../shared/graph/layers.ts';

/** Nodes and the edges among them, as copied. */
export interface Fragment {
  nodes: LayerNode[];
  edges: Edge[];
}

/** Smallest `prefix<k>` not in `taken`; adds it to `taken`. */
function fresh(prefix: string, taken: Set<string>, startAtBare = false): string {
  if (startAtBare && !taken.has(prefix)) {
    taken.add(prefix);
    return prefix;
  }
  for (let k = 1; ; k++) {
    const id = startAtBare ? `${prefix}_${k}` : `${prefix}${k}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const idSet = (doc: GraphDoc): Set<string> =>
  new Set([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)]);
const nameSet = (doc: GraphDoc): Set<string> => new Set(doc.nodes.map((n) => n.name));

/** A new node of `type` with the registry's defaults and a Keras-style unique name (conv2d, conv2d_1...). */
export function makeNode(doc: GraphDoc, type: LayerType, position: Position): LayerNode {
  const spec = layerSpec(type);
  const id = fresh('n', idSet(doc));
  const name = fresh(spec.kerasName, nameSet(doc), true);
  return { id, type, name, params: spec.defaults(), position } as LayerNode;
}

export function addNode(doc: GraphDoc, node: LayerNode): GraphDoc {
  return { ...doc, nodes: [...doc.nodes, node] };
}

/** An edge from source to target; Concatenate/Add inputs are numbered in the order they arrive. */
export function addEdge(doc: GraphDoc, source: string, target: string): { doc: GraphDoc; edge: Edge } {
  const incoming = doc.edges.filter((e) => e.target === target);
  const edge: Edge = { id: fresh('e', idSet(doc)), source, target };
  const arity = layerSpec(doc.nodes.find((n) => n.id === target)?.type ?? 'Dense').arity;
  if (arity.max > 1) edge.targetIndex = incoming.reduce((m, e) => Math.max(m, (e.targetIndex ?? -1) + 1), 0);
  return { doc: { ...doc, edges: [...doc.edges, edge] }, edge };
}

/** Removes these nodes, every edge touching them, and these edges. */
export function removeItems(doc: GraphDoc, nodeIds: Iterable<string>, edgeIds: Iterable<string>): GraphDoc {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !nodes.has(n.id)),
    edges: doc.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  };
}

/** Replaces one node by the result of `fn`, keeping every other node object as it was. */
export function updateNode(doc: GraphDoc, id: string, fn: (n: LayerNode) => LayerNode): GraphDoc {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? fn(n) : n)) };
}

/** The selected nodes and the edges that run between them. */
export function copyFragment(doc: GraphDoc, nodeIds: readonly string[]): Fragment | null {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return structuredClone({ nodes, edges });
}

/** Pastes a fragment with fresh ids and names, shifted by `offset`; returns the new node ids. */
export function pasteFragment(
  doc: GraphDoc,
  frag: Fragment,
  offset: Position,
): { doc: GraphDoc; nodeIds: string[] } {
  const ids = idSet(doc);
  const names = nameSet(doc);
  const map = new Map<string, string>();
  const nodes = frag.nodes.map((n) => {
    const id = fresh('n', ids);
    map.set(n.id, id);
    const base = n.name.replace(/_\d+$/, '');
    // A pasted layer is a new layer: it no longer stands for a pretrained base's saved layer.
    const { base: _base, ...copy } = structuredClone(n);
    return {
      ...copy,
      id,
      name: fresh(base, names, true),
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    };
  });
  const edges = frag.edges.map((e) => ({
    ...e,
    id: fresh('e', ids),
    source: map.get(e.source)!,
    target: map.get(e.target)!,
  }));
  return {
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
  };
}

/** The node a keyboard "append" continues from: the last selected node, else the last sink. */
export function appendAnchor(doc: GraphDoc, selected: readonly string[]): LayerNode | undefined {
  for (let i = selected.length - 1; i >= 0; i--) {
    const n = doc.nodes.find((m) => m.id === selected[i]);
    if (n) return n;
  }
  const hasOut = new Set(doc.edges.map((e) => e.source));
  const sinks = doc.nodes.filter((n) => !hasOut.has(n.id));
  return sinks[sinks.length - 1];
}

/** An empty document. */
export function emptyDoc(name = 'untitled'): GraphDoc {
  return { version: 1, name, nodes: [], edges: [] };
}
