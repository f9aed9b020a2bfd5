// The "Pretrained base" dialog: pick a run or a model.json URL, list its layers, choose where to cut, place it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaseInfo, BasePick } from '../../../../shared/ipc/contract.ts';
import { invoke } from '../../lib/ipc.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import { formatInt } from '../graph-editor/format.ts';
import { useRunChoice } from '../runs/useRunChoice.ts';
import { defaultCut, keptLayers } from './base-model.ts';
import './base-dialog.css';
import './bases.css';

const shapeText = (s: (number | null)[] | null) =>
  s ? `(${s.map((d) => (d === null ? 'None' : d)).join(', ')})` : '?';
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function BaseDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation('bases');
  const store = useAppStoreApi();
  const ref = useRef<HTMLDialogElement>(null);
  const [kind, setKind] = useState<'run' | 'url'>('run');
  const { runs, runId, setRunId, error, setError } = useRunChoice(ref);
  const [url, setUrl] = useState('');
  const [info, setInfo] = useState<BaseInfo | null>(null);
  const [cut, setCut] = useState<string | null>(null);
  const [busy, setBusy] = useState<'inspect' | 'place' | null>(null);

  // Without runs to reuse, a model.json URL is the only way in.
  useEffect(() => {
    if (runs?.length === 0 && !error) setKind('url');
  }, [runs, error]);

  const pick = (): BasePick | null => {
    if (kind === 'run') return runId ? { kind: 'run', id: runId } : null;
    const u = url.trim();
    return /^https?:\/\/\S+$/.test(u) ? { kind: 'url', url: u } : null;
  };
  const source = pick();

  const inspect = async () => {
    if (!source) return;
    setBusy('inspect');
    setError('');
    setInfo(null);
    try {
      const found = await invoke('bases:inspect', { source });
      setInfo(found);
      setCut(defaultCut(found.layers));
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(null);
    }
  };

  const place = async () => {
    if (!source || !info || !cut) return;
    setBusy('place');
    setError('');
    try {
      const doc = store.getState().doc;
      const placed = await invoke('bases:place', { doc, source, upTo: cut });
      store.getState().replaceDoc(placed.doc, { select: [placed.outputNodeId] });
      // A block of new layers lands beside the graph: bring the whole graph into view, as a template does.
      store.setState({ fitRequest: store.getState().fitRequest + 1 });
      store.getState().notify({ kind: 'info', key: 'bases:placed', values: { name: info.name, layer: cut } });
      ref.current?.close();
    } catch (e) {
      setError(message(e));
      setBusy(null);
    }
  };

  const kept = info ? keptLayers(info.layers, cut) : new Set<string>();
  const keptParams = info?.layers.filter((l) => kept.has(l.name)).reduce((a, l) => a + l.params, 0) ?? 0;
  const n = (x: number) => formatInt(x, i18n.language);

  return (
    <dialog
      ref={ref}
      className="dialog base-dialog"
      aria-labelledby="base-dialog-title"
      data-testid="base-dialog"
      onClose={onClose}
    >
      <h2 id="base-dialog-title">{t('dialog.title')}</h2>
      <p className="muted base-dialog__intro">{t('dialog.intro')}</p>
      <fieldset className="base-dialog__source">
        <legend>{t('dialog.source')}</legend>
        <label className="base-dialog__choice">
          <input
            type="radio"
            name="base-kind"
            checked={kind === 'run'}
            disabled={!runs?.length}
            onChange={() => setKind('run')}
          />
          {t('dialog.fromRun')}
        </label>
        <select
          className="input"
          aria-label={t('dialog.run')}
          data-testid="base-run"
          value={runId}
          disabled={kind !== 'run' || !runs?.length}
          onChange={(e) => {
            setRunId(e.target.value);
            setInfo(null);
          }}
        >
          {runs === null && <option value="">{t('dialog.loadingRuns')}</option>}
          {runs?.length === 0 && <option value="">{t('dialog.noRuns')}</option>}
          {runs?.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} · {r.dataset}
              {r.testAccuracy !== null ? ` · ${(r.testAccuracy * 100).toFixed(1)}%` : ''}
            </option>
          ))}
        </select>
        <label className="base-dialog__choice">
          <input type="radio" name="base-kind" checked={kind === 'url'} onChange={() => setKind('url')} />
          {t('dialog.fromUrl')}
        </label>
        <input
          className="input"
          type="url"
          aria-label={t('dialog.url')}
          data-testid="base-url"
          placeholder="https://…/model.json"
          value={url}
          disabled={kind !== 'url'}
          onChange={(e) => {
            setUrl(e.target.value);
            setInfo(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && void inspect()}
        />
      </fieldset>
      <div className="base-dialog__row">
        <button
          type="button"
          className="button"
          data-testid="base-inspect"
          disabled={!source || busy !== null}
          onClick={() => void inspect()}
        >
          {busy === 'inspect' ? t('dialog.loading') : t('dialog.inspect')}
        </button>
        {kind === 'url' && url.trim() !== '' && !source && (
          <span className="base-dialog__hint is-error">{t('dialog.badUrl')}</span>
        )}
      </div>
      {error && (
        <p className="base-dialog__error" role="alert">
          {error}
        </p>
      )}
      {info && (
        <>
          <p className="base-dialog__hint">{t('dialog.cutHelp', { name: info.name })}</p>
          <div className="base-dialog__layers">
            <table data-testid="base-layers">
              <thead>
                <tr>
                  <th scope="col">{t('dialog.cut')}</th>
                  <th scope="col">{t('dialog.layer')}</th>
                  <th scope="col">{t('dialog.shape')}</th>
                  <th scope="col" className="num">
                    {t('dialog.params')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {info.layers.map((l) => (
                  <tr key={l.name} className={kept.has(l.name) ? 'is-kept' : 'is-dropped'}>
                    <td>
                      <input
                        type="radio"
                        name="base-cut"
                        aria-label={t('dialog.cutAt', { layer: l.name })}
                        data-layer={l.name}
                        checked={cut === l.name}
                        disabled={l.className === 'InputLayer'}
                        onChange={() => setCut(l.name)}
                      />
                    </td>
                    <td>
                      <span className="base-name">{l.name}</span>{' '}
                      <span className="base-type">({l.className})</span>
                    </td>
                    <td className="mono">{shapeText(l.outputShape)}</td>
                    <td className="num">{n(l.params)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="base-dialog__hint" data-testid="base-keep">
            {t('dialog.keep', { count: kept.size, params: n(keptParams), layer: cut ?? '' })}
          </p>
        </>
      )}
      <div className="base-dialog__actions">
        <button type="button" className="button button--ghost" onClick={() => ref.current?.close()}>
          {t('dialog.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="base-place"
          disabled={!info || !cut || busy !== null}
          onClick={() => void place()}
        >
          {busy === 'place' ? t('dialog.placing') : t('dialog.place')}
        </button>
      </div>
    </dialog>
  );
}
