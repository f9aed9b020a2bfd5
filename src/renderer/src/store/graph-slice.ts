// Graph slice: the document being edited, its plan, the selection, undo/redo history and the clipboard.
import type { StateCreator } from 'zustand';
import type { GraphDoc, LayerType, Position } from '../../../shared/graph/schema.ts';
import { plan as planDoc, type Plan } from '../../../shared/graph/plan.ts';
import type { AppStore } from './app-store.ts';
import { canConnect, type Refusal } from './connect-rules.ts';
import { layoutPositions, NODE_HEIGHT } from './auto-layout.ts';
import * as ops from './graph-ops.ts';

export interface Selection {
  nodes: string[];
  edges: string[];
}

/** How many past documents undo keeps. */
export const HISTORY_LIMIT = 200;
const PASTE_STEP = 40;

export interface GraphSlice {
  doc: GraphDoc;
  /** plan(doc), recomputed once per document change (not on moves, which cannot change it). */
  plan: Plan;
  selection: Selection;
  past: GraphDoc[];
  future: GraphDoc[];
  clipboard: ops.Fragment | null;
  /** The last refused connection, for the UI to explain; cleared by the next successful edit. */
  refusal: Refusal | null;
  /** The document before the drag in progress, pushed to history when the drag ends. */
  dragOrigin: GraphDoc | null;
  /** Bumped by pastes so repeated pastes do not stack on each other. */
  pasteCount: number;

  /** Replaces the document: `undoable` for templates and imports, not for opening a project. */
  loadDoc(doc: GraphDoc, opts?: { undoable?: boolean }): void;
  addLayer(type: LayerType, position: Position): string;
  /** Adds a layer after the selected one (or the last layer) and connects it when it can. */
  appendLayer(type: LayerType): string;
  connect(source: string, target: string): boolean;
  deleteSelection(): void;
  setParam(nodeId: string, name: string, value: unknown): void;
  rename(nodeId: string, name: string): boolean;
  /** Node moves from the canvas; `done` false while dragging (one undo step per drag). */
  moveNodes(moves: { id: string; position: Position }[], done: boolean): void;
  select(selection: Partial<Selection>): void;
  selectAll(): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
  undo(): void;
  redo(): void;
  autoLayout(): void;
  clearRefusal(): void;
}

