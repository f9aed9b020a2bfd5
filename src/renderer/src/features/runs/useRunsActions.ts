// What the runs view asks of the engine: list, rename, delete, restore a graph, evaluate, images, predict.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TensorPayload } from '../../../../shared/ipc/contract.ts';
import { useActiveView } from '../../app/view-context.tsx';
import { invoke } from '../../lib/ipc.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import type { AppStoreApi } from '../../store/app-store.ts';
import { toRunInfo, type RunInfo } from './run-info.ts';
import type { DigitPrediction } from './DigitPad.tsx';

/** Reloads every run from the engine into the store. */
export async function refreshRuns(store: AppStoreApi): Promise<void> {
  const list = await invoke('runs:list');
  const records = await Promise.all(list.map((r) => invoke('runs:read', { id: r.id })));
  store.getState().setRuns(records.map(toRunInfo));
}

type T = (key: string, vars?: Record<string, unknown>) => string;

function actionsFor(store: AppStoreApi, t: T, showEditor: () => void) {
  const notifyError = (err: unknown) =>
    store
      .getState()
      .notify({ kind: 'error', key: 'error', text: err instanceof Error ? err.message : String(err) });
  const actions = {
    async refresh(): Promise<void> {
      try {
        await refreshRuns(store);
      } catch (err) {
        notifyError(err);
      }
    },
    togglePick: (id: string) => store.getState().togglePickedRun(id),
    open: (id: string) => store.getState().openRun(id),
    restore(run: RunInfo): void {
      // The editor shows first, so the canvas lays the graph out in a visible box.
      showEditor();
      store.getState().loadDoc(run.graph, { undoable: true });
      store.getState().loadTrainingSettings({ config: run.config });
      store.getState().notify({ kind: 'info', key: 'restored', text: t('restored', { name: run.name }) });
    },
    async rename(run: RunInfo): Promise<void> {
      const name = window.prompt(t('renamePrompt'), run.name);
      if (name === null || name.trim() === '' || name === run.name) return;
      try {
        await invoke('runs:rename', { id: run.id, name: name.trim() });
        await actions.refresh();
      } catch (err) {
        notifyError(err);
      }
    },
    async remove(run: RunInfo): Promise<void> {
      if (!window.confirm(t('deleteConfirm', { name: run.name }))) return;
      try {
        await invoke('runs:delete', { id: run.id });
        await actions.refresh();
      } catch (err) {
        notifyError(err);
      }
    },
    evaluate: (runId: string) => invoke('eval:run', { runId }),
    evaluated: (runId: string, accuracy: number) => store.getState().setEvaluatedAccuracy(runId, accuracy),
    images: (runId: string, indices: number[]): Promise<TensorPayload> =>
      invoke('eval:images', { runId, indices }),
    async predict(
      runId: string,
      image: Float32Array,
      shape: [number, number, number],
    ): Promise<DigitPrediction> {
      const r = await invoke('eval:predict', { runId, image: { dtype: 'float32', shape, data: image } });
      return { probabilities: r.probabilities, classNames: r.classNames };
    },
  };
  return actions;
}

export type RunsActions = ReturnType<typeof actionsFor>;

export function useRunsActions(): RunsActions {
  const store = useAppStoreApi();
  const { t } = useTranslation('runs');
  const { setView } = useActiveView();
  return useMemo(() => actionsFor(store, t as T, () => setView('editor')), [store, t, setView]);
}
