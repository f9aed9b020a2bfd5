// Connects the engine's training events to the store (one update per frame), fetches the backend,
// refreshes the runs when a run ends, and asks before the window closes during training.
import { useEffect } from 'react';
import type { TrainEvent } from '../../../../shared/training.ts';
import { invoke, on } from '../../lib/ipc.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import { selectIsTraining } from '../../store/training-selectors.ts';
import { refreshRuns } from '../runs/useRunsActions.ts';
import { createEventPump } from './event-pump.ts';

export function useTrainingBridge(): void {
  const store = useAppStoreApi();

  useEffect(() => {
    const pump = createEventPump<TrainEvent>(
      (events) => store.getState().applyTrainEvents(events),
      (cb) => requestAnimationFrame(cb),
    );
    const off = on('train:event', (event) => {
      pump.push(event);
      if (event.type === 'done') {
        // The last numbers show at once, and the new run joins the table.
        pump.flush();
        const runId = store.getState().live.runId;
        void refreshRuns(store)
          .then(() => {
            if (runId) store.getState().openRun(runId);
          })
          .catch(() => undefined);
      }
    });
    return () => {
      off();
      pump.dispose();
    };
  }, [store]);

  useEffect(() => {
    // A page opened (or reloaded) while the engine trains picks the run up from its next events.
    invoke('train:status').then(
      ({ busy }) => {
        if (busy && !selectIsTraining(store.getState())) store.getState().trainStarting();
      },
      () => undefined,
    );
    invoke('train:backend').then(
      (info) => store.getState().setBackendInfo(info),
      () => undefined,
    );
  }, [store]);

  useEffect(() => {
    // Browsers show their own wording; what matters is that closing during training asks first.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!selectIsTraining(store.getState())) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);
}
