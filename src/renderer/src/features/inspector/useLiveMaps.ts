// Live feature maps: while the followed run trains, the engine sends the input's maps every few batches.
import { useEffect, useState } from 'react';
import type { LiveFeatureMaps } from '../../../../shared/ipc/channels/train';
import type { ProbeInput } from '../../../../shared/ipc/contract';
import { invoke, on } from '../../lib/ipc';
import { useAppStore } from '../../store/StoreProvider';
import { selectIsTraining } from '../../store/training-selectors';

/**
 * Watches `input` on the live model while `runId` is the run training now (null: watch nothing).
 * Returns the latest maps the engine sent, or null until the first arrives or when not live.
 */
export function useLiveMaps(runId: string | null, input: ProbeInput): LiveFeatureMaps | null {
  const liveRunId = useAppStore((s) => s.live.runId);
  const training = useAppStore(selectIsTraining);
  const active = runId !== null && training && liveRunId === runId;
  const [live, setLive] = useState<LiveFeatureMaps | null>(null);

  useEffect(() => {
    if (!active) return;
    const off = on('train:feature-maps', setLive);
    invoke('train:watch', { input }).catch(() => undefined);
    return () => {
      off();
      setLive(null);
      invoke('train:watch', { input: null }).catch(() => undefined);
    };
  }, [active, input]);

  return active ? live : null;
}
