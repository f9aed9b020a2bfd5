// The right-hand panel: Inspector and Summary tabs, with the model's total params always in view.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { selectPlan } from '../../store/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { formatInt } from './format.ts';
import { Inspector } from './Inspector.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';

const TABS = ['inspector', 'summary'] as const;
type Tab = (typeof TABS)[number];

export function SidePanel() {
  const { t, i18n } = useTranslation('editor');
  const [tab, setTab] = useState<Tab>('inspector');
  const plan = useAppStore(selectPlan);
  const picked = useAppStore((s) => (s.selection.nodes.length === 1 ? s.selection.nodes[0] : null));
  // Picking a layer means "let me edit it": bring the inspector forward.
  useEffect(() => {
    if (picked) setTab('inspector');
  }, [picked]);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length];
    setTab(next);
    document.getElementById(`editor-tab-${next}`)?.focus();
  };
  return (
    <div className="editor-side">
      <div className="side-tabs" role="tablist" aria-label={t('side.label')} onKeyDown={onKey}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`editor-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`editor-tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={tab === id ? 'is-active' : undefined}
            onClick={() => setTab(id)}
          >
            {t(`side.${id}`)}
          </button>
        ))}
      </div>
      <div
        className="side-body"
        role="tabpanel"
        id={`editor-tabpanel-${tab}`}
        aria-labelledby={`editor-tab-${tab}`}
      >
        {tab === 'inspector' ? <Inspector /> : <SummaryPanel />}
      </div>
      <dl className="side-totals">
        <dt>{t('summary.total')}</dt>
        <dd data-testid="summary-total-params">{formatInt(plan.totalParams, i18n.language)}</dd>
        <dt>{t('summary.trainable')}</dt>
        <dd>{formatInt(plan.trainableParams, i18n.language)}</dd>
        <dt>{t('summary.nonTrainable')}</dt>
        <dd>{formatInt(plan.nonTrainableParams, i18n.language)}</dd>
      </dl>
    </div>
  );
}
