// The tab strip that switches between the app's views.
import { useTranslation } from 'react-i18next';
import { VIEWS, type ViewId } from './views';

export function ViewTabs({ active, onChange }: { active: ViewId; onChange(view: ViewId): void }) {
  const { t } = useTranslation('app');
  return (
    <nav className="tabs" role="tablist" aria-label={t('nav')}>
      {VIEWS.map(({ id }) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-selected={active === id}
          aria-controls={`view-${id}`}
          data-view={id}
          className="tabs__tab"
          title={t(`viewHints.${id}`)}
          onClick={() => onChange(id)}
        >
          {t(`views.${id}`)}
        </button>
      ))}
    </nav>
  );
}
