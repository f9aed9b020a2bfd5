// The Runs view: every run in a table, picked runs overlaid and compared, the opened run's details.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { selectOpenedRun, selectRuns } from '../../store/training-selectors.ts';
import { RunCompare } from './RunCompare.tsx';
import { RunDetails } from './RunDetails.tsx';
import { RunsOverlay } from './RunsOverlay.tsx';
import { RunsTable } from './RunsTable.tsx';
import { useRunsActions } from './useRunsActions.ts';
import '../training/training.css';
import './runs.css';

export function RunsView() {
  const { t } = useTranslation('runs');
  const actions = useRunsActions();
  const runs = useAppStore(selectRuns);
  const opened = useAppStore(selectOpenedRun);

  useEffect(() => {
    void actions.refresh();
  }, [actions]);

  return (
    <div className="rs-view" data-testid="runs-view">
      <header className="rs-header">
        <h2 className="ts-h2">
          {t('title')} {runs && <span className="muted">({runs.length})</span>}
        </h2>
        <button type="button" className="button" onClick={() => void actions.refresh()}>
          {t('refresh')}
        </button>
      </header>
      <RunsTable actions={actions} />
      <div className="rs-compare-grid">
        <div className="rs-card">
          <RunsOverlay />
        </div>
        <div className="rs-card">
          <RunCompare />
        </div>
      </div>
      {opened && <RunDetails key={opened.id} run={opened} actions={actions} />}
    </div>
  );
}
