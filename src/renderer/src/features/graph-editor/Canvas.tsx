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
import type { LayerNode } from '../../../../shared/graph/schema.ts';
import { isLayerType } from '../../../../shared/graph/layers.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../../store/auto-layout.ts';
import { canConnect, type Refusal } from '../../store/connect-rules.ts';
import { faultyEdges, selectDoc, selectErrors, selectSelection, selectTheme } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';
import { LayerNodeView, type LayerFlowNode } from './LayerNodeView.tsx';

export const DRAG_MIME = 'application/x-convnet-layer';
const nodeTypes = { layer: LayerNodeView };
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
  const cache = useRef(new WeakMap<LayerNode, LayerFlowNode>());

  const nodes = useMemo(() => {
    const picked = new Set(selection.nodes);
    return doc.nodes.map((n) => {
      const hit = cache.current.get(n);
      if (hit && hit.selected === picked.has(n.id)) return hit;
      const made = toFlowNode(n, picked.has(n.id));
      cache.current.set(n, made);
      return made;
    });
  }, [doc.nodes, selection.nodes]);

  const edges = useMemo((): FlowEdge[] => {
    const picked = new Set(selection.edges);
    const bad = faultyEdges(errors);
    return doc.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      selected: picked.has(e.id),
      className: bad.has(e.id) ? 'edge-error' : undefined,
      ariaLabel: t('edge.aria', {
        source: doc.nodes.find((n) => n.id === e.source)?.name ?? e.source,
        target: doc.nodes.find((n) => n.id === e.target)?.name ?? e.target,
      }),
    }));
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

  const fitRequest = useAppStore((s) => s.fitRequest);
  useEffect(() => {
    if (fitRequest === 0) return;
    const id = requestAnimationFrame(() => void flow.fitView({ maxZoom: 1, duration: 200 }));
    return () => cancelAnimationFrame(id);
  }, [fitRequest, flow]);

  const refusal = useAppStore((s) => s.refusal);
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
        multiSelectionKeyCode={['Meta', 'Control']}
        onInit={(f) => store.getState().doc.nodes.length > 0 && void f.fitView({ maxZoom: 1 })}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{
          'node.a11yDescription.default': t('canvas.a11yNodes'),
          'edge.a11yDescription.default': t('canvas.a11yEdges'),
        }}
      >
        <Background gap={20} size={1} />
        <MiniMap
          pannable
          zoomable
          ariaLabel={t('canvas.minimap')}
          style={{ width: 150, height: 100 }}
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
