// The kernel gallery as buttons, each with its matrix in miniature, plus the kernel from the step-by-step editor.
import { useTranslation } from 'react-i18next';
import { GALLERY } from '../../../../shared/conv-lab/kernels';
import type { Matrix } from '../../../../shared/conv-lab/types';
import { cellTint, fmt, maxAbs } from './cell-style';

export const CUSTOM = 'custom';

function Mini({ kernel }: { kernel: Matrix }) {
  const scale = maxAbs(kernel);
  const fraction = kernel.flat().every((v) => Number.isInteger(v))
    ? null
    : kernel.flat().find((v) => v !== 0);
  // Blur weights read better as "1/16 × [1 2 1 …]": show integers scaled by the smallest non-zero weight.
  const unit = fraction
    ? Math.min(
        ...kernel
          .flat()
          .filter((v) => v !== 0)
          .map(Math.abs),
      )
    : 1;
  const divisor = Math.round(1 / unit);
  return (
    <span className="cl-mini__wrap" aria-hidden="true">
      <span className="cl-mini" style={{ gridTemplateColumns: `repeat(${kernel[0].length}, 1fr)` }}>
        {kernel.flat().map((v, i) => (
          <span key={i} style={cellTint(v, scale)}>
            {fmt(v / unit)}
          </span>
        ))}
      </span>
      {unit !== 1 && Math.abs(divisor * unit - 1) < 1e-9 && <span className="cl-mini__unit">÷{divisor}</span>}
    </span>
  );
}

interface Props {
  selected: string;
  onSelect(name: string): void;
  custom: Matrix;
  lang: 'en' | 'es';
}

export function KernelGallery({ selected, onSelect, custom, lang }: Props) {
  const { t } = useTranslation('convLab');
  const entries = [
    ...GALLERY.map((g) => ({ name: g.name, label: g.label[lang], kernel: g.kernel })),
    { name: CUSTOM, label: t('custom'), kernel: custom },
  ];
  return (
    <div className="cl-gallery" role="group" aria-label={t('gallery')}>
      {entries.map((e) => (
        <button
          key={e.name}
          type="button"
          className="cl-gallery__item"
          aria-pressed={selected === e.name}
          data-testid={`convlab-gallery-${e.name}`}
          onClick={() => onSelect(e.name)}
          title={e.label}
        >
          <Mini kernel={e.kernel} />
          <span className="cl-gallery__label">{e.label}</span>
        </button>
      ))}
    </div>
  );
}
