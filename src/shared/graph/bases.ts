// Pretrained bases in a graph: place a saved model's layers as a tagged block, cut it, freeze or unfreeze it.
import type { BaseBlock, BaseSource, Edge, GraphDoc, LayerNode } from './schema.ts';

export interface PlaceBaseOptions {
  /** Keep the base's layers up to and including this one (its name in the saved model); the rest is dropped. */
  upTo?: string;
  /** Display name of the block; defaults to the base document's name. */
  name?: string;
  /** Where the block's top-left lands on the canvas. */
  origin?: { x: number; y: number };
}

export interface PlacedBase {
  doc: GraphDoc;
  baseId: string;
  /** The node whose output feeds whatever the user adds on top of the base. */
  outputNodeId: string;
}

/** Ids of the nodes from which `target` can be reached, `target` included. */
function ancestors(doc: GraphDoc, target: string): Set<string> {
  const seen = new Set<string>([target]);
  const stack = [target];
  while (stack.length) {
    const id = stack.pop()!;
    for (const e of doc.edges) {
      if (e.target !== id || seen.has(e.source)) continue;
      seen.add(e.source);
      stack.push(e.source);
    }
  }
  return seen;
}

function freshId(prefix: string, taken: Set<string>): string {
  let i = 1;
  while (taken.has(`${prefix}${i}`)) i++;
  taken.add(`${prefix}${i}`);
  return `${prefix}${i}`;
}

function freshName(name: string, taken: Set<string>): string {
  let out = name;
  for (let i = 1; taken.has(out); i++) out = `${name}_${i}`;
  taken.add(out);
  return out;
}

/**
 * Adds the layers of `base` (a graph read from a saved model) to `doc` as one block, frozen, each
 * node tagged with the block id and its layer name in the saved model so weights can be copied in.
 * Throws with a sentence for the user when `upTo` names no layer of the base.
 */
export function placeBase(
  doc: GraphDoc,
  base: GraphDoc,
  source: BaseSource,
  opts: PlaceBaseOptions = {},
): PlacedBase {
  let keep = new Set(base.nodes.map((n) => n.id));
  let outputOld: string | undefined;
  if (opts.upTo !== undefined) {
    const cut = base.nodes.find((n) => n.name === opts.upTo);
    if (!cut) {
      const names = base.nodes.map((n) => n.name).join(', ');
      throw new Error(`The saved model has no layer named "${opts.upTo}". Its layers are: ${names}.`);
    }
    keep = ancestors(base, cut.id);
    outputOld = cut.id;
  } else {
    const consumed = new Set(base.edges.map((e) => e.source));
    const outs = base.nodes.filter((n) => !consumed.has(n.id));
    if (outs.length !== 1)
      throw new Error('That saved model has several outputs: choose the layer to cut the base at.');
    outputOld = outs[0].id;
  }
  const ids = new Set(doc.nodes.map((n) => n.id).concat(doc.edges.map((e) => e.id)));
  const names = new Set(doc.nodes.map((n) => n.name));
  const baseId = freshId('base', new Set((doc.bases ?? []).map((b) => b.id)));
  const minX = Math.min(...base.nodes.map((n) => n.position.x));
  const minY = Math.min(...base.nodes.map((n) => n.position.y));
  const origin = opts.origin ?? { x: 0, y: 0 };
  const idMap = new Map<string, string>();
  const nodes: LayerNode[] = [];
  for (const n of base.nodes) {
    if (!keep.has(n.id)) continue;
    const id = freshId(`${baseId}_n`, ids);
    idMap.set(n.id, id);
    const copy = structuredClone(n) as LayerNode;
    copy.id = id;
    copy.name = freshName(n.name, names);
    copy.position = { x: origin.x + n.position.x - minX, y: origin.y + n.position.y - minY };
    copy.base = { id: baseId, layer: n.name };
    if (copy.type !== 'InputLayer') copy.trainable = false;
    else delete copy.trainable;
    nodes.push(copy);
  }
  const edges: Edge[] = base.edges
    .filter((e) => keep.has(e.source) && keep.has(e.target))
    .map((e) => ({
      ...e,
      id: freshId(`${baseId}_e`, ids),
      source: idMap.get(e.source)!,
      target: idMap.get(e.target)!,
    }));
  const block: BaseBlock = { id: baseId, name: opts.name ?? base.name, source };
  return {
    doc: {
      ...doc,
      nodes: [...doc.nodes, ...nodes],
      edges: [...doc.edges, ...edges],
      bases: [...(doc.bases ?? []), block],
    },
    baseId,
    outputNodeId: idMap.get(outputOld)!,
  };
}

/** The nodes of one base block, in document order. */
export function baseNodes(doc: GraphDoc, baseId: string): LayerNode[] {
  return doc.nodes.filter((n) => n.base?.id === baseId);
}

export type TrainableChoice =
  { mode: 'freeze-all' } | { mode: 'unfreeze-all' } | { mode: 'unfreeze-from'; layer: string };

/**
 * Sets `trainable` on a base's layers: all frozen (feature extraction), all trainable, or frozen
 * below `layer` and trainable from it on (fine-tuning the top block), in document order as Keras does.
 */
export function setBaseTrainable(doc: GraphDoc, baseId: string, choice: TrainableChoice): GraphDoc {
  const members = baseNodes(doc, baseId);
  if (!members.length) throw new Error(`There is no pretrained base "${baseId}" in this graph.`);
  let from = choice.mode === 'freeze-all' ? Infinity : 0;
  if (choice.mode === 'unfreeze-from') {
    from = members.findIndex((n) => n.name === choice.layer || n.base?.layer === choice.layer);
    if (from < 0) throw new Error(`The base has no layer named "${choice.layer}".`);
  }
  const index = new Map(members.map((n, i) => [n.id, i]));
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const i = index.get(n.id);
      if (i === undefined || n.type === 'InputLayer') return n;
      return { ...n, trainable: i >= from } as LayerNode;
    }),
  };
}

/** Removes a base block and its layers (and every edge touching them). */
export function removeBase(doc: GraphDoc, baseId: string): GraphDoc {
  const gone = new Set(baseNodes(doc, baseId).map((n) => n.id));
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !gone.has(n.id)),
    edges: doc.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
    bases: (doc.bases ?? []).filter((b) => b.id !== baseId),
  };
}
