// A tidy top-to-bottom layered layout for graphs that arrive without positions (templates, Keras imports).
import type { Edge, LayerNode, Position } from './schema.ts';

export const LAYOUT_SPACING = { x: 240, y: 110 };

/**
 * Positions every node: its row is its longest path from an input, and within a row nodes sit
 * near the mean column of their parents (one barycentre pass); inputs start at x = 0. Nodes on a
 * cycle go to the row after the last. Pure: returns a new position per node id.
 */
export function layeredLayout(nodes: LayerNode[], edges: Edge[]): Map<string, Position> {
  const ids = new Set(nodes.map((n) => n.id));
  const parents = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const children = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
    parents.get(e.target)?.push(e.source);
    children.get(e.source)?.push(e.target);
  }
  const indeg = new Map(nodes.map((n) => [n.id, parents.get(n.id)?.length ?? 0]));
  const row = new Map<string, number>();
  const queue = nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  for (const id of queue) row.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const c of children.get(id) ?? []) {
      row.set(c, Math.max(row.get(c) ?? 0, (row.get(id) ?? 0) + 1));
      const d = (indeg.get(c) as number) - 1;
      indeg.set(c, d);
      if (d === 0) queue.push(c);
    }
  }
  const last = Math.max(-1, ...[...row.values()]);
  const placed = new Set(queue);
  for (const n of nodes) if (!placed.has(n.id)) row.set(n.id, last + 1);

  const rows: string[][] = [];
  for (const n of nodes) (rows[row.get(n.id) as number] ??= []).push(n.id);
  const column = new Map<string, number>();
  rows.forEach((members, r) => {
    const wanted = members.map((id, i) => {
      const ps = (parents.get(id) ?? []).filter((p) => column.has(p));
      const mean = ps.length ? ps.reduce((a, p) => a + (column.get(p) as number), 0) / ps.length : i;
      return { id, mean, i };
    });
    wanted.sort((a, b) => a.mean - b.mean || a.i - b.i);
    const offset = (wanted.length - 1) / 2;
    const centre = wanted.reduce((a, w) => a + w.mean, 0) / wanted.length;
    const base = r > 0 ? centre : offset;
    wanted.forEach((w, k) => column.set(w.id, base - offset + k));
  });
  const out = new Map<string, Position>();
  for (const n of nodes) {
    out.set(n.id, {
      x: Math.round((column.get(n.id) ?? 0) * LAYOUT_SPACING.x),
      y: (row.get(n.id) as number) * LAYOUT_SPACING.y,
    });
  }
  return out;
}

/** Returns the nodes with layout positions applied (new objects; the input is not changed). */
export function withLayout<N extends LayerNode>(nodes: N[], edges: Edge[]): N[] {
  const pos = layeredLayout(nodes, edges);
  return nodes.map((n) => ({ ...n, position: pos.get(n.id) ?? n.position }));
}
