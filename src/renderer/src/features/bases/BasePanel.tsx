// The inspector's part for a pretrained base's layer: the block's layers, their trainable switches, freeze/unfreeze.
import { useTranslation } from 'react-i18next';
import {
  baseNodes,
  removeBase,
  setBaseTrainable,
  type TrainableChoice,
} from '../../../../shared/graph/bases.ts';
import type { GraphDoc, LayerNode } from '../../../../shared/graph/schema.ts';
import { selectDoc, selectPlan } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';
import { formatInt } from '../graph-editor/format.ts';
import { blockCounts, isFrozen, setLayerTrainable } from './base-model.ts';
import './bases.css';

export function BasePanel({ node }: { node: LayerNode & { base: { id: string; layer: string } } }) {
  const { t, i18n } = useTranslation('bases');
  const store = useAppStoreApi();
  const doc = useAppStore(selectDoc);
  const plan = useAppStore(selectPlan);
  const block = doc.bases?.find((b) => b.id === node.base.id);
  const members = baseNodes(doc, node.base.id);
  const counts = blockCounts(members, plan);
  const n = (x: number) => formatInt(x, i18n.language);
  const apply = (next: GraphDoc, key: string, values: Record<string, string> = {}) => {
    store.getState().replaceDoc(next);
    store.getState().notify({ kind: 'info', key: `bases:${key}`, values });
  };
  const choose = (choice: TrainableChoice, key: string) =>
    apply(setBaseTrainable(doc, node.base.id, choice), key, { layer: node.name });
  const source =
    block?.source.kind === 'url'
      ? block.source.url
      : block?.source.kind === 'run'
        ? t('panel.fromRun', { dir: block.source.runDir.split(/[\\/]/).pop() ?? '' })
        : '';
  const canUnfreezeFrom = node.type !== 'InputLayer';

  return (
    <section className="base-panel" data-testid="base-panel" aria-label={t('panel.title')}>
      <h3 className="base-panel__title">
        <span className="base-panel__badge" aria-hidden="true" />
        {t('panel.title')}: {block?.name ?? node.base.id}
      </h3>
      {source && <p className="base-panel__source">{source}</p>}
      <dl className="base-panel__counts">
        <dt>{t('panel.trainable')}</dt>
        <dd data-testid="base-trainable">{n(counts.trainable)}</dd>
        <dt>{t('panel.frozen')}</dt>
        <dd data-testid="base-frozen">{n(counts.frozen)}</dd>
      </dl>
      <div className="base-panel__actions">
        <button type="button" className="button" onClick={() => choose({ mode: 'freeze-all' }, 'frozeAll')}>
          {t('panel.freezeAll')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => choose({ mode: 'unfreeze-all' }, 'unfrozeAll')}
        >
          {t('panel.unfreezeAll')}
        </button>
        <button
          type="button"
          className="button base-panel__from"
          disabled={!canUnfreezeFrom}
          title={t('panel.unfreezeFromHelp', { layer: node.name })}
          onClick={() => choose({ mode: 'unfreeze-from', layer: node.name }, 'unfrozeFrom')}
        >
          {t('panel.unfreezeFrom')}
        </button>
      </div>
      <details className="base-panel__layers" open>
        <summary>{t('panel.layers', { count: members.length })}</summary>
        <ul>
          {members.map((m) => {
            const frozen = isFrozen(m);
            return (
              <li
                key={m.id}
                className={`${m.id === node.id ? 'is-current' : ''}${frozen ? ' is-frozen' : ''}`}
              >
                <button
                  type="button"
                  className="base-panel__layer"
                  onClick={() => store.getState().select({ nodes: [m.id], edges: [] })}
                >
                  <span className="base-name">{m.name}</span>
                  <span className="base-type">{m.type}</span>
                  <span className="base-panel__params">{n(plan.nodes[m.id]?.params ?? 0)}</span>
                </button>
                {m.type !== 'InputLayer' && (
                  <label
                    className="base-switch"
                    title={t(frozen ? 'panel.frozenHelp' : 'panel.trainableHelp')}
                  >
                    <input
                      type="checkbox"
                      role="switch"
                      aria-label={t('panel.trainableOf', { layer: m.name })}
                      checked={!frozen}
                      onChange={(e) =>
                        apply(
                          setLayerTrainable(doc, m.id, e.target.checked),
                          e.target.checked ? 'unfroze' : 'froze',
                          {
                            layer: m.name,
                          },
                        )
                      }
                    />
                    <span className="base-switch__track" aria-hidden="true" />
                  </label>
                )}
              </li>
            );
          })}
        </ul>
      </details>
      <p className="base-panel__hint">{t('panel.hint')}</p>
      <p className="base-panel__hint">{t('panel.keepParams')}</p>
      <button
        type="button"
        className="button button--ghost base-panel__remove"
        onClick={() => apply(removeBase(doc, node.base.id), 'removed', { name: block?.name ?? '' })}
      >
        {t('panel.remove')}
      </button>
    </section>
  );
}
