// The feature map as it fills in: cells up to the current window show tf.conv2d's values, the current one is outlined.
import type { Matrix } from '../../../../shared/conv-lab/types';
import { cellTint, fmt, maxAbs } from './cell-style';

interface Props {
  /** The whole map from tf.conv2d; only cells up to `revealed` (row-major index) are shown. */
  values: Matrix;
  revealed: number;
  current: number;
  label: string;
  cellSize?: number;
}

export function OutputGrid({ values, revealed, current, label, cellSize = 40 }: Props) {
  const cols = values[0]?.length ?? 0;
  const scale = maxAbs(values);
  return (
    <div
      className="cl-grid"
      data-testid="convlab-output"
      role="grid"
      aria-label={label}
      style={{ gridTemplateColumns: `repeat(${cols}, ${cellSize}px)`, gridAutoRows: `${cellSize}px` }}
    >
      {values.flatMap((row, r) =>
        row.map((v, c) => {
          const i = r * cols + c;
          const shown = i <= revealed;
          return (
            <div
              key={i}
              className={`cl-cell cl-cell--out${shown ? '' : ' cl-cell--empty'}${i === current ? ' cl-cell--current' : ''}`}
              style={shown ? cellTint(v, scale) : undefined}
              data-value={shown ? v : undefined}
            >
              {shown ? fmt(v) : ''}
            </div>
          );
        }),
      )}
    </div>
  );
}
