// The Inspect view: pick a model and an input, then look at feature maps, filters and Grad-CAM.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProbeInput, ProbeModelInfo, ProbeSource, ProbedInput } from '../../../../shared/ipc/contract';
import type { ConvKernels, FeatureMaps } from '../../../../shared/probes';
import { invoke } from '../../lib/ipc';
import { useAppStore } from '../../store/StoreProvider';
import { FeatureMapsPanel, type Latency } from './FeatureMapsPanel';
import { FiltersPanel } from './FiltersPanel';
import { GradCamPanel } from './GradCamPanel';
import { InputPicker } from './InputPicker';
import { ImageCanvas } from './PlaneCanvas';
import { useLiveMaps } from './useLiveMaps';
import './inspector.css';

type Tab = 'maps' | 'filters' | 'gradcam';
const FOLLOW_MS = 3000;

const keyOf = (s: ProbeSource) => (s.kind === 'run' ? `run:${s.id}` : `template:${s.name}`);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function InspectView() {
  const { t } = useTranslation('inspector');
  const [models, setModels] = useState<ProbeModelInfo[] | null>(null);
  const [picked, setPicked] = useState<ProbeSource | null>(null);
  const [follow, setFollow] = useState(false);
  const [input, setInput] = useState<ProbeInput>({ kind: 'mnist-test', index: 0 });
  const [tab, setTab] = useState<Tab>('maps');
  const [kernels, setKernels] = useState<ConvKernels[]>([]);
  const [result, setResult] = useState<(ProbedInput & { maps: FeatureMaps }) | null>(null);
  const [latency, setLatency] = useState<Latency | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const asked = useRef({ started: 0, replied: 0 });
  // A run started while this view is open joins the list, so it can be followed.
  const liveRunId = useAppStore((s) => s.live.runId);

  useEffect(() => {
    invoke('probe:models').then(
      (list) => {
        setModels(list);
        setPicked((p) => p ?? list[0]?.source ?? null);
      },
      (err: unknown) => setError(message(err)),
    );
  }, [liveRunId]);

  const source = useMemo<ProbeSource | null>(
    () => (picked && picked.kind === 'run' && follow ? { ...picked, which: 'last' } : picked),
    [picked, follow],
  );
  const sourceKey = source ? `${keyOf(source)}:${source.kind === 'run' ? (source.which ?? 'best') : ''}` : '';

  useEffect(() => {
    if (!follow) return;
    const id = window.setInterval(() => setTick((n) => n + 1), FOLLOW_MS);
    return () => window.clearInterval(id);
  }, [follow]);

  useEffect(() => {
    if (!source) return;
    let live = true;
    invoke('probe:kernels', { source }).then(
      (k) => live && setKernels(k),
      (err: unknown) => live && setError(message(err)),
    );
    return () => {
      live = false;
    };
  }, [source, tick]);

  useEffect(() => {
    if (!source) return;
    let live = true;
    const started = performance.now();
    invoke('probe:feature-maps', { source, input }).then(
      (r) => {
        if (!live) return;
        asked.current = { started, replied: performance.now() };
        setResult(r);
        setError(null);
      },
      (err: unknown) => live && setError(message(err)),
    );
    return () => {
      live = false;
    };
  }, [source, input, tick]);

  // The maps are on screen once React has committed them and the browser has painted the next frame.
  useLayoutEffect(() => {
    if (!result || !asked.current.started) return;
    const { started, replied } = asked.current;
    asked.current = { started: 0, replied: 0 };
    requestAnimationFrame(() =>
      setLatency((l) => ({
        total: performance.now() - started,
        reply: replied - started,
        engine: result.maps.ms,
        seq: (l?.seq ?? 0) + 1,
      })),
    );
  }, [result]);

  // While the followed run trains here, the engine's live maps replace the saved model's.
  const live = useLiveMaps(follow && picked?.kind === 'run' ? picked.id : null, input);
  const maps = live?.maps ?? result?.maps ?? null;
  const channels = kernels[0]?.shape[2] ?? 1;
  const output = maps ? Array.from(maps.output) : [];
  const predicted = output.length ? output.indexOf(Math.max(...output)) : null;
  const current = models?.find((m) => picked && keyOf(m.source) === keyOf(picked));

  return (
    <section className="in-view" data-testid="inspect-view">
      <aside className="in-side">
        <label className="in-field in-field--block">
          <span className="in-side__title">{t('model')}</span>
          <select
            className="select"
            value={picked ? keyOf(picked) : ''}
            data-testid="inspector-model"
            onChange={(e) =>
              setPicked(models?.find((m) => keyOf(m.source) === e.target.value)?.source ?? null)
            }
          >
            {models?.map((m) => (
              <option key={keyOf(m.source)} value={keyOf(m.source)}>
                {m.source.kind === 'run' ? m.label : `${m.label} (${t('untrained')})`}
              </option>
            ))}
          </select>
          {current?.accuracy != null && (
            <span className="muted">
              {t('accuracy', { value: (current.accuracy * 100).toFixed(1) + '%' })}
            </span>
          )}
          {models?.length === 0 && <span className="muted">{t('noModels')}</span>}
        </label>
        {picked?.kind === 'run' && (
          <label className="in-check" title={t('maps.followHint')}>
            <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />{' '}
            {t('maps.follow')}
          </label>
        )}
        {live && (
          <span
            className="muted"
            data-testid="inspector-live"
            data-batch={live.batch}
            data-epoch={live.epoch}
          >
            {t('maps.live', { epoch: live.epoch, batch: live.batch })}
          </span>
        )}
        <span className="in-side__title">{t('input.label')}</span>
        <InputPicker input={input} onChange={setInput} channels={channels} />
        {result && (
          <figure className="in-input">
            <ImageCanvas
              data={result.image.data}
              height={result.image.shape[0]}
              width={result.image.shape[1]}
              channels={result.image.shape[2]}
              size={140}
              testId="inspector-input-image"
            />
            <figcaption>
              {result.label !== null && <span>{t('input.truth', { label: result.label })}</span>}
              {predicted !== null && (
                <strong data-testid="inspector-prediction">
                  {t('input.predicted', { label: predicted, p: output[predicted]!.toFixed(2) })}
                </strong>
              )}
            </figcaption>
          </figure>
        )}
      </aside>
      <div className="in-main">
        <nav className="in-tabs" role="tablist">
          {(['maps', 'filters', 'gradcam'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              data-testid={`inspector-tab-${k}`}
              className={`in-tabs__tab${tab === k ? ' is-on' : ''}`}
              onClick={() => setTab(k)}
            >
              {t(`tabs.${k}`)}
            </button>
          ))}
        </nav>
        {/* While live maps arrive, the saved-model poll's "no saved model yet" is beside the point. */}
        {error && !live && (
          <p className="in-error" role="alert">
            {error}
          </p>
        )}
        {tab === 'maps' && maps && <FeatureMapsPanel maps={maps} latency={live ? null : latency} />}
        {tab === 'filters' && source && kernels.length > 0 && (
          <FiltersPanel key={sourceKey} source={source} kernels={kernels} />
        )}
        {tab === 'gradcam' && source && <GradCamPanel source={source} input={input} />}
      </div>
    </section>
  );
}
