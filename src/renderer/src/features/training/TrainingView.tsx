// The Training view: settings on the left; controls, progress and live charts on the right.
import { useTranslation } from 'react-i18next';
import { EpochTable } from './EpochTable.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { TrainCharts } from './TrainCharts.tsx';
import { TrainHeader } from './TrainHeader.tsx';
import { TrainProgress } from './TrainProgress.tsx';
import { useTrainingBridge } from './useTrainingBridge.ts';
import './training.css';

export function TrainingView() {
  const { t } = useTranslation('training');
  useTrainingBridge();
  return (
    <div className="ts-view" data-testid="training-view">
      <aside className="ts-side" aria-label={t('settings')}>
        <h2 className="ts-h2">{t('settings')}</h2>
        <SettingsForm />
      </aside>
      <section className="ts-main" aria-label={t('title')}>
        <TrainHeader />
        <TrainProgress />
        <TrainCharts />
        <EpochTable />
      </section>
    </div>
  );
}
