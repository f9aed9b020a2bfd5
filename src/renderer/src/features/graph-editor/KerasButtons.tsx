// Toolbar buttons that import a Keras/tfjs model JSON as the graph and export the graph as Keras JSON.
import { useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fromKerasJson, KerasJsonError, toKerasJson } from '../../../../shared/graph/keras.ts';
import { downloadText } from '../project/download.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';

export function KerasButtons() {
  const { t } = useTranslation('editor');
  const store = useAppStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const fail = (key: string, error: unknown) =>
    store.getState().notify({
      kind: 'error',
      key: `editor:${key}`,
      values: {
        reason:
          error instanceof KerasJsonError || error instanceof SyntaxError ? error.message : String(error),
      },
    });

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const doc = fromKerasJson(await file.text());
      store.getState().loadDoc(doc, { undoable: true });
      store.getState().notify({
        kind: 'info',
        key: 'editor:keras.imported',
        values: { name: file.name, count: doc.nodes.length },
      });
    } catch (error) {
      fail('keras.importFailed', error);
    }
  };
  const exportJson = () => {
    const doc = store.getState().doc;
    try {
      const json = toKerasJson(doc);
      downloadText(`${doc.name}.keras.json`, `${JSON.stringify(json, null, 2)}\n`);
      store
        .getState()
        .notify({ kind: 'info', key: 'editor:keras.exported', values: { name: `${doc.name}.keras.json` } });
    } catch (error) {
      fail('keras.exportFailed', error);
    }
  };
  return (
    <>
      <button
        type="button"
        className="tool"
        onClick={() => input.current?.click()}
        title={t('keras.importHelp')}
      >
        <span aria-hidden="true" className="tool-icon">
          ⇪
        </span>
        <span className="tool-label">{t('keras.import')}</span>
      </button>
      <button type="button" className="tool" onClick={exportJson} title={t('keras.exportHelp')}>
        <span aria-hidden="true" className="tool-icon">
          ⇩
        </span>
        <span className="tool-label">{t('keras.export')}</span>
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="keras-import-input"
        aria-label={t('keras.import')}
        onChange={(e) => void onFile(e)}
      />
    </>
  );
}
