// Data augmentation settings (Keras ImageDataGenerator names) and a preview of augmented training samples.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AugmentationConfig } from '../../../../shared/training.ts';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';
import { selectTraining } from '../../store/training-selectors.ts';
import { ImageTile } from './ImageTile.tsx';
import { Field, NumberInput } from './SettingsForm.tsx';
import { useTrainingActions, type AugmentPreview } from './useTrainingActions.ts';

/** The course's augmentation for small datasets, a sensible start when the box is ticked. */
const COURSE_AUGMENTATION: AugmentationConfig = {
  rotation_range: 20,
  width_shift_range: 0.1,
  height_shift_range: 0.1,
  shear_range: 10,
  zoom_range: 0.1,
  horizontal_flip: false,
};

const RANGES: { key: keyof AugmentationConfig; label: string; max: number; step: number }[] = [
  { key: 'rotation_range', label: 'rotation', max: 180, step: 5 },
  { key: 'width_shift_range', label: 'widthShift', max: 0.5, step: 0.05 },
  { key: 'height_shift_range', label: 'heightShift', max: 0.5, step: 0.05 },
  { key: 'shear_range', label: 'shear', max: 45, step: 5 },
  { key: 'zoom_range', label: 'zoom', max: 0.5, step: 0.05 },
];

export function AugmentationFields({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('training');
  const store = useAppStoreApi();
  const aug = useAppStore((s) => selectTraining(s).config.augmentation ?? null);
  const actions = useTrainingActions();
  const [preview, setPreview] = useState<AugmentPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setAug = (a: AugmentationConfig | null) => store.getState().setTrainConfig({ augmentation: a });

  const showPreview = async () => {
    if (!aug) return;
    setLoading(true);
    setError(null);
    try {
      setPreview(await actions.previewAugmentation(aug, 12));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  };

  const [n, h, w, c] = preview?.shape ?? [0, 0, 0, 0];
  return (
    <fieldset disabled={disabled} className="ts-aug">
      <legend>{t('augmentation')}</legend>
      <div className="ts-row ts-check">
        <input
          id="ts-aug-on"
          type="checkbox"
          checked={aug !== null}
          onChange={(e) => {
            setAug(e.currentTarget.checked ? COURSE_AUGMENTATION : null);
            setPreview(null);
          }}
        />
        <label htmlFor="ts-aug-on">{t('augmentation')}</label>
      </div>
      {aug && (
        <>
          <div className="ts-grid2">
            {RANGES.map((r) => (
              <Field key={r.key} label={t(r.label)}>
                {(id) => (
                  <NumberInput
                    id={id}
                    value={(aug[r.key] as number | undefined) ?? 0}
                    min={0}
                    max={r.max}
                    step={r.step}
                    onChange={(v) => setAug({ ...aug, [r.key]: v })}
                  />
                )}
              </Field>
            ))}
            <div className="ts-row ts-check">
              <input
                id="ts-aug-flip"
                type="checkbox"
                checked={!!aug.horizontal_flip}
                onChange={(e) => setAug({ ...aug, horizontal_flip: e.currentTarget.checked })}
              />
              <label htmlFor="ts-aug-flip">{t('flip')}</label>
            </div>
          </div>
          <button
            type="button"
            className="button"
            onClick={() => void showPreview()}
            disabled={loading}
            data-testid="augment-preview"
          >
            {loading ? t('previewLoading') : t('preview')}
          </button>
          {error && (
            <p className="ts-message ts-message--failed" role="alert">
              {error}
            </p>
          )}
          {preview && (
            <div className="ts-aug-grid" data-testid="augment-samples">
              {Array.from({ length: n }, (_, i) => (
                <ImageTile
                  key={i}
                  pixels={preview.pixels.subarray(i * h * w * c, (i + 1) * h * w * c)}
                  height={h}
                  width={w}
                  channels={c}
                  size={48}
                  label={preview.classNames[preview.labels[i]!] ?? String(preview.labels[i])}
                />
              ))}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
