// The "About" dialog: version and runtime, from app:info.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/contract';

export function AboutDialog({ info, onClose }: { info: AppInfo | null; onClose(): void }) {
  const { t } = useTranslation('app');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title">{t('about.title')}</h2>
      <p>{t('tagline')}</p>
      {info && (
        <ul className="muted">
          <li>{t('about.version', { version: info.version })}</li>
          <li>{t('about.runtime', { node: info.versions.node, platform: info.platform })}</li>
          {info.versions.electron && <li>Electron {info.versions.electron}</li>}
        </ul>
      )}
      <form method="dialog">
        <button type="submit" className="button button--primary" autoFocus>
          {t('about.close')}
        </button>
      </form>
    </dialog>
  );
}
