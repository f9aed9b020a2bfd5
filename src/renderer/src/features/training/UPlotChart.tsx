// A streaming line chart on uPlot: made once, fed with setData, resized with its box, recoloured with the theme.
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** A CSS custom property name (`--series-1`) or a colour. */
  color: string;
  width?: number;
  dash?: number[];
  /** Draw dots at the points (for sparse per-epoch series). */
  points?: boolean;
  /** Draw a thin, faded line (raw per-batch values under their smoothed curve). */
  faint?: boolean;
}

interface Props {
  testId: string;
  title: string;
  xLabel: string;
  series: ChartSeries[];
  data: uPlot.AlignedData;
  height?: number;
  /** Fixed y range, e.g. [0, 1] for accuracy; auto when absent. */
  yRange?: [number, number];
}

function resolveColor(el: Element, color: string): string {
  if (!color.startsWith('--')) return color;
  return getComputedStyle(el).getPropertyValue(color).trim() || '#888';
}

/** The colour with an alpha, through the browser's own colour parsing (canvas needs a plain rgba()). */
function withAlpha(el: HTMLElement, color: string, alpha: number): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  el.appendChild(probe);
  const rgb = getComputedStyle(probe).color.match(/[\d.]+/g) ?? ['128', '128', '128'];
  probe.remove();
  return `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha})`;
}

/** Bumps a counter whenever the page's theme attributes change, so the canvas colours follow. */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const obs = new MutationObserver(() => setVersion((v) => v + 1));
    const opts = { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] };
    obs.observe(document.documentElement, opts);
    obs.observe(document.body, opts);
    return () => obs.disconnect();
  }, []);
  return version;
}

export function UPlotChart({ testId, title, xLabel, series, data, height = 220, yRange }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  const themeVersion = useThemeVersion();
  const seriesKey = JSON.stringify(series);
  const yMin = yRange?.[0];
  const yMax = yRange?.[1];

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const list = JSON.parse(seriesKey) as ChartSeries[];
    const text = resolveColor(box, '--text-muted');
    const grid = resolveColor(box, '--border');
    const axis = (label: string): uPlot.Axis => ({
      label,
      stroke: text,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
      font: '11px system-ui, sans-serif',
      labelFont: '11px system-ui, sans-serif',
    });
    const opts: uPlot.Options = {
      width: Math.max(200, box.clientWidth),
      height,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: {
        x: { time: false },
        y: yMin !== undefined && yMax !== undefined ? { range: [yMin, yMax] } : { auto: true },
      },
      axes: [axis(xLabel), axis('')],
      series: [
        { label: xLabel },
        ...list.map((s): uPlot.Series => {
          const stroke = resolveColor(box, s.color);
          return {
            label: s.label,
            stroke: s.faint ? withAlpha(box, stroke, 0.3) : stroke,
            width: s.width ?? (s.faint ? 1 : 2),
            dash: s.dash,
            spanGaps: true,
            points: s.points ? { show: true, size: 6, fill: stroke } : { show: false },
          };
        }),
      ],
    };
    const plot = new uPlot(opts, dataRef.current, box);
    plotRef.current = plot;
    const ro = new ResizeObserver(() => {
      const w = Math.max(200, box.clientWidth);
      if (w !== plot.width) plot.setSize({ width: w, height });
    });
    ro.observe(box);
    return () => {
      ro.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [seriesKey, height, xLabel, yMin, yMax, themeVersion]);

  useEffect(() => {
    dataRef.current = data;
    plotRef.current?.setData(data);
  }, [data]);

  return (
    <figure className="ts-chart" data-testid={testId} data-points={data[0]?.length ?? 0}>
      <figcaption>{title}</figcaption>
      <div ref={boxRef} className="ts-chart-box" />
    </figure>
  );
}
