// The React Flow canvas: draws the document, turns drags, drops and connections into store actions.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge as FlowEdge,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type NodeHandle,
  Position,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import type { Edge, LayerNode } from '../../../../shared/graph/schema.ts';
import { isLayerType } from '../../../../shared/graph/layers.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../../store/auto-layout.ts';
import { canConnect, type Refusal } from '../../store/connect-rules.ts';
import { faultyEdges, selectDoc, selectErrors, selectSelection, selectTheme } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';
import { LayerNodeView, type LayerFlowNode } from './LayerNodeView.tsx';

export const DRAG_MIME = 'application/x-convnet-layer';
const nodeTypes = { layer: LayerNodeView };
// Props given to React Flow keep their identity between renders: a new object would update its
// store and re-render every node.
const MULTI_SELECT_KEYS = ['Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_STYLE = { width: 150, height: 100 };
const HANDLE = 10;
/** Fixed handle places: edges can be drawn before (and without) measuring 300 nodes. */
const HANDLES: NodeHandle[] = [
  {
    type: 'target',
    position: Position.Top,
    x: NODE_WIDTH / 2 - HANDLE / 2,
    y: -HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    type: 'source',
    position: Position.Bottom,
    x: NODE_WIDTH / 2 - HANDLE / 2,
    y: NODE_HEIGHT - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
];

function toFlowNode(n: LayerNode, selected: boolean): LayerFlowNode {
  return {
    id: n.id,
    type: 'layer',
    position: n.position,
    data: { name: n.name, type: n.type },
    selected,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
    handles: n.type === 'InputLayer' ? HANDLES.slice(1) : HANDLES,
    ariaLabel: `${n.name} (${n.type})`,
  };
}

export function Canvas() {
  const { t } = useTranslation('editor');
  const store = useAppStoreApi();
  const doc = useAppStore(selectDoc);
  const selection = useAppStore(selectSelection);
  const errors = useAppStore(selectErrors);
  const theme = useAppStore(selectTheme);
  const focusRequest = useAppStore((s) => s.focusRequest);
  const flow = useReactFlow();
  const [hint, setHint] = useState<Refusal | null>(null);
  const cache = useRef(new Map<string, LayerFlowNode>());
  const lastNodes = useRef<LayerFlowNode[]>([]);
  const edgeCache = useRef(new WeakMap<Edge, { from: string; to: string; flow: FlowEdge }>());
  const lastEdges = useRef<FlowEdge[]>([]);

  // A canvas node depends only on position, name, type and selection: a params edit reuses every
  // node object and the array itself, so React Flow's store is not touched at all.
  const nodes = useMemo(() => {
    const picked = new Set(selection.nodes);
    let changed = doc.nodes.length !== lastNodes.current.length;
    const next = doc.nodes.map((n, i) => {
      const selected = picked.has(n.id);
      let hit = cache.current.get(n.id);
      if (
        !hit ||
        hit.position !== n.position ||
        hit.data.name !== n.name ||
        hit.data.type !== n.type ||
        hit.selected !== selected
      ) {
        hit = toFlowNode(n, selected);
        cache.current.set(n.id, hit);
      }
      if (hit !== lastNodes.current[i]) changed = true;
      return hit;
    });
    if (changed) lastNodes.current = next;
    if (cache.current.size > next.length * 2 + 64) cache.current = new Map(next.map((f) => [f.id, f]));
    return lastNodes.current;
  }, [doc.nodes, selection.nodes]);

  // Edge objects (and the array, when no edge changed) are reused, so React Flow redoes only what changed.
  const edges = useMemo((): FlowEdge[] => {
    const picked = new Set(selection.edges);
    const bad = faultyEdges(errors);
    const names = new Map(doc.nodes.map((n) => [n.id, n.name]));
    let changed = doc.edges.length !== lastEdges.current.length;
    const next = doc.edges.map((e, i) => {
      const selected = picked.has(e.id);
      const className = bad.has(e.id) ? 'edge-error' : undefined;
      const from = names.get(e.source) ?? e.source;
      const to = names.get(e.target) ?? e.target;
      let hit = edgeCache.current.get(e);
      if (
        !hit ||
        hit.flow.selected !== selected ||
        hit.flow.className !== className ||
        hit.from !== from ||
        hit.to !== to
      ) {
        const ariaLabel = t('edge.aria', { source: from, target: to });
        hit = {
          from,
          to,
          flow: { id: e.id, source: e.source, target: e.target, selected, className, ariaLabel },
        };
        edgeCache.current.set(e, hit);
      }
      if (hit.flow !== lastEdges.current[i]) changed = true;
      return hit.flow;
    });
    if (changed) lastEdges.current = next;
    return lastEdges.current;
  }, [doc.edges, doc.nodes, selection.edges, errors, t]);

  const onNodesChange = useCallback(
    (changes: NodeChange<LayerFlowNode>[]) => {
      const moves: { id: string; position: { x: number; y: number } }[] = [];
      let dragEnded = false;
      let sel: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.position) moves.push({ id: c.id, position: c.position });
          if (!c.dragging) dragEnded = true;
        } else if (c.type === 'select') {
          sel ??= new Set(store.getState().selection.nodes);
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        }
      }
      if (moves.length || dragEnded) store.getState().moveNodes(moves, dragEnded);
      if (sel) store.getState().select({ nodes: [...sel] });
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      let sel: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        sel ??= new Set(store.getState().selection.edges);
        if (c.selected) sel.add(c.id);
        else sel.delete(c.id);
      }
      if (sel) store.getState().select({ edges: [...sel] });
    },
    [store],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (c) => {
      const check = canConnect(store.getState().doc, c.source, c.target);
      setHint(check.ok ? null : check.refusal);
      return check.ok;
    },
    [store],
  );
  const onConnect = useCallback(
    (c: Connection) => void store.getState().connect(c.source, c.target),
    [store],
  );
  const onConnectEnd = useCallback(() => {
    // The reason stays readable briefly after the drop that it explains.
    window.setTimeout(() => setHint(null), 2500);
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(DRAG_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(DRAG_MIME);
      if (!isLayerType(type)) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      store
        .getState()
        .addLayer(type, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) });
    },
    [flow, store],
  );

  useEffect(() => {
    if (!focusRequest) return;
    void flow.fitView({ nodes: [{ id: focusRequest.nodeId }], duration: 250, maxZoom: 1.2 });
  }, [focusRequest, flow]);

  const onInit = useCallback(
    (f: { fitView(o: { maxZoom: number }): Promise<boolean> }) => {
      if (store.getState().doc.nodes.length > 0) void f.fitView({ maxZoom: 1 });
    },
    [store],
  );
  const ariaLabels = useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.a11yNodes'),
      'edge.a11yDescription.default': t('canvas.a11yEdges'),
    }),
    [t],
  );
  const fitRequest = useAppStore((s) => s.fitRequest);
  useEffect(() => {
    if (fitRequest === 0) return;
    const id = requestAnimationFrame(() => void flow.fitView({ maxZoom: 1, duration: 200 }));
    return () => cancelAnimationFrame(id);
  }, [fitRequest, flow]);

  const refusal = useAppStore((s) => s.refusal);
  // A refusal explains the last attempt only: it goes with the next edit or after a few seconds.
  useEffect(() => setHint(null), [doc]);
  useEffect(() => {
    if (!refusal) return;
    const id = window.setTimeout(() => store.getState().clearRefusal(), 4000);
    return () => window.clearTimeout(id);
  }, [refusal, store]);
  const shown = hint ?? refusal;
  return (
    <div className="editor-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<LayerFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        colorMode={theme}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        onInit={onInit}
        minZoom={0.1}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={ariaLabels}
      >
        <Background gap={20} size={1} />
        <MiniMap
          pannable
          zoomable
          ariaLabel={t('canvas.minimap')}
          style={MINIMAP_STYLE}
          nodeBorderRadius={4}
        />
        <Controls showInteractive={false} aria-label={t('canvas.controls')} />
      </ReactFlow>
      {doc.nodes.length === 0 && (
        <div className="editor-empty" role="note">
          {t('canvas.empty')}
        </div>
      )}
      {shown && (
        <div className="editor-refusal" role="alert">
          {t(`refuse.${shown.code}`, { source: shown.source, target: shown.target, max: shown.max ?? 1 })}
        </div>
      )}
    </div>
  );
}
