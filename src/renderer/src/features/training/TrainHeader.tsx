// The run's controls and state: backend in use (and why), status, Start / Pause / Resume / Stop.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { selectBackendInfo, selectLive } from '../../store/training-selectors.ts';
import { selectPlan } from '../../store/selectors.ts';
import { formatFraction } from './format.ts';
import { useTrainingActions } from './useTrainingActions.ts';

export function BackendBadge() {
  const { t } = useTranslation('training');
  const info = useAppStore(selectBackendInfo);
  const liveBackend = useAppStore((s) => s.live.backend);
  const name = liveBackend ?? info?.name ?? null;
  const skipped = info?.skipped ?? [];
  const title = [info?.reason, ...skipped.map((s) => `${t('backendSkipped')}: ${s.name} — ${s.why}`)]
    .filter(Boolean)
    .join('\n');
  return (
    <div className="ts-backend" data-testid="train-backend" title={title}>
      {name ? (
        <>
          <span className="ts-backend__label">{t('backend')}</span>
          <strong className="ts-backend__name">{name}</strong>
          {info?.reason && <span className="ts-backend__reason">{info.reason}</span>}
        </>
      ) : (
        <span className="ts-backend__reason">{t('backendUnknown')}</span>
      )}
    </div>
  );
}

export function TrainHeader() {
  const { t } = useTranslation('training');
  const live = useAppStore(selectLive);
  const hasErrors = useAppStore((s) => selectPlan(s).errors.length > 0);
  const actions = useTrainingActions();
  const st = live.status;
  const busy = st === 'starting' || st === 'running' || st === 'paused' || st === 'stopping';
  const canPause = st === 'running' || st === 'paused';

  return (
    <header className="ts-header">
      <BackendBadge />
      <div
        className={`ts-status ts-status--${st}`}
        data-testid="train-status"
        data-state={st}
        role="status"
        aria-live="polite"
      >
        <span className="ts-status__dot" aria-hidden />
        <span>{t(`status.${st}`)}</span>
        {live.test?.accuracy != null && (
          <span className="ts-status__extra">
            {t('testAccuracy', { value: formatFraction(live.test.accuracy) })}
          </span>
        )}
        {(st === 'stopped' || st === 'failed') && live.epochsCompleted > 0 && (
          <span className="ts-status__extra">{t('epochsDone', { count: live.epochsCompleted })}</span>
        )}
      </div>
      <div className="ts-buttons">
        <button
          type="button"
          className="button button--primary"
          data-testid="train-start"
          disabled={busy || hasErrors}
          title={hasErrors ? t('graphInvalid') : undefined}
          onClick={() => void actions.start()}
        >
          {t('start')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="train-pause"
          disabled={!canPause}
          onClick={() => void (st === 'paused' ? actions.resume() : actions.pause())}
        >
          {st === 'paused' ? t('resume') : t('pause')}
        </button>
        <button
          type="button"
          className="button button--danger"
          data-testid="train-stop"
          disabled={!busy || st === 'stopping'}
          onClick={() => void actions.stop()}
        >
          {t('stop')}
        </button>
      </div>
      {live.message && (st === 'failed' || st === 'stopped') && (
        <p className={`ts-message ts-message--${st}`} role={st === 'failed' ? 'alert' : undefined}>
          {live.message}
        </p>
      )}
    </header>
  );
}
