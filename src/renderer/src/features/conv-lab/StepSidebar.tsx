// Settings of the step-by-step lab: grid and kernel size, stride, padding, how to edit, and quick fills.
import { useTranslation } from 'react-i18next';
import { GALLERY } from '../../../../shared/conv-lab/kernels';
import { COURSE_INPUT, COURSE_KERNEL, resizeMatrix } from '../../../../shared/conv-lab/matrix';
import { MAX_KERNEL, type Matrix, type Padding } from '../../../../shared/conv-lab/types';
import type { EditMode } from './MatrixEditor';
import { Segmented } from './Segmented';

export interface StepSettings {
  input: Matrix;
  stride: number;
  padding: Padding;
  mode: EditMode;
  brush: number;
}

interface Props {
  settings: StepSettings;
  onSettings(s: StepSettings): void;
  kernel: Matrix;
  onKernel(k: Matrix): void;
  /** Back to the first window (the course example starts from its beginning). */
  onRestart(): void;
  lang: 'en' | 'es';
}

const SIZES = [2, 3, 4, 5, 6, 7, 8, 9, 10];

export function StepSidebar({ settings, onSettings, kernel, onKernel, onRestart, lang }: Props) {
  const { t } = useTranslation('convLab');
  const s = settings;
  const h = s.input.length;
  const w = s.input[0].length;
  const set = (patch: Partial<StepSettings>) => onSettings({ ...s, ...patch });
  const random = () => set({ input: s.input.map((row) => row.map(() => Math.round(Math.random()))) });
  return (
    <aside className="cl-side" aria-label={t('tabStep')}>
      <div className="cl-field">
        <span className="cl-label">{t('grid')}</span>
        <div className="cl-inline">
          <label>
            {t('rows')}{' '}
            <select
              className="select"
              value={h}
              onChange={(e) => set({ input: resizeMatrix(s.input, Number(e.target.value), w) })}
            >
              {SIZES.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label>
            {t('cols')}{' '}
            <select
              className="select"
              value={w}
              onChange={(e) => set({ input: resizeMatrix(s.input, h, Number(e.target.value)) })}
            >
              {SIZES.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <label className="cl-field">
        <span className="cl-label">{t('kernelSize')}</span>
        <select
          className="select"
          data-testid="convlab-kernel-size"
          value={kernel.length}
          onChange={(e) => onKernel(resizeMatrix(kernel, Number(e.target.value), Number(e.target.value)))}
        >
          {Array.from({ length: MAX_KERNEL }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}×{n}
            </option>
          ))}
        </select>
      </label>
      <div className="cl-field">
        <span className="cl-label">{t('stride')}</span>
        <Segmented
          label={t('stride')}
          testId="convlab-stride"
          value={s.stride}
          onChange={(stride) => set({ stride })}
          options={[1, 2, 3].map((n) => ({ value: n, label: String(n) }))}
        />
      </div>
      <div className="cl-field">
        <span className="cl-label">{t('padding')}</span>
        <Segmented<Padding>
          label={t('padding')}
          testId="convlab-padding"
          value={s.padding}
          onChange={(padding) => set({ padding })}
          options={[
            { value: 'valid', label: 'valid' },
            { value: 'same', label: 'same' },
          ]}
        />
      </div>
      <div className="cl-field">
        <span className="cl-label">{t('edit')}</span>
        <div className="cl-inline">
          <Segmented<EditMode>
            label={t('edit')}
            value={s.mode}
            onChange={(mode) => set({ mode })}
            options={[
              { value: 'type', label: t('editType') },
              { value: 'paint', label: t('editPaint') },
            ]}
          />
          {s.mode === 'paint' && (
            <label className="cl-brush">
              {t('brush')}{' '}
              <input
                className="input"
                type="number"
                step="any"
                value={s.brush}
                onChange={(e) => set({ brush: Number(e.target.value) || 0 })}
              />
            </label>
          )}
        </div>
        {s.mode === 'paint' && <p className="cl-hint">{t('paintHint')}</p>}
      </div>
      <label className="cl-field">
        <span className="cl-label">{t('loadKernel')}</span>
        <select
          className="select"
          value=""
          onChange={(e) => {
            const k = GALLERY.find((g) => g.name === e.target.value);
            if (k) onKernel(k.kernel.map((row) => [...row]));
          }}
        >
          <option value="">{t('loadKernelPick')}</option>
          {GALLERY.map((g) => (
            <option key={g.name} value={g.name}>
              {g.label[lang]}
            </option>
          ))}
        </select>
      </label>
      <div className="cl-buttons">
        <button
          className="button"
          type="button"
          data-testid="convlab-course"
          onClick={() => {
            onSettings({ ...s, input: COURSE_INPUT.map((r) => [...r]), stride: 1, padding: 'valid' });
            onKernel(COURSE_KERNEL.map((r) => [...r]));
            onRestart();
          }}
        >
          {t('courseExample')}
        </button>
        <button className="button" type="button" onClick={random}>
          {t('random')}
        </button>
        <button className="button" type="button" onClick={() => set({ input: resizeMatrix([], h, w) })}>
          {t('clear')}
        </button>
      </div>
    </aside>
  );
}
