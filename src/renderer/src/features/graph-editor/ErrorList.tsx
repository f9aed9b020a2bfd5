// The list of everything wrong with the graph; clicking an error selects the node and brings it into view.
import { useTranslation } from 'react-i18next';
import { selectErrors } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';

export function ErrorList() {
  const { t, i18n } = useTranslation('editor');
  const store = useAppStoreApi();
  const errors = useAppStore(selectErrors);
  const names = useAppStore((s) => s.doc.nodes);
  const es = i18n.language.startsWith('es');
  return (
    <section className="editor-errors" aria-label={t('errors.title')}>
      <h2 className="panel-title">
        {t('errors.title')} {errors.length > 0 && <span className="badge is-error">{errors.length}</span>}
      </h2>
      {errors.length === 0 ? (
        <p className="panel-hint is-ok">{t('errors.none')}</p>
      ) : (
        <ul aria-live="polite">
          {errors.map((e, i) => {
            const node = e.nodeId ? names.find((n) => n.id === e.nodeId) : undefined;
            return (
              <li key={`${e.code}:${e.nodeId ?? ''}:${e.edgeId ?? ''}:${i}`}>
                <button
                  type="button"
                  className="graph-error"
                  data-testid="graph-error"
                  data-node-id={e.nodeId}
                  disabled={!node}
                  onClick={() => node && store.getState().focusNode(node.id)}
                  title={node ? t('errors.focus', { name: node.name }) : undefined}
                >
                  {node && <strong>{node.name}: </strong>}
                  {es ? e.messageEs : e.message}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
