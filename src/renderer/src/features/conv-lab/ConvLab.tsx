// The Conv lab view: "step by step" on a small grid and "on an image", sharing the kernel being edited.
// The shared layout first, so each tab's own styles come after it.
import './conv-lab.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COURSE_INPUT, COURSE_KERNEL } from '../../../../shared/conv-lab/matrix';
import type { Matrix } from '../../../../shared/conv-lab/types';
import type { ImageSettings } from './ImageSidebar';
import { ImageView } from './ImageView';
import { Segmented } from './Segmented';
import type { StepSettings } from './StepSidebar';
import { StepView } from './StepView';
import { useTf } from './useTf';

type Tab = 'step' | 'image';

const copy = (m: Matrix): Matrix => m.map((r) => [...r]);

export function ConvLab() {
  const { t, i18n } = useTranslation('convLab');
  const lang = i18n.language.startsWith('es') ? 'es' : 'en';
  const { tf, error } = useTf();
  const [tab, setTab] = useState<Tab>('step');
  const [kernel, setKernel] = useState<Matrix>(() => copy(COURSE_KERNEL));
  const [step, setStep] = useState<StepSettings>(() => ({
    input: copy(COURSE_INPUT),
    stride: 1,
    padding: 'valid',
    mode: 'type',
    brush: 1,
  }));
  const [image, setImage] = useState<ImageSettings>({
    source: 'scene',
    digit: 7,
    kernelName: 'vertical-edge',
    stride: 1,
    padding: 'same',
    relu: true,
    pool: 'max',
    poolSize: 2,
    poolStride: 2,
  });
  return (
    <div className="cl" data-testid="convlab">
      <header className="cl-head">
        <h2 className="cl-title">{t('title')}</h2>
        <Segmented<Tab>
          label={t('title')}
          testId="convlab-tabs"
          value={tab}
          onChange={setTab}
          options={[
            { value: 'step', label: t('tabStep') },
            { value: 'image', label: t('tabImage') },
          ]}
        />
      </header>
      {error ? (
        <p className="cl-error cl-pad">{t('tfFailed', { message: error })}</p>
      ) : !tf ? (
        <p className="muted cl-pad">{t('loadingTf')}</p>
      ) : tab === 'step' ? (
        <StepView
          tf={tf}
          settings={step}
          onSettings={setStep}
          kernel={kernel}
          onKernel={setKernel}
          lang={lang}
        />
      ) : (
        <ImageView
          tf={tf}
          settings={image}
          onSettings={setImage}
          custom={kernel}
          onCustom={setKernel}
          lang={lang}
        />
      )}
    </div>
  );
}
