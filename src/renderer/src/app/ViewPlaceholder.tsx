// What a view shows until its feature lands: its name and what it will do.
import { useTranslation } from 'react-i18next';
import type { ViewId } from './views';

export function ViewPlaceholder({ view }: { view: ViewId }) {
  const { t } = useTranslation('app');
  return (
    <section className="view-placeholder">
      <div className="view-placeholder__card">
        <h2>{t(`views.${view}`)}</h2>
        <p>{t(`viewHints.${view}`)}</p>
        <p className="muted">{t('comingSoon')}</p>
      </div>
    </section>
  );
}