export const createGraphSlice =
  (initialDoc: GraphDoc): StateCreator<AppStore, [], [], GraphSlice> =>
  (set, get) => {
    /** Applies an edit as one undo step. */
    const commit = (doc: GraphDoc, extra: Partial<GraphSlice> = {}): void => {
      const { doc: prev, past } = get();
      if (doc === prev) return;
      set({
        doc,
        plan: planDoc(doc),
        past: [...past.slice(-(HISTORY_LIMIT - 1)), prev],
        future: [],
        refusal: null,
        ...extra,
      });
    };
    const pruneSelection = (doc: GraphDoc, sel: Selection): Selection => {
      const nodes = new Set(doc.nodes.map((n) => n.id));
      const edges = new Set(doc.edges.map((e) => e.id));
      return {
        nodes: sel.nodes.filter((id) => nodes.has(id)),
        edges: sel.edges.filter((id) => edges.has(id)),
      };
    };
    const jump = (from: 'past' | 'future'): void => {
      const s = get();
      const stack = s[from];
      if (stack.length === 0) return;
      const doc = stack[stack.length - 1];
      const rest = stack.slice(0, -1);
      const other = from === 'past' ? 'future' : 'past';
      set({
        doc,
        plan: planDoc(doc),
        [from]: rest,
        [other]: [...s[other], s.doc],
        selection: pruneSelection(doc, s.selection),
        refusal: null,
      });
    };

    return {
      doc: initialDoc,
      plan: planDoc(initialDoc),
      selection: { nodes: [], edges: [] },
      past: [],
      future: [],
      clipboard: null,
      refusal: null,
      dragOrigin: null,
      pasteCount: 0,

      loadDoc(doc, opts = {}) {
        const selection = { nodes: [], edges: [] };
        if (opts.undoable) commit(doc, { selection });
        else
          set({ doc, plan: planDoc(doc), past: [], future: [], selection, refusal: null, dragOrigin: null });
      },
      addLayer(type, position) {
        const node = ops.makeNode(get().doc, type, position);
        commit(ops.addNode(get().doc, node), { selection: { nodes: [node.id], edges: [] } });
        return node.id;
      },
      appendLayer(type) {
        const { doc, selection } = get();
        const anchor = ops.appendAnchor(doc, selection.nodes);
        const position = anchor
          ? { x: anchor.position.x, y: anchor.position.y + NODE_HEIGHT + 36 }
          : { x: 0, y: doc.nodes.reduce((m, n) => Math.max(m, n.position.y + NODE_HEIGHT + 36), 0) };
        const node = ops.makeNode(doc, type, position);
        let next = ops.addNode(doc, node);
        if (anchor && canConnect(next, anchor.id, node.id).ok)
          next = ops.addEdge(next, anchor.id, node.id).doc;
        commit(next, { selection: { nodes: [node.id], edges: [] } });
        return node.id;
      },
      connect(source, target) {
        const check = canConnect(get().doc, source, target);
        if (!check.ok) {
          set({ refusal: check.refusal });
          return false;
        }
        commit(ops.addEdge(get().doc, source, target).doc);
        return true;
      },
      deleteSelection() {
        const { doc, selection } = get();
        if (selection.nodes.length === 0 && selection.edges.length === 0) return;
        commit(ops.removeItems(doc, selection.nodes, selection.edges), {
          selection: { nodes: [], edges: [] },
        });
      },
      setParam(nodeId, name, value) {
        const node = get().doc.nodes.find((n) => n.id === nodeId);
        if (!node || JSON.stringify((node.params as Record<string, unknown>)[name]) === JSON.stringify(value))
          return;
        commit(
          ops.updateNode(
            get().doc,
            nodeId,
            (n) => ({ ...n, params: { ...n.params, [name]: value } }) as typeof n,
          ),
        );
      },
      rename(nodeId, name) {
        const doc = get().doc;
        const clean = name.trim();
        if (!clean || doc.nodes.some((n) => n.id !== nodeId && n.name === clean)) return false;
        commit(ops.updateNode(doc, nodeId, (n) => ({ ...n, name: clean })));
        return true;
      },
      moveNodes(moves, done) {
        const s = get();
        const origin = s.dragOrigin ?? s.doc;
        let doc = s.doc;
        if (moves.length) {
          const at = new Map(moves.map((m) => [m.id, m.position]));
          doc = {
            ...doc,
            nodes: doc.nodes.map((n) => (at.has(n.id) ? { ...n, position: at.get(n.id)! } : n)),
          };
        }
        // Positions do not change the plan, so the plan object is kept as it is.
        if (!done) set({ doc, dragOrigin: origin });
        else if (origin === doc) set({ dragOrigin: null });
        else
          set({ doc, dragOrigin: null, past: [...s.past.slice(-(HISTORY_LIMIT - 1)), origin], future: [] });
      },
      select(selection) {
        set({ selection: { ...get().selection, ...selection } });
      },
      selectAll() {
        const { doc } = get();
        set({ selection: { nodes: doc.nodes.map((n) => n.id), edges: doc.edges.map((e) => e.id) } });
      },
      copy() {
        const frag = ops.copyFragment(get().doc, get().selection.nodes);
        if (frag) set({ clipboard: frag, pasteCount: 0 });
      },
      paste() {
        const { clipboard, pasteCount, doc } = get();
        if (!clipboard) return;
        const k = (pasteCount + 1) * PASTE_STEP;
        const { doc: next, nodeIds } = ops.pasteFragment(doc, clipboard, { x: k, y: k });
        commit(next, { selection: { nodes: nodeIds, edges: [] }, pasteCount: pasteCount + 1 });
      },
      duplicate() {
        const frag = ops.copyFragment(get().doc, get().selection.nodes);
        if (!frag) return;
        const { doc, nodeIds } = ops.pasteFragment(get().doc, frag, { x: PASTE_STEP, y: PASTE_STEP });
        commit(doc, { selection: { nodes: nodeIds, edges: [] } });
      },
      undo: () => jump('past'),
      redo: () => jump('future'),
      autoLayout() {
        const doc = get().doc;
        if (doc.nodes.length === 0) return;
        const at = layoutPositions(doc);
        commit(
          { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: at.get(n.id) ?? n.position })) },
          { plan: get().plan },
        );
      },
      clearRefusal() {
        set({ refusal: null });
      },
    };
  };
