// The model summary as Keras's model.summary() prints it, plus each conv/pool layer's receptive field;
// the totals sit under it in SidePanel.
import { useTranslation } from 'react-i18next';
import { formatShape } from '../../../../shared/graph/plan.ts';
import { selectDoc, selectPlan } from '../../store/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { formatInt } from './format.ts';

const FIELD_TYPES = new Set(['Conv2D', 'MaxPooling2D', 'AveragePooling2D']);

export function SummaryPanel() {
  const { t, i18n } = useTranslation('editor');
  const doc = useAppStore(selectDoc);
  const plan = useAppStore(selectPlan);
  const n = (v: number) => formatInt(v, i18n.language);
  const byId = new Map(doc.nodes.map((node) => [node.id, node]));
  return (
    <section className="editor-summary" aria-label={t('summary.title')}>
      <h2 className="panel-title">{t('summary.title', { name: doc.name })}</h2>
      <div className="summary-scroll">
        <table>
          <colgroup>
            <col className="c-layer" />
            <col className="c-shape" />
            <col className="c-params" />
            <col className="c-field" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('summary.layer')}</th>
              <th scope="col">{t('summary.shape')}</th>
              <th scope="col" className="num">
                {t('summary.params')}
              </th>
              <th scope="col" className="num" title={t('summary.fieldHelp')}>
                <abbr title={t('summary.fieldHelp')}>{t('summary.fieldShort')}</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.order.map((id) => {
              const node = byId.get(id);
              const info = plan.nodes[id];
              if (!node || !info) return null;
              const rf = FIELD_TYPES.has(node.type) ? info.receptiveField : undefined;
              return (
                <tr key={id}>
                  <td>
                    <span className="summary-name">{node.name}</span>
                    <span className="summary-type">({node.type})</span>
                  </td>
                  <td className="mono">{info.outputShape ? formatShape(info.outputShape) : '?'}</td>
                  <td className="num">{n(info.params)}</td>
                  <td className="num">{rf ? rf.size.join('x') : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
