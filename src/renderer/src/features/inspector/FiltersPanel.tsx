// Filters: each Conv2D layer's kernel weights, and the input patterns its first filters respond to most.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { symmetricRange } from '../../../../shared/colormap';
import type { ProbeSource } from '../../../../shared/ipc/contract';
import type { ConvKernels, FilterPatterns } from '../../../../shared/probes';
import { invoke } from '../../lib/ipc';
import { Legend } from './Legend';
import { ImageCanvas, PlaneCanvas } from './PlaneCanvas';

/** The kernels of one input channel, filter by filter: [cout][kh][kw]. */
function channelPlanes(k: ConvKernels, ci: number): Float32Array {
  const [kh, kw, cin, cout] = k.shape;
  const out = new Float32Array(cout * kh * kw);
  for (let co = 0; co < cout; co++) {
    for (let p = 0; p < kh * kw; p++) out[co * kh * kw + p] = k.data[(p * cin + ci) * cout + co]!;
  }
  return out;
}

function KernelGrid({ kernels }: { kernels: ConvKernels }) {
  const { t } = useTranslation('inspector');
  const [ci, setCi] = useState(0);
  const [kh, kw, cin, cout] = kernels.shape;
  const channel = Math.min(ci, cin - 1);
  const planes = useMemo(() => channelPlanes(kernels, channel), [kernels, channel]);
  const range = symmetricRange({ lo: kernels.min, hi: kernels.max });
  return (
    <div>
      <div className="in-toolbar">
        {cin > 1 && (
          <label className="in-slider">
            <span>{t('filters.inputChannel', { index: channel, count: cin })}</span>
            <input
              type="range"
              min={0}
              max={cin - 1}
              value={channel}
              onChange={(e) => setCi(Number(e.target.value))}
            />
          </label>
        )}
        <Legend cmap="diverging" lo={range.lo} hi={range.hi} />
      </div>
      <div className="in-grid in-grid--kernels" data-testid={`kernels-${kernels.name}`}>
        {Array.from({ length: cout }, (_, co) => (
          <PlaneCanvas
            key={co}
            values={planes}
            offset={co * kh * kw}
            height={kh}
            width={kw}
            range={range}
            cmap="diverging"
            size={cin === 1 ? 48 : 36}
            testId="kernel"
            title={t('filters.filter', { index: co })}
          />
        ))}
      </div>
    </div>
  );
}

export function FiltersPanel({ source, kernels }: { source: ProbeSource; kernels: ConvKernels[] }) {
  const { t } = useTranslation('inspector');
  const [layer, setLayer] = useState(kernels[0]?.name ?? '');
  // The first layer's patterns are near-uniform (a linear 3x3 filter's mean response only shifts
  // brightness); the deepest conv layer shows strokes and shapes, so patterns start there.
  const [patternLayer, setPatternLayer] = useState(kernels.at(-1)?.name ?? '');
  const [count, setCount] = useState(16);
  const [patterns, setPatterns] = useState<(FilterPatterns & { ms: number }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = kernels.find((k) => k.name === layer) ?? kernels[0];
  if (!chosen) return <p className="muted">{t('noModels')}</p>;

  const compute = () => {
    setBusy(true);
    setError(null);
    invoke('probe:filters', { source, layer: patternLayer, count }).then(
      (p) => {
        setPatterns(p);
        setBusy(false);
      },
      (err: unknown) => {
        setError(err instanceof Error ? err.message : String(err));
        setBusy(false);
      },
    );
  };
  const [, ph, pw, pc] = patterns?.shape ?? [0, 0, 0, 1];

  return (
    <div className="in-filters">
      <div className="in-toolbar">
        <label className="in-field">
          <span className="muted">{t('filters.layer')}</span>
          <select
            className="select"
            value={chosen.name}
            data-testid="filters-layer"
            onChange={(e) => setLayer(e.target.value)}
          >
            {kernels.map((k) => (
              <option key={k.name} value={k.name}>
                {k.name} ({k.shape.join('×')})
              </option>
            ))}
          </select>
        </label>
      </div>
      <section className="in-layer">
        <header className="in-layer__head">
          <h3>{t('filters.kernels')}</h3>
          <span className="muted">{t('filters.kernelsHint')}</span>
        </header>
        <KernelGrid key={chosen.name} kernels={chosen} />
      </section>
      <section className="in-layer">
        <header className="in-layer__head">
          <h3>{t('filters.patterns')}</h3>
          <span className="muted">{t('filters.patternsHint')}</span>
        </header>
        <div className="in-toolbar">
          <label className="in-field">
            <span className="muted">{t('filters.layer')}</span>
            <select
              className="select"
              value={patternLayer}
              data-testid="patterns-layer"
              onChange={(e) => setPatternLayer(e.target.value)}
            >
              {kernels.map((k) => (
                <option key={k.name} value={k.name}>
                  {k.name}
                </option>
              ))}
            </select>
          </label>
          <label className="in-field">
            <span className="muted">{t('filters.count')}</span>
            <select className="select" value={count} onChange={(e) => setCount(Number(e.target.value))}>
              {[8, 16, 32].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={compute}
            data-testid="filters-compute"
          >
            {busy ? t('filters.computing') : t('filters.compute')}
          </button>
          {patterns && (
            <span className="muted">
              {t('filters.took', { count: patterns.shape[0], s: (patterns.ms / 1000).toFixed(1) })}
            </span>
          )}
          {error && <span className="in-error">{error}</span>}
        </div>
        {patterns && patterns.layer === patternLayer && (
          <div className="in-grid in-grid--patterns">
            {Array.from({ length: patterns.shape[0] }, (_, i) => (
              <figure key={i} className="in-pattern" data-testid="filter-pattern">
                <ImageCanvas
                  data={patterns.data.subarray(i * ph * pw * pc, (i + 1) * ph * pw * pc)}
                  height={ph}
                  width={pw}
                  channels={pc}
                  size={96}
                />
                <figcaption>
                  {t('filters.filter', { index: i })}
                  {patterns.activation[i]! <= 0 && (
                    <span className="in-pattern__silent"> · {t('filters.silent')}</span>
                  )}
                </figcaption>
              </figure>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
