// Every run in a table: model, dataset, settings, test accuracy, error rate, time, backend, and its actions.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { selectOpenedRunId, selectPickedRuns, selectRuns } from '../../store/training-selectors.ts';
import { formatDuration, formatFraction, formatPercent } from '../training/format.ts';
import type { RunInfo } from './run-info.ts';
import type { RunsActions } from './useRunsActions.ts';

export function RunsTable({ actions }: { actions: RunsActions }) {
  const { t } = useTranslation('runs');
  const runs = useAppStore(selectRuns) ?? [];
  const picked = useAppStore(selectPickedRuns);
  const opened = useAppStore(selectOpenedRunId);
  if (runs.length === 0) return <p className="muted rs-empty">{t('empty')}</p>;

  const statusText = (r: RunInfo) =>
    r.status === 'completed'
      ? t('statusCompleted')
      : r.status === 'stopped'
        ? t('statusStopped')
        : r.status === 'failed'
          ? t('statusFailed')
          : t('statusRunning');

  return (
    <div className="rs-table-wrap">
      <table className="rs-table">
        <thead>
          <tr>
            <th scope="col" title={t('pick')}>
              <span className="sr-only">{t('pick')}</span>✓
            </th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('model')}</th>
            <th scope="col">{t('dataset')}</th>
            <th scope="col">{t('settings')}</th>
            <th scope="col" className="num">
              {t('testAccuracy')}
            </th>
            <th scope="col" className="num">
              {t('errorRate')}
            </th>
            <th scope="col" className="num">
              {t('time')}
            </th>
            <th scope="col">{t('backend')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const pickIndex = picked.indexOf(r.id);
            return (
              <tr
                key={r.id}
                data-testid="run-row"
                data-run-id={r.id}
                data-status={r.status}
                className={`${opened === r.id ? 'rs-row--open' : ''} rs-row--${r.status}`}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('pick')}: ${r.name}`}
                    checked={pickIndex >= 0}
                    onChange={() => actions.togglePick(r.id)}
                  />
                  {pickIndex >= 0 && pickIndex < 2 && (
                    <span className="rs-pick-tag">{pickIndex === 0 ? 'A' : 'B'}</span>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="linklike"
                    onClick={() => actions.open(r.id)}
                    title={t('open')}
                  >
                    {r.name}
                  </button>
                  <div className="muted rs-sub">
                    {new Date(r.createdAt).toLocaleString()} · {statusText(r)}
                  </div>
                </td>
                <td>{r.model}</td>
                <td>{r.dataset}</td>
                <td className="rs-settings">{r.settings}</td>
                <td className="num" data-testid="run-test-accuracy" data-value={r.testAccuracy ?? ''}>
                  {formatFraction(r.testAccuracy)}
                  {r.evaluated && (
                    <sup className="muted" title={t('evaluatedHint')}>
                      *
                    </sup>
                  )}
                </td>
                <td className="num">{formatPercent(r.errorRate)}</td>
                <td className="num">{formatDuration(r.seconds)}</td>
                <td>{r.backend ?? '–'}</td>
                <td className="rs-actions">
                  <button type="button" className="button button--small" onClick={() => actions.open(r.id)}>
                    {t('open')}
                  </button>
                  <button type="button" className="button button--small" onClick={() => actions.restore(r)}>
                    {t('restore')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void actions.rename(r)}
                  >
                    {t('rename')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger-soft"
                    onClick={() => void actions.remove(r)}
                  >
                    {t('delete')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
