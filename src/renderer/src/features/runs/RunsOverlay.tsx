// The picked runs' curves on one chart (validation accuracy per epoch, training accuracy when there is none).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { selectPickedRuns, selectRuns } from '../../store/training-selectors.ts';
import { UPlotChart, type ChartSeries } from '../training/UPlotChart.tsx';

const COLORS = ['--series-1', '--series-2', '--series-3', '--series-4', '--series-5', '--series-6'];

export function RunsOverlay() {
  const { t } = useTranslation('runs');
  const runs = useAppStore(selectRuns);
  const picked = useAppStore(selectPickedRuns);
  const chosen = useMemo(
    () => picked.map((id) => runs?.find((r) => r.id === id)).filter((r) => r !== undefined),
    [picked, runs],
  );

  const { series, data } = useMemo(() => {
    const series: ChartSeries[] = chosen.map((r, i) => ({
      label: i < 2 ? `${i === 0 ? 'A' : 'B'} · ${r.name}` : r.name,
      color: COLORS[i % COLORS.length]!,
      points: true,
    }));
    const tables = chosen.map((r) => {
      const hasVal = r.epochs.valAcc.some((v) => v !== null);
      return [r.epochs.x, hasVal ? r.epochs.valAcc : r.epochs.acc] as uPlot.AlignedData;
    });
    const data: uPlot.AlignedData =
      tables.length === 0 ? [[]] : tables.length === 1 ? tables[0]! : uPlot.join(tables);
    return { series, data };
  }, [chosen]);

  if (chosen.length === 0) {
    return (
      <div>
        <h3>{t('overlay')}</h3>
        <p className="muted">{t('overlayHint')}</p>
      </div>
    );
  }
  return (
    <UPlotChart
      testId="runs-overlay"
      title={`${t('overlay')} — ${t('valAccuracy')}`}
      xLabel="epoch"
      series={series}
      data={data}
      height={200}
    />
  );
}
