// After a run: its confusion matrix (a click shows that cell's images), the misclassified gallery, and the drawing pad.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunEvaluationPayload } from '../../../../shared/ipc/contract.ts';
import { pickImages } from './gallery.ts';
import { formatFraction } from '../training/format.ts';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { DigitPad } from './DigitPad.tsx';
import { ImageGallery } from './ImageGallery.tsx';
import type { RunInfo } from './run-info.ts';
import type { RunsActions } from './useRunsActions.ts';

export function RunDetails({ run, actions }: { run: RunInfo; actions: RunsActions }) {
  const { t } = useTranslation('runs');
  const [ev, setEv] = useState<RunEvaluationPayload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cell, setCell] = useState<[number, number] | null>(null);

  useEffect(() => {
    let live = true;
    setEv(null);
    setError(null);
    setCell(null);
    actions.evaluate(run.id).then(
      (e) => {
        if (!live) return;
        setEv(e);
        actions.evaluated(run.id, e.accuracy);
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [run.id, actions]);

  const fetchImages = useCallback((indices: number[]) => actions.images(run.id, indices), [actions, run.id]);
  const predict = useCallback(
    (image: Float32Array, shape: [number, number, number]) => actions.predict(run.id, image, shape),
    [actions, run.id],
  );
  const items = useMemo(() => {
    if (!ev) return [];
    return cell
      ? pickImages(ev, (tr, p) => tr === cell[0] && p === cell[1])
      : pickImages(ev, (tr, p) => tr !== p);
  }, [ev, cell]);

  return (
    <section className="rs-details" aria-label={t('details', { name: run.name })}>
      <h2 className="ts-h2">
        {t('details', { name: run.name })}
        {ev && <span className="rs-details__acc">{formatFraction(ev.accuracy)}</span>}
      </h2>
      {error && (
        <p className="ts-message ts-message--failed" role="alert">
          {error}
        </p>
      )}
      {!ev && !error && <p className="muted">{t('evaluating')}</p>}
      <div className="rs-details__grid">
        {ev && (
          <div className="rs-card">
            <h3>{t('confusion')}</h3>
            <ConfusionMatrix
              matrix={ev.confusion}
              classNames={ev.classNames}
              selected={cell}
              onSelect={(a, b) => setCell(cell?.[0] === a && cell[1] === b ? null : [a, b])}
            />
          </div>
        )}
        {ev && (
          <div className="rs-card">
            <ImageGallery
              testId={cell ? 'cell-gallery' : 'misclassified-gallery'}
              title={
                cell
                  ? t('cellImages', {
                      t: ev.classNames[cell[0]],
                      p: ev.classNames[cell[1]],
                      count: ev.confusion[cell[0]]![cell[1]],
                    })
                  : t('misclassified')
              }
              items={items}
              classNames={ev.classNames}
              fetchImages={fetchImages}
              emptyText={t('misclassifiedNone')}
            />
          </div>
        )}
        {run.hasModel && (
          <div className="rs-card">
            <h3>{t('draw')}</h3>
            <DigitPad predict={predict} />
          </div>
        )}
      </div>
    </section>
  );
}
