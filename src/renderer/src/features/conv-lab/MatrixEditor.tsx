// An editable grid of numbers (typed, or painted with a brush), with the padding ring and the current window drawn on it.
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../../../../shared/conv-lab/types';
import { cellTint, fmt, maxAbs } from './cell-style';

export type EditMode = 'type' | 'paint';

export interface Pad {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Rows and columns in input coordinates (may start in the padding, i.e. be negative). */
export interface WindowBox {
  top: number;
  left: number;
  height: number;
  width: number;
  /** The kernel, shown as a small "×w" on each cell under the window (as the course draws it). */
  weights?: Matrix;
}

interface Props {
  matrix: Matrix;
  /** Leave out for a read-only grid. */
  onChange?: (m: Matrix) => void;
  mode?: EditMode;
  brush?: number;
  pad?: Pad;
  win?: WindowBox;
  testId: string;
  label: string;
  cellSize?: number;
}

const NO_PAD: Pad = { top: 0, bottom: 0, left: 0, right: 0 };
/** Gap between cells in px; keep equal to `.cl-grid { gap }`. */
const GAP = 3;

function NumberCell({
  value,
  onCommit,
  label,
}: {
  value: number;
  onCommit: (v: number) => void;
  label: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      className="cl-cell__input"
      inputMode="decimal"
      aria-label={label}
      value={draft ?? fmt(value)}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => {
        setDraft(e.target.value);
        const v = Number(e.target.value.replace(',', '.'));
        if (e.target.value.trim() !== '' && Number.isFinite(v)) onCommit(v);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

export function MatrixEditor({
  matrix,
  onChange,
  mode = 'type',
  brush = 1,
  pad = NO_PAD,
  win,
  testId,
  label,
  cellSize = 40,
}: Props) {
  const { t } = useTranslation('convLab');
  const painting = useRef(false);
  useEffect(() => {
    const stop = () => (painting.current = false);
    window.addEventListener('pointerup', stop);
    return () => window.removeEventListener('pointerup', stop);
  }, []);
  const h = matrix.length;
  const w = matrix[0]?.length ?? 0;
  const rows = h + pad.top + pad.bottom;
  const cols = w + pad.left + pad.right;
  const scale = maxAbs(matrix);
  const set = (r: number, c: number, v: number) => {
    if (!onChange || matrix[r][c] === v) return;
    onChange(matrix.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row)));
  };
  const inWin = (r: number, c: number) =>
    win !== undefined &&
    r >= win.top &&
    r < win.top + win.height &&
    c >= win.left &&
    c < win.left + win.width;

  const cells = [];
  for (let gr = 0; gr < rows; gr++) {
    for (let gc = 0; gc < cols; gc++) {
      const r = gr - pad.top;
      const c = gc - pad.left;
      const inside = r >= 0 && r < h && c >= 0 && c < w;
      const hot = inWin(r, c);
      const weight = hot && win?.weights ? win.weights[r - win.top]?.[c - win.left] : undefined;
      const tag = weight !== undefined && <span className="cl-cell__w">×{fmt(weight)}</span>;
      const cls = `cl-cell${inside ? '' : ' cl-cell--pad'}${hot ? ' cl-cell--win' : ''}`;
      if (!inside) {
        cells.push(
          <div key={`${gr}-${gc}`} className={cls} title={t('paddingCell')}>
            0{tag}
          </div>,
        );
        continue;
      }
      const v = matrix[r][c];
      const style: CSSProperties = cellTint(v, scale);
      const name = `${label} (${r + 1}, ${c + 1})`;
      if (onChange && mode === 'type') {
        cells.push(
          <div key={`${gr}-${gc}`} className={cls} style={style}>
            <NumberCell value={v} label={name} onCommit={(x) => set(r, c, x)} />
            {tag}
          </div>,
        );
      } else {
        cells.push(
          <div
            key={`${gr}-${gc}`}
            className={`${cls}${onChange ? ' cl-cell--paint' : ''}`}
            style={style}
            aria-label={`${name}: ${fmt(v)}`}
            onPointerDown={(e) => {
              if (!onChange) return;
              e.preventDefault();
              painting.current = true;
              set(r, c, brush);
            }}
            onPointerEnter={() => painting.current && set(r, c, brush)}
          >
            {fmt(v)}
            {tag}
          </div>,
        );
      }
    }
  }
  return (
    <div
      className="cl-grid"
      data-testid={testId}
      role="grid"
      aria-label={label}
      style={{
        gridTemplateColumns: `repeat(${cols}, ${cellSize}px)`,
        gridAutoRows: `${cellSize}px`,
        gap: GAP,
      }}
    >
      {cells}
      {win && (
        <div
          className="cl-window"
          aria-hidden="true"
          style={{
            left: (win.left + pad.left) * (cellSize + GAP) - 3,
            top: (win.top + pad.top) * (cellSize + GAP) - 3,
            width: win.width * (cellSize + GAP) - GAP + 6,
            height: win.height * (cellSize + GAP) - GAP + 6,
          }}
        />
      )}
    </div>
  );
}
