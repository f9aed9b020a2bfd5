// The open project as export files: Keras Python (with the project's training settings) or Keras JSON.
import { fileStem } from '../../../../shared/export/file-stem.ts';
import { pySettingsOf } from '../../../../shared/export/py-settings.ts';
import { toKerasJson } from '../../../../shared/graph/keras.ts';
import { toKerasPython } from '../../../../shared/graph/keras-py.ts';
import type { Plan } from '../../../../shared/graph/plan.ts';
import type { GraphDoc } from '../../../../shared/graph/schema.ts';
import type { TrainConfig } from '../../../../shared/training.ts';
import type { FileToSave } from './export-file.ts';

export type ProjectExportFormat = 'keras-py' | 'keras-json';

/** Thrown when the graph cannot be exported as it is; `key` names the i18n sentence to show. */
export class ExportRefused extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/** The file for `format`; refuses a graph that is empty or has errors (the script would not run). */
export function projectExport(
  doc: GraphDoc,
  plan: Plan,
  config: Partial<TrainConfig>,
  format: ProjectExportFormat,
): FileToSave {
  if (doc.nodes.length === 0) throw new ExportRefused('refused.empty', 'The graph is empty.');
  if (!plan.ok) throw new ExportRefused('refused.errors', plan.errors[0]?.message ?? 'The graph has errors.');
  const stem = fileStem(doc.name);
  if (format === 'keras-json')
    return {
      name: `${stem}.keras.json`,
      bytes: `${JSON.stringify(toKerasJson(doc), null, 2)}\n`,
      mime: 'application/json',
    };
  return {
    name: `${stem}.py`,
    bytes: toKerasPython(doc, { settings: pySettingsOf(config) }),
    mime: 'text/x-python',
  };
}
