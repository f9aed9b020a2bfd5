// The status line: the latest notice from any feature, and where the UI is running.
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/contract';
import { useAppStore } from '../store/StoreProvider';
import { selectNotice } from '../store/selectors';

export function StatusBar({ info, offline }: { info: AppInfo | null; offline: boolean }) {
  const { t } = useTranslation('app');
  const notice = useAppStore(selectNotice);
  const text = notice ? (notice.text ?? t(notice.key, notice.values)) : t('status.ready');
  return (
    <footer className="status-bar">
      <span
        className={`status-bar__notice${notice?.kind === 'error' ? ' is-error' : ''}`}
        role="status"
        data-notice
      >
        {text}
      </span>
      {offline ? (
        <span className="status-bar__host is-error">{t('status.offline')}</span>
      ) : (
        info && (
          <span className="status-bar__host">
            <span className="dot" aria-hidden="true" />
            {t(info.shell === 'electron' ? 'status.electron' : 'status.server')} · v{info.version}
          </span>
        )
      )}
    </footer>
  );
}
