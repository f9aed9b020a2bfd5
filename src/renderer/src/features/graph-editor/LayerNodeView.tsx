// One layer on the canvas: name, type, output shape and param count from the plan, marked when at fault.
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { LayerType } from '../../../../shared/graph/schema.ts';
import { selectNodeFacts } from '../../store/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { formatInt } from './format.ts';

/** What a canvas node carries: serializable, the document's own values. */
export type LayerNodeData = { name: string; type: LayerType };
export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

function LayerNodeViewImpl({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const { t, i18n } = useTranslation('editor');
  const es = i18n.language.startsWith('es');
  // One shallow-compared read per node: only nodes whose figures changed re-render after an edit.
  const facts = useAppStore(useShallow(selectNodeFacts(id)));
  const error = es ? facts.errorEs : facts.errorEn;
  const view = { shape: facts.shape, params: facts.params, error, errorCount: facts.errorCount };
  const hasInput = data.type !== 'InputLayer';
  const label = t('node.aria', { name: data.name, type: data.type, shape: view.shape, params: view.params });
  return (
    <div
      className={`layer-node group-${data.type}${selected ? ' is-selected' : ''}${view.errorCount ? ' has-error' : ''}`}
      aria-label={view.error ? `${label}. ${view.error}` : label}
      title={view.error || undefined}
    >
      {hasInput && (
        <Handle type="target" position={Position.Top} aria-label={t('node.input', { name: data.name })} />
      )}
      <div className="layer-node-name">{data.name}</div>
      <div className="layer-node-shape" data-testid="node-shape">
        {view.shape}
      </div>
      <div className="layer-node-foot">
        <span>
          <span className="layer-node-type">{data.type}</span> ·{' '}
          {t('node.params', { count: view.params, n: formatInt(view.params, i18n.language) })}
        </span>
        {view.errorCount > 0 && (
          <span
            className="layer-node-error"
            role="img"
            aria-label={t('node.errors', { count: view.errorCount })}
          >
            ⚠ {view.errorCount}
          </span>
        )}
      </div>
      <Handle type="source" position={Position.Bottom} aria-label={t('node.output', { name: data.name })} />
    </div>
  );
}

export const LayerNodeView = memo(LayerNodeViewImpl);
