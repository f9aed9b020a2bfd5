// Handlers of the export:* channels: a run named by id, looked up in the data folder; no electron here.
import { join } from 'node:path';
import { exportRun } from '../../engine/export-run';
import type { HandlerGroup } from './types';

/** `dataDir` defaults to the app's data folder (where training writes runs), read at each call. */
export function exportHandlers(opts: { dataDir?: string } = {}): HandlerGroup<'export:run'> {
  return {
    async 'export:run'({ runId, format }) {
      // engine/runs pulls in tfjs (for its model I/O): load it on the first export, not when the host starts.
      const { defaultDataDir, runsDir } = await import('../../engine/runs');
      return { files: exportRun(join(runsDir(opts.dataDir ?? defaultDataDir()), runId), format) };
    },
  };
}
