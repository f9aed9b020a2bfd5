// The output-size formula with this configuration's numbers, and why the borders behave as they do.
import { useTranslation } from 'react-i18next';
import { formulaText, type Geometry2D } from '../../../../shared/conv-lab/geometry';
import type { Padding } from '../../../../shared/conv-lab/types';

export function FormulaPanel({
  geo,
  padding,
  stride,
}: {
  geo: Geometry2D;
  padding: Padding;
  stride: number;
}) {
  const { t } = useTranslation('convLab');
  const { rows, cols } = geo;
  const sameAxes = rows.n === cols.n && rows.k === cols.k;
  const size = (h: number, w: number) => t('size', { h, w });
  const k = size(rows.k, cols.k);
  const n = size(rows.n, cols.n);
  const out = size(rows.out, cols.out);
  const pads = [rows.padBefore, rows.padAfter, cols.padBefore, cols.padAfter];
  return (
    <section className="panel cl-formula" data-testid="convlab-formula">
      <h3 className="panel__title">{t('formulaTitle')}</h3>
      <div className="cl-formula__body">
        <p className="cl-formula__generic">{t('formulaGeneric')}</p>
        {sameAxes ? (
          <p className="cl-formula__line">{formulaText(rows)}</p>
        ) : (
          <>
            <p className="cl-formula__line">
              <span className="muted">{t('formulaRows')}:</span> {formulaText(rows)}
            </p>
            <p className="cl-formula__line">
              <span className="muted">{t('formulaCols')}:</span> {formulaText(cols)}
            </p>
          </>
        )}
        <p className="cl-hint">{t('formulaLegend')}</p>
        <h4 className="cl-subtitle">{t('bordersTitle')}</h4>
        <p className="cl-text" data-testid="convlab-borders">
          {padding === 'valid'
            ? t('borderValid', { k, n, out, lost: rows.k - 1 })
            : t('borderSame', {
                p: Math.max(...pads) === Math.min(...pads) ? String(pads[0]) : pads.join('/'),
                out,
              })}
          {stride > 1 && ` ${t('borderStride', { s: stride })}`}
        </p>
      </div>
    </section>
  );
}
