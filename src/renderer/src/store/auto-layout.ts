// Layered top-to-bottom layout of the graph with dagre; returns new positions, the document is not touched.
import dagre from '@dagrejs/dagre';
import type { GraphDoc, Position } from '../../../shared/graph/schema.ts';

/** The size a node takes on the canvas; the LayerNode component is drawn to fit it. */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 64;

/** Positions (top-left corners) of every node for a tidy layered layout. */
export function layoutPositions(doc: GraphDoc): Map<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 26, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of doc.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of doc.edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out = new Map<string, Position>();
  for (const n of doc.nodes) {
    const p = g.node(n.id);
    out.set(n.id, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) });
  }
  return out;
}
