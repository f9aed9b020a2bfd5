// The current window's element-wise products (input × weight) and their sum, next to the value tf.conv2d wrote.
import { useTranslation } from 'react-i18next';
import type { ConvWindow } from '../../../../shared/conv-lab/windows';
import { fmt } from './cell-style';

interface Props {
  win: ConvWindow;
  kernelWidth: number;
  tfValue: number;
}

export function ProductsPanel({ win, kernelWidth, tfValue }: Props) {
  const { t } = useTranslation('convLab');
  const agree = Math.abs(win.sum - tfValue) < 1e-4;
  const cell = kernelWidth > 4 ? 44 : 58;
  return (
    <section className="panel cl-products" data-testid="convlab-products">
      <h3 className="panel__title">
        {t('products')} · {t('windowAt', { r: win.outRow, c: win.outCol })}
      </h3>
      <div className="cl-products__body">
        <div className="cl-prod-grid" style={{ gridTemplateColumns: `repeat(${kernelWidth}, ${cell}px)` }}>
          {win.cells.map((c, i) => (
            <div
              key={i}
              className={`cl-prod${c.inside ? '' : ' cl-prod--pad'}${c.product === 0 ? ' cl-prod--zero' : ''}`}
            >
              <span className="cl-prod__terms">
                {fmt(c.value)}×{fmt(c.weight)}
              </span>
              <span className="cl-prod__value">{fmt(c.product)}</span>
            </div>
          ))}
        </div>
        <div className="cl-sum">
          <span className="muted">{t('sumLine')}</span>
          <code className="cl-sum__terms">
            {win.cells.map((c) => fmt(c.product)).join(' + ')} = <strong>{fmt(win.sum)}</strong>
          </code>
          <p className={agree ? 'cl-ok' : 'cl-error'}>
            {agree
              ? t('fromTf', { value: fmt(tfValue), r: win.outRow, c: win.outCol })
              : t('mismatch', { sum: fmt(win.sum), value: fmt(tfValue) })}
          </p>
        </div>
      </div>
    </section>
  );
}
