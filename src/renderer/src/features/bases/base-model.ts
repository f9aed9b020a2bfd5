// Pure helpers of the bases feature: where to cut a saved model by default, one layer's trainable flag, a block's counts.
import type { Plan } from '../../../../shared/graph/plan.ts';
import type { GraphDoc, LayerNode } from '../../../../shared/graph/schema.ts';
import type { BaseLayerInfo } from '../../../../shared/ipc/contract.ts';

const FEATURE_LAYERS = new Set([
  'Conv2D',
  'MaxPooling2D',
  'AveragePooling2D',
  'SeparableConv2D',
  'DepthwiseConv2D',
]);
const HEAD_START = new Set(['Flatten', 'GlobalAveragePooling2D', 'GlobalMaxPooling2D', 'Dense']);

/**
 * The layer a base is cut at unless the user picks another: the last convolution or pooling before
 * the classifier head (Flatten, global pooling or Dense) — the convolutional base, as the course uses it.
 */
export function defaultCut(layers: readonly BaseLayerInfo[]): string | null {
  const head = layers.findIndex((l) => HEAD_START.has(l.className));
  const body = head < 0 ? layers : layers.slice(0, head);
  for (let i = body.length - 1; i >= 0; i--) if (FEATURE_LAYERS.has(body[i].className)) return body[i].name;
  return layers.length ? layers[layers.length - 1].name : null;
}

/** Names of the layers kept when the base is cut at `cut` (the saved model's layers are in order). */
export function keptLayers(layers: readonly BaseLayerInfo[], cut: string | null): Set<string> {
  const at = layers.findIndex((l) => l.name === cut);
  return new Set((at < 0 ? layers : layers.slice(0, at + 1)).map((l) => l.name));
}

/** The document with one layer's `trainable` flag set (InputLayer has none). */
export function setLayerTrainable(doc: GraphDoc, nodeId: string, trainable: boolean): GraphDoc {
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.id === nodeId && n.type !== 'InputLayer' ? ({ ...n, trainable } as LayerNode) : n,
    ),
  };
}

export const isFrozen = (n: LayerNode): boolean => n.type !== 'InputLayer' && n.trainable === false;

/** Trainable and frozen parameters of one base block, from the plan. */
export function blockCounts(
  members: readonly LayerNode[],
  plan: Plan,
): { trainable: number; frozen: number } {
  let trainable = 0;
  let frozen = 0;
  for (const n of members) {
    const params = plan.nodes[n.id]?.params ?? 0;
    if (isFrozen(n)) frozen += params;
    else trainable += params;
  }
  return { trainable, frozen };
}
