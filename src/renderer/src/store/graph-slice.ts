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
  /** "nodeId:param" while one inspector field is being typed into: its keystrokes make one undo step. */
  editKey: string | null;

  /** Replaces the document: `undoable` for templates and imports, not for opening a project. */
  loadDoc(doc: GraphDoc, opts?: { undoable?: boolean }): void;
  /** Replaces the document as one undo step (a placed pretrained base, a freeze), keeping the view; `select` picks nodes. */
  replaceDoc(doc: GraphDoc, opts?: { select?: string[] }): void;
  addLayer(type: LayerType, position: Position): string;
  /** Adds a layer after the selected one (or the last layer) and connects it when it can. */
  appendLayer(type: LayerType): string;
  connect(source: string, target: string): boolean;
  deleteSelection(): void;
  /** With `merge`, successive values for the same field (typing) replace each other in history. */
  setParam(nodeId: string, name: string, value: unknown, merge?: boolean): void;
  /** Ends a merged edit (the field lost focus): the next change is a new undo step. */
  endEdit(): void;
  rename(nodeId: string, name: string): boolean;
  /** Renames the document (the model's name, and the project file's suggested name). */
  renameDoc(name: string): void;
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
    const commit = (doc: GraphDoc, extra: Partial<AppStore> = {}): void => {
      const { doc: prev, past } = get();
      if (doc === prev) return;
      set({
        doc,
        plan: planDoc(doc),
        past: [...past.slice(-(HISTORY_LIMIT - 1)), prev],
        future: [],
        refusal: null,
        editKey: null,
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
      editKey: null,

      loadDoc(doc, opts = {}) {
        const selection = { nodes: [], edges: [] };
        const fitRequest = get().fitRequest + 1;
        if (opts.undoable) commit(doc, { selection, fitRequest });
        else
          set({
            doc,
            plan: planDoc(doc),
            past: [],
            future: [],
            selection,
            refusal: null,
            dragOrigin: null,
            fitRequest,
          });
      },
      replaceDoc(doc, opts = {}) {
        const s = get();
        const selection = opts.select ? { nodes: opts.select, edges: [] } : pruneSelection(doc, s.selection);
        commit(doc, { selection });
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
      setParam(nodeId, name, value, merge = false) {
        const { doc, editKey } = get();
        const node = doc.nodes.find((n) => n.id === nodeId);
        const old = node && (node.params as Record<string, unknown>)[name];
        if (!node || JSON.stringify(old) === JSON.stringify(value)) return;
        const next = ops.updateNode(
          doc,
          nodeId,
          (n) => ({ ...n, params: { ...n.params, [name]: value } }) as typeof n,
        );
        const key = `${nodeId}:${name}`;
        if (merge && editKey === key) set({ doc: next, plan: planDoc(next), future: [], refusal: null });
        else commit(next, { editKey: merge ? key : null });
      },
      endEdit() {
        set({ editKey: null });
      },
      rename(nodeId, name) {
        const doc = get().doc;
        const clean = name.trim();
        if (!clean || doc.nodes.some((n) => n.id !== nodeId && n.name === clean)) return false;
        commit(ops.updateNode(doc, nodeId, (n) => ({ ...n, name: clean })));
        return true;
      },
      renameDoc(name) {
        const clean = name.trim();
        if (clean && clean !== get().doc.name) commit({ ...get().doc, name: clean }, { plan: get().plan });
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
