// Feature maps layer by layer: one small colour-mapped image per channel, with a switchable colour scale.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { valueRange, type ValueRange } from '../../../../shared/colormap';
import type { FeatureMapLayer, FeatureMaps } from '../../../../shared/probes';
import { Legend } from './Legend';
import { MapZoom } from './MapZoom';
import { PlaneCanvas } from './PlaneCanvas';

export type ScaleMode = 'map' | 'layer' | 'shared';

const TILE = 56;

/** Milliseconds from the request to the reply, and to the painted frame; the engine's own share. */
export interface Latency {
  total: number;
  reply: number;
  engine: number;
  /** Counts the measurements, so watchers can tell a new one from an equal one. */
  seq: number;
}

interface Props {
  maps: FeatureMaps;
  latency: Latency | null;
}

function planeRange(
  maps: FeatureMaps,
  l: FeatureMapLayer,
  ch: number,
  mode: ScaleMode,
  shared: ValueRange,
): ValueRange {
  if (mode === 'shared') return shared;
  if (mode === 'layer') return { lo: l.min, hi: l.max > l.min ? l.max : l.min + 1e-6 };
  const size = l.shape[0] * l.shape[1];
  const start = l.offset + ch * size;
  return valueRange(maps.data, start, start + size);
}

export function FeatureMapsPanel({ maps, latency }: Props) {
  const { t } = useTranslation('inspector');
  const [mode, setMode] = useState<ScaleMode>('layer');
  const [zoom, setZoom] = useState<{ layer: FeatureMapLayer; ch: number } | null>(null);
  const shared = useMemo<ValueRange>(() => {
    const lo = Math.min(...maps.layers.map((l) => l.min));
    const hi = Math.max(...maps.layers.map((l) => l.max));
    return { lo, hi: hi > lo ? hi : lo + 1e-6 };
  }, [maps]);

  return (
    <div className="in-maps">
      <div className="in-toolbar">
        <span className="muted">{t('maps.scale')}</span>
        <div
          className="in-seg"
          role="radiogroup"
          aria-label={t('maps.scale')}
          data-testid="feature-scale-mode"
        >
          {(['map', 'layer', 'shared'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              className={`in-seg__btn${mode === m ? ' is-on' : ''}`}
              onClick={() => setMode(m)}
            >
              {t(m === 'map' ? 'maps.perMap' : m === 'layer' ? 'maps.perLayer' : 'maps.shared')}
            </button>
          ))}
        </div>
        {mode === 'shared' && <Legend cmap="viridis" lo={shared.lo} hi={shared.hi} testId="feature-legend" />}
        {mode === 'map' && (
          <Legend cmap="viridis" lo={0} hi={1} label={t('maps.perMap')} testId="feature-legend" />
        )}
        <span className="muted in-toolbar__hint">{t('maps.hint')}</span>
        {latency && (
          <span
            className="in-latency"
            data-testid="feature-maps-latency"
            data-ms={latency.total.toFixed(1)}
            data-reply={latency.reply.toFixed(1)}
            data-engine={latency.engine.toFixed(1)}
            data-seq={latency.seq}
          >
            {t('maps.latency', { ms: latency.total.toFixed(0), engine: latency.engine.toFixed(0) })}
          </span>
        )}
      </div>
      {maps.layers.map((l) => (
        <section key={l.name} className="in-layer" data-testid={`feature-layer-${l.name}`}>
          <header className="in-layer__head">
            <h3>
              {l.name} <span className="in-layer__class">{l.className}</span>
            </h3>
            <span className="muted">
              {t('maps.layerInfo', { shape: l.shape.join('×'), count: l.shape[2] })}
            </span>
            {mode === 'layer' && <Legend cmap="viridis" lo={l.min} hi={l.max} />}
          </header>
          <div className="in-grid">
            {Array.from({ length: l.shape[2] }, (_, ch) => (
              <PlaneCanvas
                key={ch}
                values={maps.data}
                offset={l.offset + ch * l.shape[0] * l.shape[1]}
                height={l.shape[0]}
                width={l.shape[1]}
                range={planeRange(maps, l, ch, mode, shared)}
                cmap="viridis"
                size={TILE}
                testId="feature-map"
                title={`${l.name} · ${t('maps.channel', { index: ch })}`}
                onClick={() => setZoom({ layer: l, ch })}
              />
            ))}
          </div>
        </section>
      ))}
      {zoom && (
        <MapZoom
          maps={maps}
          layer={zoom.layer}
          channel={zoom.ch}
          range={planeRange(maps, zoom.layer, zoom.ch, mode, shared)}
          onChannel={(ch) => setZoom({ layer: zoom.layer, ch })}
          onClose={() => setZoom(null)}
        />
      )}
    </div>
  );
}
