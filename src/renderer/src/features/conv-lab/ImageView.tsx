// The image lab: a picture, the chosen kernel through tf.conv2d, then ReLU, then pooling, side by side with sizes and colour scales.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { galleryKernel } from '../../../../shared/conv-lab/kernels';
import { runPipeline, type PipelineResult, type Tf } from '../../../../shared/conv-lab/ops';
import type { Grid, Matrix } from '../../../../shared/conv-lab/types';
import { GridCanvas } from './GridCanvas';
import { decodePhoto, digitGrid, sceneGrid } from './image-sources';
import { ImageSidebar, type ImageSettings } from './ImageSidebar';
import './conv-lab-image.css';
import { CUSTOM } from './KernelGallery';

interface Props {
  tf: Tf;
  settings: ImageSettings;
  onSettings(s: ImageSettings): void;
  custom: Matrix;
  onCustom(k: Matrix): void;
  lang: 'en' | 'es';
}

export function ImageView({ tf, settings: s, onSettings, custom, onCustom, lang }: Props) {
  const { t } = useTranslation('convLab');
  const [photo, setPhoto] = useState<Grid | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const scene = useMemo(sceneGrid, []);
  const input = useMemo(
    () => (s.source === 'mnist' ? digitGrid(s.digit) : s.source === 'photo' && photo ? photo : scene),
    [s.source, s.digit, photo, scene],
  );
  const named = galleryKernel(s.kernelName);
  const kernel = named?.kernel ?? custom;
  const result = useMemo((): PipelineResult | string => {
    try {
      return runPipeline(tf, input, kernel, {
        stride: s.stride,
        padding: s.padding,
        relu: s.relu,
        pool: s.pool === 'none' ? undefined : { kind: s.pool, size: s.poolSize, stride: s.poolStride },
      });
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }, [tf, input, kernel, s.stride, s.padding, s.relu, s.pool, s.poolSize, s.poolStride]);

  const onPhoto = (file: File) => {
    decodePhoto(file).then(
      (g) => {
        setPhoto(g);
        setPhotoError(null);
      },
      () => setPhotoError(t('photoFailed', { name: file.name })),
    );
  };
  const stages = typeof result === 'string' ? 1 : 2 + (result.relu ? 1 : 0) + (result.pool ? 1 : 0);
  // Four stages and three arrows must fit one row of the narrowest main pane (1280 px window).
  const display = stages <= 2 ? 300 : stages === 3 ? 240 : 180;
  const kindLabel = s.pool === 'max' ? t('stageMax') : t('stageAvg');
  const size = (h: number, w: number) => t('size', { h, w });

  return (
    <div className="cl-view">
      <ImageSidebar
        settings={s}
        onSettings={onSettings}
        onPhoto={onPhoto}
        onModelKernel={(k) => {
          onCustom(k);
          onSettings({ ...s, kernelName: CUSTOM });
        }}
        photoError={photoError}
        custom={custom}
        lang={lang}
      />
      <section className="cl-main">
        <div className="cl-pipeline" data-testid="convlab-image-result">
          <GridCanvas
            title={t('stageInput')}
            grid={input}
            display={display}
            testId="convlab-stage-input"
            plain
          />
          {typeof result === 'string' ? (
            <p className="cl-error">{t('pipelineFailed', { message: result })}</p>
          ) : (
            <>
              <span className="cl-arrow">→</span>
              <GridCanvas
                title={t('stageConv')}
                grid={result.conv}
                display={display}
                testId="convlab-stage-conv"
              />
              {result.relu && (
                <>
                  <span className="cl-arrow">→</span>
                  <GridCanvas
                    title={t('stageRelu')}
                    grid={result.relu}
                    display={display}
                    testId="convlab-stage-relu"
                  />
                </>
              )}
              {result.pool && (
                <>
                  <span className="cl-arrow">→</span>
                  <GridCanvas
                    title={t('stagePool', { kind: kindLabel, size: s.poolSize })}
                    grid={result.pool}
                    display={display}
                    testId="convlab-stage-pool"
                  />
                </>
              )}
            </>
          )}
        </div>
        <section className="panel cl-explain">
          <h3 className="panel__title">{named ? named.label[lang] : t('custom')}</h3>
          <div className="cl-explain__body">
            <p className="cl-text">{named ? named.text[lang] : t('customText')}</p>
            {typeof result !== 'string' && (
              <ul className="cl-text cl-explain__stages" data-testid="convlab-explain">
                <li>
                  {t('explainConv', {
                    k: size(kernel.length, kernel[0].length),
                    n: size(input.height, input.width),
                    out: size(result.conv.height, result.conv.width),
                    s: s.stride,
                    p: s.padding,
                  })}
                </li>
                {result.relu && <li>{t('explainRelu')}</li>}
                {result.pool && (
                  <li>
                    {t(s.pool === 'max' ? 'explainPoolMax' : 'explainPoolAvg', {
                      size: s.poolSize,
                      s: s.poolStride,
                      from: size((result.relu ?? result.conv).height, (result.relu ?? result.conv).width),
                      to: size(result.pool.height, result.pool.width),
                    })}
                  </li>
                )}
              </ul>
            )}
          </div>
        </section>
      </section>
    </div>
  );
}
