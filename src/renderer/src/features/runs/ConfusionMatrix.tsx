// The confusion matrix of a run's test set: rows true class, columns predicted; a click picks a cell.
import { useTranslation } from 'react-i18next';

interface Props {
  matrix: number[][];
  classNames: string[];
  selected: [number, number] | null;
  onSelect(trueClass: number, predicted: number): void;
}

export function ConfusionMatrix({ matrix, classNames, selected, onSelect }: Props) {
  const { t } = useTranslation('runs');
  const rowSums = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  return (
    <div className="rs-confusion-wrap">
      <table className="rs-confusion" data-testid="confusion-matrix" aria-label={t('confusion')}>
        <thead>
          <tr aria-hidden>
            <th />
            <th className="rs-confusion__axis" colSpan={classNames.length}>
              {t('axisPred')}
            </th>
          </tr>
          <tr>
            <th className="rs-confusion__corner" aria-hidden>
              {t('axisTrue')}
            </th>
            {classNames.map((name, j) => (
              <th key={j} scope="col" title={name}>
                {name.length > 6 ? `${name.slice(0, 5)}…` : name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, i) => (
            <tr key={i}>
              <th scope="row" title={classNames[i]}>
                {(classNames[i] ?? String(i)).slice(0, 8)}
              </th>
              {row.map((count, j) => {
                const share = rowSums[i] ? count / rowSums[i]! : 0;
                const isSel = selected?.[0] === i && selected?.[1] === j;
                const kind = i === j ? 'hit' : 'miss';
                // Opacity follows the share of the row, so small classes read as well as big ones.
                const alpha = count === 0 ? 0 : 0.12 + 0.88 * Math.sqrt(share);
                return (
                  <td key={j} className={`rs-cell rs-cell--${kind}${isSel ? ' rs-cell--selected' : ''}`}>
                    <button
                      type="button"
                      style={{ ['--a' as string]: alpha.toFixed(3) }}
                      data-true={i}
                      data-pred={j}
                      aria-pressed={isSel}
                      title={t('cellImages', { t: classNames[i], p: classNames[j], count })}
                      onClick={() => onSelect(i, j)}
                    >
                      {count}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted rs-hint">{t('confusionHint')}</p>
    </div>
  );
}
