// Named selectors over the app store; components read state only through these.
import type { GraphError } from '../../../shared/graph/plan.ts';
import type { LayerNode } from '../../../shared/graph/schema.ts';
import type { AppStore } from './app-store.ts';

export const selectDoc = (s: AppStore) => s.doc;
export const selectPlan = (s: AppStore) => s.plan;
export const selectSelection = (s: AppStore) => s.selection;
export const selectCanUndo = (s: AppStore) => s.past.length > 0;
export const selectCanRedo = (s: AppStore) => s.future.length > 0;
export const selectHasClipboard = (s: AppStore) => s.clipboard !== null;
export const selectRefusal = (s: AppStore) => s.refusal;
export const selectTheme = (s: AppStore) => s.theme;
export const selectNotice = (s: AppStore) => s.notice;
export const selectErrors = (s: AppStore): GraphError[] => s.plan.errors;

/** The one selected node, when exactly one is selected: what the inspector edits. */
export function selectInspected(s: AppStore): LayerNode | null {
  if (s.selection.nodes.length !== 1) return null;
  return s.doc.nodes.find((n) => n.id === s.selection.nodes[0]) ?? null;
}

/** Nodes at fault, id → first error code, for marking them on the canvas. */
export function faultyNodes(errors: readonly GraphError[]): Map<string, GraphError[]> {
  const out = new Map<string, GraphError[]>();
  for (const e of errors) {
    if (!e.nodeId) continue;
    const list = out.get(e.nodeId);
    if (list) list.push(e);
    else out.set(e.nodeId, [e]);
  }
  return out;
}

/** Edges at fault, by id. */
export function faultyEdges(errors: readonly GraphError[]): Set<string> {
  return new Set(errors.flatMap((e) => (e.edgeId ? [e.edgeId] : [])));
}
