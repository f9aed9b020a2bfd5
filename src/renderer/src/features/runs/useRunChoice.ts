// A modal dialog that picks one of the user's runs: opens the dialog, lists the runs, selects the newest.
import { useEffect, useState, type RefObject } from 'react';
import type { RunListItem } from '../../../../shared/ipc/contract.ts';
import { invoke } from '../../lib/ipc.ts';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** `runs` is null while loading and [] when there are none (or listing failed: then `error` says why). */
export function useRunChoice(dialog: RefObject<HTMLDialogElement | null>) {
  const [runs, setRuns] = useState<RunListItem[] | null>(null);
  const [runId, setRunId] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    invoke('runs:list').then(
      (list) => {
        setRuns(list);
        if (list.length) setRunId(list[0].id);
      },
      (e: unknown) => {
        setRuns([]);
        setError(message(e));
      },
    );
  }, [dialog]);

  return { runs, runId, setRunId, error, setError };
}
