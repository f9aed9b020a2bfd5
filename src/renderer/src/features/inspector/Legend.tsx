// A colour-scale legend: the gradient bar with its low and high values.
import { cssGradient, type ColormapName } from '../../../../shared/colormap';

export function formatValue(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1000 || a < 0.001) return v.toExponential(1);
  return v.toFixed(a >= 10 ? 1 : a >= 1 ? 2 : 3);
}

export function Legend({
  cmap,
  lo,
  hi,
  label,
  testId,
}: {
  cmap: ColormapName;
  lo: number;
  hi: number;
  label?: string;
  testId?: string;
}) {
  return (
    <div className="in-legend" data-testid={testId}>
      {label && <span className="in-legend__label">{label}</span>}
      <span className="in-legend__value">{formatValue(lo)}</span>
      <span className="in-legend__bar" style={{ background: cssGradient(cmap) }} />
      <span className="in-legend__value">{formatValue(hi)}</span>
    </div>
  );
}
