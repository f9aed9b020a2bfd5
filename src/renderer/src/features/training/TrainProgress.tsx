// The progress bar of the whole run with epoch, batch, samples per second and time left.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { selectIsTraining, selectProgress } from '../../store/training-selectors.ts';
import { formatDuration, formatSpeed } from './format.ts';

export function TrainProgress() {
  const { t } = useTranslation('training');
  const p = useAppStore(selectProgress);
  const going = useAppStore(selectIsTraining);
  const pct = p ? Math.round(p.fraction * 1000) / 10 : 0;
  return (
    <div className="ts-progress">
      <div
        className="ts-progress__bar"
        data-testid="train-progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        data-epoch={p?.epoch ?? 0}
        data-batch={p?.batch ?? 0}
      >
        <div className="ts-progress__fill" style={{ width: `${pct}%` }} />
      </div>
      <div className="ts-progress__text">
        {p
          ? t('progressText', {
              epoch: p.epoch,
              epochs: p.epochs,
              batch: p.batch,
              batches: p.batches,
              speed: formatSpeed(p.samplesPerSec),
              // A finished or stopped run has no time left to show.
              eta: going ? formatDuration(p.etaSec) : '–',
            })
          : t('progressIdle')}
        {p && <span className="ts-progress__pct">{pct.toFixed(1)}%</span>}
      </div>
    </div>
  );
}
