// Under the charts: one line per finished epoch (the best marked) and the engine's messages for this run.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { selectEpochSeries, selectLive } from '../../store/training-selectors.ts';
import { formatFraction } from './format.ts';

export function EpochTable() {
  const { t } = useTranslation('training');
  const e = useAppStore(selectEpochSeries);
  const log = useAppStore((s) => selectLive(s).log);
  const best = e.valLoss.some((v) => v !== null)
    ? e.valLoss.indexOf(Math.min(...e.valLoss.map((v) => v ?? Infinity)))
    : e.loss.indexOf(Math.min(...e.loss));
  return (
    <div className="ts-epochs">
      <section className="ts-card" aria-label={t('epochTable')}>
        <h3>{t('epochTable')}</h3>
        {e.x.length === 0 ? (
          <p className="muted">{t('epochsEmpty')}</p>
        ) : (
          <table className="ts-epoch-table" data-testid="epoch-table">
            <thead>
              <tr>
                <th scope="col">{t('colEpoch')}</th>
                <th scope="col">{t('colLoss')}</th>
                <th scope="col">{t('colAcc')}</th>
                <th scope="col">{t('colValLoss')}</th>
                <th scope="col">{t('colValAcc')}</th>
              </tr>
            </thead>
            <tbody>
              {e.x.map((epoch, i) => (
                <tr key={epoch} className={i === best ? 'ts-best' : undefined}>
                  <td>{epoch}</td>
                  <td>{formatFraction(e.loss[i])}</td>
                  <td>{formatFraction(e.acc[i])}</td>
                  <td>{formatFraction(e.valLoss[i])}</td>
                  <td>{formatFraction(e.valAcc[i])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="ts-card" aria-label={t('log')}>
        <h3>{t('log')}</h3>
        {log.length === 0 ? (
          <p className="muted">{t('logEmpty')}</p>
        ) : (
          <ul className="ts-log">
            {log.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
