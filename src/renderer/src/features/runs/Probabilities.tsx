// Class probabilities as horizontal bars, the predicted class highlighted.
import { useTranslation } from 'react-i18next';

export function Probabilities({
  probabilities,
  classNames,
}: {
  probabilities: number[];
  classNames: string[];
}) {
  const { t } = useTranslation('runs');
  const best = probabilities.indexOf(Math.max(...probabilities));
  const sum = probabilities.reduce((a, b) => a + b, 0);
  return (
    <div
      className="rs-probs"
      data-testid="prediction-probabilities"
      data-sum={sum.toFixed(6)}
      data-predicted={best}
    >
      <div className="rs-probs__title">{t('prediction', { label: classNames[best] ?? String(best) })}</div>
      <ul aria-label={t('probabilities')}>
        {probabilities.map((p, i) => (
          <li
            key={i}
            className={i === best ? 'rs-probs__best' : undefined}
            data-class={i}
            data-probability={p}
          >
            <span className="rs-probs__name">{classNames[i] ?? i}</span>
            <span className="rs-probs__bar">
              <span style={{ width: `${(p * 100).toFixed(1)}%` }} />
            </span>
            <span className="rs-probs__value">{(p * 100).toFixed(1)}%</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
