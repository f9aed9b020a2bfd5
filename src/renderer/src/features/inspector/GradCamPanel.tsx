// Grad-CAM: where the last conv layer found evidence for a class, over the input with adjustable opacity.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProbeInput, ProbeSource, ProbedInput } from '../../../../shared/ipc/contract';
import type { GradCam } from '../../../../shared/probes';
import { invoke } from '../../lib/ipc';
import { Legend } from './Legend';
import { ImageCanvas, PlaneCanvas } from './PlaneCanvas';

const SIZE = 280;
const UNIT = { lo: 0, hi: 1 };

export function GradCamPanel({ source, input }: { source: ProbeSource; input: ProbeInput }) {
  const { t } = useTranslation('inspector');
  const [classIndex, setClassIndex] = useState<number | null>(null);
  const [opacity, setOpacity] = useState(0.55);
  const [result, setResult] = useState<(ProbedInput & { cam: GradCam }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    invoke('probe:gradcam', { source, input, classIndex: classIndex ?? undefined }).then(
      (r) => {
        if (!live) return;
        setResult(r);
        setError(null);
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [source, input, classIndex]);

  if (error) return <p className="in-error">{error}</p>;
  if (!result) return <p className="muted">{t('loading')}</p>;
  const { cam, image } = result;
  const [h, w] = cam.shape;
  const output = Array.from(cam.output);
  const predicted = output.indexOf(Math.max(...output));
  const top = Math.max(...output.map(Math.abs), 1e-9);

  return (
    <div className="in-cam">
      <div className="in-toolbar">
        <label className="in-field">
          <span className="muted">{t('gradcam.class')}</span>
          <select
            className="select"
            value={classIndex ?? 'auto'}
            data-testid="gradcam-class"
            onChange={(e) => setClassIndex(e.target.value === 'auto' ? null : Number(e.target.value))}
          >
            <option value="auto">{t('gradcam.predictedClass', { label: predicted })}</option>
            {output.map((_, k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="in-slider">
          <span>
            {t('gradcam.opacity')} {Math.round(opacity * 100)}%
          </span>
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={opacity}
            data-testid="gradcam-opacity"
            onChange={(e) => setOpacity(Number(e.target.value))}
          />
        </label>
        <Legend cmap="turbo" lo={0} hi={1} />
        <span className="muted">
          {t('gradcam.layerInfo', { cls: cam.classIndex, layer: cam.layer, shape: cam.camShape.join('×') })}
        </span>
      </div>
      <div className="in-cam__row">
        <figure className="in-cam__fig">
          <div
            className="in-cam__stack"
            data-testid="gradcam-overlay"
            data-class={cam.classIndex}
            style={{ width: SIZE, height: (SIZE * h) / w }}
          >
            <ImageCanvas
              data={image.data}
              height={image.shape[0]}
              width={image.shape[1]}
              channels={image.shape[2]}
              size={SIZE}
            />
            <div className="in-cam__heat" style={{ opacity }}>
              <PlaneCanvas
                values={cam.heatmap}
                height={h}
                width={w}
                range={UNIT}
                cmap="turbo"
                size={SIZE}
                className="in-plane--smooth in-plane--clear"
                fade
              />
            </div>
          </div>
          <figcaption>{t('gradcam.overlay')}</figcaption>
        </figure>
        <figure className="in-cam__fig">
          <PlaneCanvas
            values={cam.heatmap}
            height={h}
            width={w}
            range={UNIT}
            cmap="turbo"
            size={SIZE}
            className="in-plane--smooth"
            testId="gradcam-heatmap"
          />
          <figcaption>{t('gradcam.heatmap')}</figcaption>
        </figure>
        <div className="in-probs">
          <h3>{t('gradcam.probabilities')}</h3>
          {output.map((p, k) => (
            <button
              key={k}
              type="button"
              className={`in-probs__row${k === cam.classIndex ? ' is-on' : ''}`}
              onClick={() => setClassIndex(k)}
            >
              <span className="in-probs__k">{k}</span>
              <span className="in-probs__bar">
                <span style={{ width: `${(Math.abs(p) / top) * 100}%` }} />
              </span>
              <span className="in-probs__p">{p.toFixed(3)}</span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
