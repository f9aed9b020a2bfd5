// The live loss and accuracy charts: per batch (raw and smoothed) and per epoch (train and validation).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { selectBatchSeries, selectEpochSeries } from '../../store/training-selectors.ts';
import { UPlotChart, type ChartSeries } from './UPlotChart.tsx';

type Column = (number | null)[];

/** One x axis for batch points and epoch points together: uPlot wants aligned columns. */
function joined(bx: number[], batchCols: Column[], ex: number[], epochCols: Column[]): uPlot.AlignedData {
  const batchTable = [bx, ...batchCols] as uPlot.AlignedData;
  const epochTable = [ex, ...epochCols] as uPlot.AlignedData;
  if (ex.length === 0)
    return [bx, ...batchCols, ...epochCols.map(() => bx.map(() => null))] as uPlot.AlignedData;
  if (bx.length === 0)
    return [ex, ...batchCols.map(() => ex.map(() => null)), ...epochCols] as uPlot.AlignedData;
  return uPlot.join([batchTable, epochTable]);
}

export function TrainCharts() {
  const { t } = useTranslation('training');
  const b = useAppStore(selectBatchSeries);
  const e = useAppStore(selectEpochSeries);

  const series = useMemo(
    (): ChartSeries[] => [
      { label: t('seriesBatch'), color: '--series-1', faint: true },
      { label: t('seriesSmoothed'), color: '--series-1' },
      { label: t('seriesTrain'), color: '--series-2', points: true, width: 2 },
      { label: t('seriesVal'), color: '--series-3', points: true, width: 2, dash: [6, 4] },
    ],
    [t],
  );
  const lossData = useMemo(() => joined(b.x, [b.loss, b.lossSmooth], e.x, [e.loss, e.valLoss]), [b, e]);
  const accData = useMemo(() => joined(b.x, [b.acc, b.accSmooth], e.x, [e.acc, e.valAcc]), [b, e]);

  return (
    <div className="ts-charts">
      <UPlotChart
        height={260}
        testId="chart-loss"
        title={t('chartLoss')}
        xLabel={t('xEpoch')}
        series={series}
        data={lossData}
      />
      <UPlotChart
        height={260}
        testId="chart-accuracy"
        title={t('chartAccuracy')}
        xLabel={t('xEpoch')}
        series={series}
        data={accData}
        yRange={[0, 1]}
      />
    </div>
  );
}
