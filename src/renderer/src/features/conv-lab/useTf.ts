// Loads tfjs for the lab on first use, in its own chunk, on the cpu backend: exact float32 sums and no GPU round trip for tiny grids.
import { useEffect, useState } from 'react';
import type { Tf } from '../../../../shared/conv-lab/ops';

let loading: Promise<Tf> | null = null; // one tfjs engine per page: load it once, whoever asks first

export function loadTf(): Promise<Tf> {
  loading ??= import('@tensorflow/tfjs').then(async (tf) => {
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  });
  return loading;
}

/** tfjs once it is ready, or the reason it could not start. */
export function useTf(): { tf: Tf | null; error: string | null } {
  const [state, setState] = useState<{ tf: Tf | null; error: string | null }>({ tf: null, error: null });
  useEffect(() => {
    let live = true;
    loadTf().then(
      (tf) => live && setState({ tf, error: null }),
      (err: unknown) =>
        live && setState({ tf: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
