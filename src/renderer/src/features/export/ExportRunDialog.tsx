// File > Export trained model: pick a run and a format; the host reads the run's saved model and the files download.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RUN_EXPORT_FORMATS, type RunExportFormat } from '../../../../shared/ipc/channels/export.ts';
import { invoke } from '../../lib/ipc.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import { useRunChoice } from '../runs/useRunChoice.ts';
import { saveFiles } from './save-files.ts';
import './export.css';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function ExportRunDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('export');
  const store = useAppStoreApi();
  const ref = useRef<HTMLDialogElement>(null);
  const { runs, runId, setRunId, error, setError } = useRunChoice(ref);
  const [format, setFormat] = useState<RunExportFormat>('tfjs');
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError('');
    try {
      const { files } = await invoke('export:run', { runId, format });
      await saveFiles(files.map((f) => ({ name: f.name, bytes: f.bytes })));
      store.getState().notify({
        kind: 'info',
        key: 'export:done',
        values: { name: files[0]?.name ?? '', count: files.length },
      });
      ref.current?.close();
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog export-dialog"
      aria-labelledby="export-run-title"
      data-testid="export-run-dialog"
      onClose={onClose}
    >
      <h2 id="export-run-title">{t('run.title')}</h2>
      <p className="muted">{t('run.intro')}</p>
      <label className="export-dialog__field">
        <span>{t('run.run')}</span>
        <select
          className="input"
          value={runId}
          disabled={!runs?.length}
          onChange={(e) => setRunId(e.target.value)}
        >
          {runs === null && <option value="">{t('run.loading')}</option>}
          {runs?.length === 0 && <option value="">{t('run.none')}</option>}
          {runs?.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} · {r.dataset}
              {r.testAccuracy !== null ? ` · ${(r.testAccuracy * 100).toFixed(1)}%` : ''}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="export-dialog__formats">
        <legend>{t('run.format')}</legend>
        {RUN_EXPORT_FORMATS.map((f) => (
          <label key={f} className={format === f ? 'is-picked' : undefined}>
            <input type="radio" name="export-format" checked={format === f} onChange={() => setFormat(f)} />
            <span>
              <strong>{t(`formats.${f}.name`)}</strong>
              <small>{t(`formats.${f}.doc`)}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="export-dialog__error" role="alert">
          {error}
        </p>
      )}
      <div className="export-dialog__actions">
        <button type="button" className="button button--ghost" onClick={() => ref.current?.close()}>
          {t('run.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!runId || busy}
          onClick={() => void run()}
        >
          {busy ? t('run.exporting') : t('run.export')}
        </button>
      </div>
    </dialog>
  );
}
