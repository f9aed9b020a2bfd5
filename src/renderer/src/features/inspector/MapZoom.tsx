// One feature map enlarged, with the value under the pointer and arrows to step through the layer's channels.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueRange } from '../../../../shared/colormap';
import type { FeatureMapLayer, FeatureMaps } from '../../../../shared/probes';
import { formatValue, Legend } from './Legend';
import { PlaneCanvas } from './PlaneCanvas';

interface Props {
  maps: FeatureMaps;
  layer: FeatureMapLayer;
  channel: number;
  range: ValueRange;
  onChannel(ch: number): void;
  onClose(): void;
}

export function MapZoom({ maps, layer, channel, range, onChannel, onClose }: Props) {
  const { t } = useTranslation('inspector');
  const [cell, setCell] = useState<{ x: number; y: number; value: number } | null>(null);
  const [h, w, c] = layer.shape;
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
      if (e.key === 'ArrowRight') onChannel((channel + 1) % c);
      if (e.key === 'ArrowLeft') onChannel((channel + c - 1) % c);
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [channel, c, onChannel, onClose]);

  return (
    <div
      className="in-zoom"
      role="dialog"
      aria-modal="true"
      aria-label={`${layer.name} ${channel}`}
      onClick={onClose}
    >
      <div className="in-zoom__card" data-testid="feature-map-zoom" onClick={(e) => e.stopPropagation()}>
        <header className="in-zoom__head">
          <button
            type="button"
            className="icon-button"
            onClick={() => onChannel((channel + c - 1) % c)}
            aria-label="‹"
          >
            ‹
          </button>
          <h3>
            {layer.name} · {t('maps.channel', { index: channel })}
          </h3>
          <button
            type="button"
            className="icon-button"
            onClick={() => onChannel((channel + 1) % c)}
            aria-label="›"
          >
            ›
          </button>
          <button type="button" className="button in-zoom__close" onClick={onClose}>
            {t('maps.close')}
          </button>
        </header>
        <PlaneCanvas
          values={maps.data}
          offset={layer.offset + channel * h * w}
          height={h}
          width={w}
          range={range}
          cmap="viridis"
          size={364}
          testId="feature-map-large"
          onHover={setCell}
        />
        <div className="in-zoom__foot">
          <Legend cmap="viridis" lo={range.lo} hi={range.hi} />
          <span className="in-zoom__value" data-testid="feature-map-value">
            {cell ? t('maps.value', { x: cell.x, y: cell.y, value: formatValue(cell.value) }) : `${h}×${w}`}
          </span>
        </div>
      </div>
    </div>
  );
}
