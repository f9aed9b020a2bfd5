// One stage of the image pipeline drawn crisp on a canvas, with its size and the colour scale its values use.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { gridToRgba, scaleFor, scaleStops, type ColorScale } from '../../../../shared/conv-lab/colormap';
import type { Grid } from '../../../../shared/conv-lab/types';
import { fmt } from './cell-style';

interface Props {
  title: string;
  grid: Grid;
  /** CSS size of the longer side. */
  display: number;
  testId?: string;
  /** The input picture is shown in plain grey 0..1 with no scale bar. */
  plain?: boolean;
}

function ColorBar({ scale }: { scale: ColorScale }) {
  const { t } = useTranslation('convLab');
  const stops = scaleStops(scale, 9)
    .map((s, i) => `rgb(${s.rgb.join(' ')}) ${(i / 8) * 100}%`)
    .join(', ');
  return (
    <div className="cl-bar" title={scale.kind === 'diverging' ? t('scaleSigned') : t('scaleGrey')}>
      <div className="cl-bar__ramp" style={{ background: `linear-gradient(to right, ${stops})` }} />
      <div className="cl-bar__labels">
        <span>{fmt(scale.min)}</span>
        {scale.kind === 'diverging' && <span>0</span>}
        <span>{fmt(scale.max)}</span>
      </div>
    </div>
  );
}

export function GridCanvas({ title, grid, display, testId, plain }: Props) {
  const { t } = useTranslation('convLab');
  const ref = useRef<HTMLCanvasElement>(null);
  const scale = useMemo<ColorScale>(
    () => (plain ? { kind: 'grey', min: 0, max: 1 } : scaleFor(grid)),
    [grid, plain],
  );
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(grid.width, grid.height);
    img.data.set(gridToRgba(grid, scale));
    ctx.putImageData(img, 0, 0);
  }, [grid, scale]);
  const f = display / Math.max(grid.height, grid.width);
  return (
    <figure className="cl-stagecard" data-testid={testId} style={{ width: display }}>
      <figcaption>
        <span className="cl-stagecard__title" title={title}>
          {title}
        </span>
        <span className="badge" data-testid={testId && `${testId}-size`}>
          {t('size', { h: grid.height, w: grid.width })}
        </span>
      </figcaption>
      <div className="cl-stagecard__frame" style={{ width: display, height: display }}>
        <canvas
          ref={ref}
          width={grid.width}
          height={grid.height}
          style={{ width: grid.width * f, height: grid.height * f }}
        />
      </div>
      {!plain && <ColorBar scale={scale} />}
      {!plain && <p className="cl-hint">{scale.kind === 'diverging' ? t('scaleSigned') : t('scaleGrey')}</p>}
    </figure>
  );
}
