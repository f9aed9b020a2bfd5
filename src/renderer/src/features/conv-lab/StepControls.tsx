// First / previous / play-pause / next / show-all buttons, the speed slider and the window counter.
import { useTranslation } from 'react-i18next';
import type { Stepper } from './useStepper';

/** Media-style icons drawn as SVG: the unicode ones are missing from many system fonts. */
function Icon({ d }: { d: string }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
      <path d={d} />
    </svg>
  );
}
const FIRST = 'M2 2h2.5v12H2zM14 2v12L5.5 8z';
const PREV = 'M12 2v12L3.5 8z';
const NEXT = 'M4 2v12l8.5-6z';
const LAST = 'M11.5 2H14v12h-2.5zM2 2v12l8.5-6z';
const PLAY = 'M4 2v12l10-6z';
const PAUSE = 'M3 2h3.5v12H3zM9.5 2H13v12H9.5z';

export function StepControls({ stepper, count }: { stepper: Stepper; count: number }) {
  const { t } = useTranslation('convLab');
  const { step, playing, speed } = stepper;
  const last = count - 1;
  const iconButton = (label: string, d: string, disabled: boolean, onClick: () => void) => (
    <button
      className="icon-button"
      type="button"
      title={label}
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon d={d} />
    </button>
  );
  return (
    <div className="cl-controls">
      <div className="cl-controls__buttons">
        {iconButton(t('first'), FIRST, step === 0, () => stepper.setStep(0))}
        {iconButton(t('prev'), PREV, step === 0, () => stepper.setStep(step - 1))}
        <button
          className="button button--primary cl-play"
          type="button"
          data-testid="convlab-play"
          onClick={stepper.toggle}
          disabled={count <= 1}
        >
          <Icon d={playing ? PAUSE : PLAY} /> {playing ? t('pause') : t('play')}
        </button>
        <button
          className="button"
          type="button"
          data-testid="convlab-step"
          disabled={step >= last}
          onClick={() => stepper.setStep(step + 1)}
        >
          {t('next')} <Icon d={NEXT} />
        </button>
        {iconButton(t('last'), LAST, step >= last, () => stepper.setStep(last))}
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
        <span className="muted cl-controls__speedval">{t('speedValue', { n: speed })}</span>
      </label>
    </div>
  );
}
