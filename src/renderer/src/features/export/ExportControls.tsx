// File > Export commands: the open project as Keras Python or Keras JSON, and a trained run's model (a dialog).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../app/commands.tsx';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import { ExportRunDialog } from './ExportRunDialog.tsx';
import { ExportRefused, projectExport, type ProjectExportFormat } from './project-export.ts';
import { saveFiles } from './save-files.ts';

export function ExportControls() {
  const { i18n } = useTranslation('export');
  const store = useAppStoreApi();
  const [runDialog, setRunDialog] = useState(false);

  const exportProject = async (format: ProjectExportFormat) => {
    const s = store.getState();
    try {
      const file = projectExport(s.doc, s.plan, s.training.config, format);
      await saveFiles([file]);
      // A project's script cannot carry a base's weights (they live in the host's run folder); a run's export does.
      const key = format === 'keras-py' && s.doc.bases?.length ? 'doneNoBaseWeights' : 'done';
      s.notify({ kind: 'info', key: `export:${key}`, values: { name: file.name, count: 1 } });
    } catch (e) {
      const es = i18n.language.startsWith('es');
      const first = s.plan.errors[0];
      const detail = first
        ? es
          ? first.messageEs
          : first.message
        : e instanceof Error
          ? e.message
          : String(e);
      const key = e instanceof ExportRefused ? e.key : 'refused.failed';
      s.notify({ kind: 'error', key: `export:${key}`, values: { detail } });
    }
  };

  useCommand('exportKerasPy', () => exportProject('keras-py'));
  useCommand('exportKerasJson', () => exportProject('keras-json'));
  useCommand('exportRun', () => setRunDialog(true));
  return runDialog ? <ExportRunDialog onClose={() => setRunDialog(false)} /> : null;
}
