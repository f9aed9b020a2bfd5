// First / previous / play-pause / next / show-all buttons, the speed slider and the window counter.
import { useTranslation } from 'react-i18next';
import type { Stepper } from './useStepper';

export function StepControls({ stepper, count }: { stepper: Stepper; count: number }) {
  const { t } = useTranslation('convLab');
  const { step, playing, speed } = stepper;
  const last = count - 1;
  return (
    <div className="cl-controls">
      <div className="cl-controls__buttons">
        <button
          className="icon-button"
          type="button"
          title={t('first')}
          aria-label={t('first')}
          disabled={step === 0}
          onClick={() => stepper.setStep(0)}
        >
          ⏮
        </button>
        <button
          className="icon-button"
          type="button"
          title={t('prev')}
          aria-label={t('prev')}
          disabled={step === 0}
          onClick={() => stepper.setStep(step - 1)}
        >
          ◀
        </button>
        <button
          className="button button--primary cl-play"
          type="button"
          data-testid="convlab-play"
          onClick={stepper.toggle}
          disabled={count <= 1}
        >
          {playing ? `❚❚ ${t('pause')}` : `▶ ${t('play')}`}
        </button>
        <button
          className="button"
          type="button"
          data-testid="convlab-step"
          title={t('next')}
          disabled={step >= last}
          onClick={() => stepper.setStep(step + 1)}
        >
          {t('next')} ▶
        </button>
        <button
          className="icon-button"
          type="button"
          title={t('last')}
          aria-label={t('last')}
          disabled={step >= last}
          onClick={() => stepper.setStep(last)}
        >
          ⏭
        </button>
      </div>
      <span className="cl-controls__count" data-testid="convlab-step-count">
        {t('windowOf', { i: step + 1, n: count })}
      </span>
      <label className="cl-controls__speed">
        {t('speed')}
        <input
          type="range"
          min={0.5}
          max={8}
          step={0.5}
          value={speed}
          onChange={(e) => stepper.setSpeed(Number(e.target.value))}
        />
        <span className="muted">{t('speedValue', { n: speed })}</span>
      </label>
    </div>
  );
}
