// Named selectors over the app store; components read state only through these.
import { formatShape, type GraphError, type Plan } from '../../../shared/graph/plan.ts';
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

/** What a canvas node shows from the plan, as primitives so a shallow compare spots a change. */
export interface NodeFacts {
  shape: string;
  params: number;
  errorCount: number;
  errorEn: string;
  errorEs: string;
}

const NO_FACTS: NodeFacts = { shape: '?', params: 0, errorCount: 0, errorEn: '', errorEs: '' };
// Built once per plan (plans are immutable), so 300 nodes reading their facts cost 300 map lookups.
const factsByPlan = new WeakMap<Plan, Map<string, NodeFacts>>();

function planFacts(plan: Plan): Map<string, NodeFacts> {
  let facts = factsByPlan.get(plan);
  if (facts) return facts;
  facts = new Map();
  for (const [id, p] of Object.entries(plan.nodes)) {
    facts.set(id, { ...NO_FACTS, shape: p.outputShape ? formatShape(p.outputShape) : '?', params: p.params });
  }
  for (const e of plan.errors) {
    if (!e.nodeId) continue;
    const f = facts.get(e.nodeId) ?? { ...NO_FACTS };
    facts.set(
      e.nodeId,
      f.errorCount
        ? { ...f, errorCount: f.errorCount + 1 }
        : { ...f, errorCount: 1, errorEn: e.message, errorEs: e.messageEs },
    );
  }
  factsByPlan.set(plan, facts);
  return facts;
}

/** The plan's facts about one node: output shape, params, its first error. */
export const selectNodeFacts =
  (id: string) =>
  (s: AppStore): NodeFacts =>
    planFacts(s.plan).get(id) ?? NO_FACTS;
