// Two runs compared as the course does: error rates and the error-rate reduction factor 1 - err_b / err_a.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { selectPickedRuns, selectRuns } from '../../store/training-selectors.ts';
import { formatFraction, formatPercent } from '../training/format.ts';
import { errorReduction, errorRate } from './compare.ts';

export function RunCompare() {
  const { t } = useTranslation('runs');
  const runs = useAppStore(selectRuns) ?? [];
  const picked = useAppStore(selectPickedRuns);
  const a = runs.find((r) => r.id === picked[0]);
  const b = runs.find((r) => r.id === picked[1]);
  if (!a || !b) {
    return (
      <div className="rs-compare">
        <h3>{t('compare')}</h3>
        <p className="muted">{t('compareHint')}</p>
      </div>
    );
  }
  if (a.testAccuracy === null || b.testAccuracy === null) {
    return (
      <div className="rs-compare" data-testid="run-compare">
        <h3>{t('compare')}</h3>
        <p className="muted">{t('compareNeedTest')}</p>
      </div>
    );
  }
  const factor = errorReduction(a.testAccuracy, b.testAccuracy);
  const vars = {
    a: a.name,
    b: b.name,
    factor: factor === null ? '–' : formatPercent(Math.abs(factor), 1),
    errA: formatPercent(errorRate(a.testAccuracy)),
    errB: formatPercent(errorRate(b.testAccuracy)),
  };
  return (
    <div className="rs-compare" data-testid="run-compare" data-factor={factor ?? ''}>
      <h3>{t('compare')}</h3>
      <div className="rs-compare__pair">
        <div>
          <span className="rs-pick-tag">A</span> {a.name}
          <strong>{formatFraction(a.testAccuracy)}</strong>
        </div>
        <div>
          <span className="rs-pick-tag">B</span> {b.name}
          <strong>{formatFraction(b.testAccuracy)}</strong>
        </div>
      </div>
      <p className="rs-compare__factor">
        {t('compareFormula', { value: factor === null ? '–' : factor.toFixed(3) })}
      </p>
      <p>{factor !== null && factor < 0 ? t('compareWorse', vars) : t('compareText', vars)}</p>
    </div>
  );
}
