// A grid of test images fetched by index, each with its true and predicted label and the model's confidence.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TensorPayload } from '../../../../shared/ipc/contract.ts';
import { ImageTile } from '../training/ImageTile.tsx';
import type { GalleryItem } from './gallery.ts';

interface Props {
  title: string;
  items: GalleryItem[];
  classNames: string[];
  /** Fetches the test images at these indices as uint8 [n, h, w, c]. */
  fetchImages(indices: number[]): Promise<TensorPayload>;
  emptyText: string;
  testId?: string;
}

export function ImageGallery({ title, items, classNames, fetchImages, emptyText, testId }: Props) {
  const { t } = useTranslation('runs');
  const [images, setImages] = useState<{ key: string; tensor: TensorPayload } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = items.map((i) => i.index).join(',');

  useEffect(() => {
    if (!key) return;
    let live = true;
    fetchImages(key.split(',').map(Number)).then(
      (tensor) => live && setImages({ key, tensor }),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [key, fetchImages]);

  const tensor = images?.key === key ? images.tensor : null;
  const [, h = 0, w = 0, c = 1] = tensor?.shape ?? [];
  const size = h * w * c;
  return (
    <section className="rs-gallery" data-testid={testId}>
      <h3>{title}</h3>
      {items.length === 0 && <p className="muted">{emptyText}</p>}
      {error && (
        <p className="ts-message ts-message--failed" role="alert">
          {error}
        </p>
      )}
      <ul className="rs-gallery__grid">
        {items.map((item, i) => (
          <li key={item.index} className={item.trueLabel === item.predicted ? 'rs-ok' : 'rs-bad'}>
            {tensor && tensor.dtype === 'uint8' ? (
              <ImageTile
                pixels={tensor.data.subarray(i * size, (i + 1) * size)}
                height={h}
                width={w}
                channels={c}
                size={56}
                label={`#${item.index}`}
              />
            ) : (
              <div className="ts-tile ts-tile--empty" style={{ width: 56, height: 56 }} />
            )}
            <span className="rs-gallery__true">
              {t('trueLabel', { label: classNames[item.trueLabel] ?? item.trueLabel })}
            </span>
            <span className="rs-gallery__pred">
              {t('predictedLabel', {
                label: classNames[item.predicted] ?? item.predicted,
                confidence: `${(item.confidence * 100).toFixed(0)}%`,
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
