// Settings of the image lab: which picture, which kernel, stride/padding, ReLU and pooling.
import { useTranslation } from 'react-i18next';
import { MAX_IMAGE_SIDE } from '../../../../shared/conv-lab/image';
import type { Matrix, Padding, PoolKind } from '../../../../shared/conv-lab/types';
import type { SourceKind } from './image-sources';
import { KernelGallery } from './KernelGallery';
import { ModelKernels } from './ModelKernels';
import { Segmented } from './Segmented';

export interface ImageSettings {
  source: SourceKind;
  digit: number;
  kernelName: string;
  stride: number;
  padding: Padding;
  relu: boolean;
  pool: PoolKind | 'none';
  poolSize: number;
  poolStride: number;
}

interface Props {
  settings: ImageSettings;
  onSettings(s: ImageSettings): void;
  onPhoto(file: File): void;
  /** A kernel taken from a trained model: becomes the editor kernel and is applied. */
  onModelKernel(kernel: Matrix): void;
  photoError: string | null;
  custom: Matrix;
  lang: 'en' | 'es';
}

export function ImageSidebar({
  settings: s,
  onSettings,
  onPhoto,
  onModelKernel,
  photoError,
  custom,
  lang,
}: Props) {
  const { t } = useTranslation('convLab');
  const set = (patch: Partial<ImageSettings>) => onSettings({ ...s, ...patch });
  const nums = (ns: number[]) => ns.map((n) => ({ value: n, label: String(n) }));
  return (
    <aside className="cl-side" aria-label={t('tabImage')}>
      <div className="cl-field">
        <span className="cl-label">{t('source')}</span>
        <Segmented<SourceKind>
          label={t('source')}
          testId="convlab-source"
          value={s.source}
          onChange={(source) => set({ source })}
          options={[
            { value: 'scene', label: t('sourceScene') },
            { value: 'mnist', label: t('sourceMnist') },
            { value: 'photo', label: t('sourcePhoto') },
          ]}
        />
        {s.source === 'mnist' && (
          <label className="cl-inline">
            {t('digit')}
            <select
              className="select"
              data-testid="convlab-digit"
              value={s.digit}
              onChange={(e) => set({ digit: Number(e.target.value) })}
            >
              {Array.from({ length: 10 }, (_, i) => (
                <option key={i}>{i}</option>
              ))}
            </select>
          </label>
        )}
        {s.source === 'photo' && (
          <>
            <label className="button cl-file">
              {t('openPhoto')}
              <input
                type="file"
                accept="image/png,image/jpeg"
                data-testid="convlab-photo"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) onPhoto(file);
                  e.target.value = '';
                }}
              />
            </label>
            <p className="cl-hint">{t('photoHint', { max: MAX_IMAGE_SIDE })}</p>
            {photoError && <p className="cl-error">{photoError}</p>}
          </>
        )}
      </div>
      <div className="cl-field">
        <span className="cl-label">{t('gallery')}</span>
        <KernelGallery
          selected={s.kernelName}
          onSelect={(kernelName) => set({ kernelName })}
          custom={custom}
          lang={lang}
        />
      </div>
      <div className="cl-field cl-inline cl-inline--spread">
        <span>
          <span className="cl-label">{t('stride')}</span>
          <Segmented
            label={t('stride')}
            value={s.stride}
            onChange={(stride) => set({ stride })}
            options={nums([1, 2, 3])}
          />
        </span>
        <span>
          <span className="cl-label">{t('padding')}</span>
          <Segmented<Padding>
            label={t('padding')}
            value={s.padding}
            onChange={(padding) => set({ padding })}
            options={[
              { value: 'valid', label: 'valid' },
              { value: 'same', label: 'same' },
            ]}
          />
        </span>
      </div>
      <label className="cl-field cl-check">
        <input
          type="checkbox"
          data-testid="convlab-relu"
          checked={s.relu}
          onChange={(e) => set({ relu: e.target.checked })}
        />
        <span>
          <strong>{t('relu')}</strong> <span className="muted">{t('reluHint')}</span>
        </span>
      </label>
      <div className="cl-field">
        <span className="cl-label">{t('pooling')}</span>
        <Segmented<PoolKind | 'none'>
          label={t('pooling')}
          testId="convlab-pool"
          value={s.pool}
          onChange={(pool) => set({ pool })}
          options={[
            { value: 'none', label: t('poolNone') },
            { value: 'max', label: t('poolMax') },
            { value: 'avg', label: t('poolAvg') },
          ]}
        />
        {s.pool !== 'none' && (
          <div className="cl-inline cl-inline--spread">
            <span>
              <span className="cl-label">{t('poolSize')}</span>
              <Segmented
                label={t('poolSize')}
                value={s.poolSize}
                onChange={(poolSize) => set({ poolSize, poolStride: poolSize })}
                options={nums([2, 3, 4])}
              />
            </span>
            <span>
              <span className="cl-label">{t('poolStride')}</span>
              <Segmented
                label={t('poolStride')}
                value={s.poolStride}
                onChange={(poolStride) => set({ poolStride })}
                options={nums([1, 2, 3, 4])}
              />
            </span>
          </div>
        )}
      </div>
      <ModelKernels onPick={onModelKernel} />
    </aside>
  );
}
