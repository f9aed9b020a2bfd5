// The training settings: dataset, optimizer, learning rate, loss, epochs, batch size, validation, early stopping.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOSSES, OPTIMIZERS, type LossName, type OptimizerName } from '../../../../shared/training.ts';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';
import { selectIsTraining, selectTraining } from '../../store/training-selectors.ts';
import type { DatasetKind } from '../../store/training-slice.ts';
import { AugmentationFields } from './AugmentationFields.tsx';
import { useTrainingActions } from './useTrainingActions.ts';

export function Field({
  label,
  children,
  hint,
}: {
  label: string;
  children: (id: string) => ReactNode;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="ts-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <small className="muted">{hint}</small>}
    </div>
  );
}

/** A number input that only commits finite values inside its range. */
export function NumberInput(props: {
  id: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  disabled?: boolean;
  onChange(value: number): void;
}) {
  const { id, value, min, max, step, disabled, onChange } = props;
  return (
    <input
      id={id}
      type="number"
      value={value}
      min={min}
      max={max}
      step={step}
      disabled={disabled}
      onChange={(e) => {
        const v = e.currentTarget.valueAsNumber;
        if (Number.isFinite(v) && (min === undefined || v >= min) && (max === undefined || v <= max))
          onChange(v);
      }}
    />
  );
}

export function SettingsForm() {
  const { t } = useTranslation('training');
  const store = useAppStoreApi();
  const { config, dataset } = useAppStore(selectTraining);
  const locked = useAppStore(selectIsTraining);
  const actions = useTrainingActions();
  const setConfig = store.getState().setTrainConfig;
  const setDataset = store.getState().setDataset;

  return (
    <form className="ts-form" onSubmit={(e) => e.preventDefault()} aria-label={t('settings')}>
      <fieldset disabled={locked}>
        <legend>{t('dataset')}</legend>
        <Field label={t('dataset')}>
          {(id) => (
            <select
              id={id}
              value={dataset.kind}
              onChange={(e) => setDataset({ kind: e.currentTarget.value as DatasetKind })}
            >
              <option value="mnist">{t('datasetMnist')}</option>
              <option value="fashion-mnist">{t('datasetFashion')}</option>
              <option value="folder">{t('datasetFolder')}</option>
            </select>
          )}
        </Field>
        {dataset.kind === 'folder' && (
          <Field label={t('folderPath')}>
            {(id) => (
              <div className="ts-row">
                <input
                  id={id}
                  type="text"
                  value={dataset.path}
                  placeholder={t('folderPlaceholder')}
                  onChange={(e) => setDataset({ path: e.currentTarget.value })}
                />
                {actions.canChooseFolder && (
                  <button type="button" className="button" onClick={() => void actions.chooseFolder()}>
                    {t('folderChoose')}
                  </button>
                )}
              </div>
            )}
          </Field>
        )}
        <Field label={t('limit')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={10}
              step={500}
              placeholder={t('limitAll')}
              value={dataset.limit ?? ''}
              data-testid="train-limit"
              onChange={(e) => {
                const v = e.currentTarget.valueAsNumber;
                setDataset({ limit: Number.isFinite(v) && v >= 1 ? Math.round(v) : null });
              }}
            />
          )}
        </Field>
      </fieldset>

      <fieldset disabled={locked}>
        <legend>{t('optimizer')}</legend>
        <div className="ts-grid2">
          <Field label={t('optimizer')}>
            {(id) => (
              <select
                id={id}
                value={config.optimizer}
                onChange={(e) => setConfig({ optimizer: e.currentTarget.value as OptimizerName })}
              >
                {OPTIMIZERS.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('learningRate')}>
            {(id) => (
              <NumberInput
                id={id}
                value={config.learningRate}
                min={1e-7}
                max={10}
                step={0.0001}
                onChange={(v) => setConfig({ learningRate: v })}
              />
            )}
          </Field>
          {config.optimizer === 'sgd' && (
            <Field label={t('momentum')}>
              {(id) => (
                <NumberInput
                  id={id}
                  value={config.momentum ?? 0}
                  min={0}
                  max={0.999}
                  step={0.05}
                  onChange={(v) => setConfig({ momentum: v })}
                />
              )}
            </Field>
          )}
          <Field label={t('loss')}>
            {(id) => (
              <select
                id={id}
                value={config.loss}
                onChange={(e) => setConfig({ loss: e.currentTarget.value as LossName })}
              >
                {LOSSES.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('epochs')}>
            {(id) => (
              <NumberInput
                id={id}
                value={config.epochs}
                min={1}
                max={1000}
                step={1}
                onChange={(v) => setConfig({ epochs: Math.round(v) })}
              />
            )}
          </Field>
          <Field label={t('batchSize')}>
            {(id) => (
              <NumberInput
                id={id}
                value={config.batchSize}
                min={1}
                max={4096}
                step={1}
                onChange={(v) => setConfig({ batchSize: Math.round(v) })}
              />
            )}
          </Field>
          <Field label={t('validationSplit')}>
            {(id) => (
              <NumberInput
                id={id}
                value={config.validationSplit}
                min={0}
                max={0.9}
                step={0.05}
                onChange={(v) => setConfig({ validationSplit: v })}
              />
            )}
          </Field>
        </div>
        <div className="ts-row ts-check">
          <input
            id="ts-early"
            type="checkbox"
            checked={!!config.earlyStopping}
            onChange={(e) => setConfig({ earlyStopping: e.currentTarget.checked ? { patience: 2 } : null })}
          />
          <label htmlFor="ts-early">{t('earlyStopping')}</label>
          {config.earlyStopping && (
            <Field label={t('patience')}>
              {(id) => (
                <NumberInput
                  id={id}
                  value={config.earlyStopping?.patience ?? 2}
                  min={1}
                  max={100}
                  step={1}
                  onChange={(v) => setConfig({ earlyStopping: { patience: Math.round(v) } })}
                />
              )}
            </Field>
          )}
        </div>
      </fieldset>

      <AugmentationFields disabled={locked} />
    </form>
  );
}
