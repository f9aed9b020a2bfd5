// The inspector: the selected layer's name and params, generated from the registry, with its shape and errors.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { layerSpec } from '../../../../shared/graph/layers.ts';
import { formatShape } from '../../../../shared/graph/plan.ts';
import { selectInspected } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';
import { BasePanel } from '../bases/BasePanel.tsx';
import { formatInt } from './format.ts';
import { ParamField } from './ParamField.tsx';

export function Inspector() {
  const { t, i18n } = useTranslation('editor');
  const store = useAppStoreApi();
  const node = useAppStore(selectInspected);
  const count = useAppStore((s) => s.selection.nodes.length);
  const info = useAppStore((s) => (node ? s.plan.nodes[node.id] : undefined));
  const errors = useAppStore((s) => s.plan.errors);
  const [name, setName] = useState(node?.name ?? '');
  const [nameError, setNameError] = useState(false);
  useEffect(() => {
    setName(node?.name ?? '');
    setNameError(false);
  }, [node?.name, node?.id]);
  const es = i18n.language.startsWith('es');

  if (!node) {
    return (
      <section className="editor-inspector" data-testid="inspector" aria-label={t('inspector.title')}>
        <p className="panel-hint">{count > 1 ? t('inspector.many', { count }) : t('inspector.none')}</p>
      </section>
    );
  }
  const spec = layerSpec(node.type);
  const mine = errors.filter((e) => e.nodeId === node.id);
  const commitName = () => {
    if (name === node.name) return;
    const ok = store.getState().rename(node.id, name);
    setNameError(!ok);
  };
  const params = node.params as Record<string, unknown>;
  return (
    <section className="editor-inspector" data-testid="inspector" aria-label={t('inspector.title')}>
      <h2 className="inspector-type">{node.type}</h2>
      <p className="panel-hint">{es ? spec.doc.es : spec.doc.en}</p>
      {node.base && <BasePanel node={{ ...node, base: node.base }} />}
      <div className="param-field">
        <label htmlFor="inspector-name">{t('inspector.name')}</label>
        <input
          id="inspector-name"
          type="text"
          value={name}
          spellCheck={false}
          aria-invalid={nameError}
          onChange={(e) => setName(e.target.value)}
          onBlur={commitName}
          onKeyDown={(e) => e.key === 'Enter' && commitName()}
        />
        {nameError && <p className="param-help is-error">{t('inspector.nameTaken')}</p>}
      </div>
      {spec.params.map((p) => (
        <ParamField key={`${node.id}:${p.name}`} nodeId={node.id} spec={p} value={params[p.name]} />
      ))}
      <dl className="inspector-facts">
        <dt>{t('inspector.output')}</dt>
        <dd>{info?.outputShape ? formatShape(info.outputShape) : '?'}</dd>
        <dt>{t('inspector.params')}</dt>
        <dd>{formatInt(info?.params ?? 0, i18n.language)}</dd>
        {info?.receptiveField && (
          <>
            <dt>{t('inspector.field')}</dt>
            <dd>{info.receptiveField.size.join('x')}</dd>
          </>
        )}
      </dl>
      {mine.length > 0 && (
        <ul className="inspector-errors" aria-label={t('errors.title')}>
          {mine.map((e, i) => (
            <li key={i}>{es ? e.messageEs : e.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
