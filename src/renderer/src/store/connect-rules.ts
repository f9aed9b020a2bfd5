// Which connections the editor accepts, and why it refuses the others (cycles, a single input fed twice...).
import type { GraphDoc } from '../../../shared/graph/schema.ts';
import { layerSpec } from '../../../shared/graph/layers.ts';

export type RefusalCode = 'self' | 'unknown' | 'duplicate' | 'no-inputs' | 'input-taken' | 'cycle';

/** Why a connection was refused; the UI turns code + names into a sentence in the user's language. */
export interface Refusal {
  code: RefusalCode;
  source: string;
  target: string;
  /** For 'input-taken': how many inputs the target takes. */
  max?: number;
}

export type ConnectCheck = { ok: true } | { ok: false; refusal: Refusal };

/** True when `to` can be reached from `from` along edges. */
function reaches(doc: GraphDoc, from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of doc.edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const next of out.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

/** Checks an edge source → target before it is drawn. */
export function canConnect(doc: GraphDoc, source: string, target: string): ConnectCheck {
  const s = doc.nodes.find((n) => n.id === source);
  const t = doc.nodes.find((n) => n.id === target);
  const refuse = (code: RefusalCode, max?: number): ConnectCheck => {
    const refusal: Refusal = { code, source: s?.name ?? source, target: t?.name ?? target };
    if (max !== undefined) refusal.max = max;
    return { ok: false, refusal };
  };
  if (!s || !t) return refuse('unknown');
  if (source === target) return refuse('self');
  const incoming = doc.edges.filter((e) => e.target === target);
  if (incoming.some((e) => e.source === source)) return refuse('duplicate');
  const { max } = layerSpec(t.type).arity;
  if (max === 0) return refuse('no-inputs');
  if (reaches(doc, target, source)) return refuse('cycle');
  if (incoming.length >= max) return refuse('input-taken', max);
  return { ok: true };
}
