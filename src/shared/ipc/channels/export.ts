// Channels of exports that need the host: a trained run's model (tfjs, or Keras with its weights) as file bytes.
import { v } from '../check';

export const RUN_EXPORT_FORMATS = ['tfjs', 'keras-py', 'keras-json'] as const;
export type RunExportFormat = (typeof RUN_EXPORT_FORMATS)[number];

/** One file of an export: a flat name (the UI downloads or saves it as it is) and its bytes. */
export interface ExportedFile {
  name: string;
  bytes: Uint8Array;
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const runId = v.custom<string>((x, p) =>
  typeof x === 'string' && RUN_ID.test(x) && !x.includes('..') ? null : `${p} should be a run id`,
);

export const exportInvoke = {
  /** The run's best (else last) trained model in `format`; the files name each other, so keep them together. */
  'export:run': {
    arg: v.object({ runId, format: v.literal(...RUN_EXPORT_FORMATS) }),
    result: v.returns<{ files: ExportedFile[] }>(),
  },
};
