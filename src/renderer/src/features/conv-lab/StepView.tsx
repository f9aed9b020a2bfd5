// The step-by-step lab: input × kernel = feature map, one window at a time, with its products, the size formula and border effects.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { geometry2D } from '../../../../shared/conv-lab/geometry';
import { gridToMatrix, matrixToGrid } from '../../../../shared/conv-lab/matrix';
import { convolve, type Tf } from '../../../../shared/conv-lab/ops';
import type { Matrix } from '../../../../shared/conv-lab/types';
import { enumerateWindows } from '../../../../shared/conv-lab/windows';
import { fmt } from './cell-style';
import { FormulaPanel } from './FormulaPanel';
import { MatrixEditor } from './MatrixEditor';
import { OutputGrid } from './OutputGrid';
import { ProductsPanel } from './ProductsPanel';
import { StepControls } from './StepControls';
import { StepSidebar, type StepSettings } from './StepSidebar';
import { useStepper } from './useStepper';
import './conv-lab-step.css';

interface Props {
  tf: Tf;
  settings: StepSettings;
  onSettings(s: StepSettings): void;
  kernel: Matrix;
  onKernel(k: Matrix): void;
  lang: 'en' | 'es';
}

function cellSizeFor(cols: number): number {
  return Math.max(28, Math.min(50, Math.floor(340 / cols)));
}

export function StepView({ tf, settings, onSettings, kernel, onKernel, lang }: Props) {
  const { t } = useTranslation('convLab');
  const { input, stride, padding } = settings;
  const geo = geometry2D(input.length, input[0].length, kernel.length, kernel[0].length, stride, padding);
  const fits = geo.rows.out > 0 && geo.cols.out > 0;
  const windows = useMemo(
    () => enumerateWindows(input, kernel, stride, padding),
    [input, kernel, stride, padding],
  );
  // The values written into the map come from tf.conv2d; the windows only explain them.
  const output = useMemo(
    () => (fits ? gridToMatrix(convolve(tf, matrixToGrid(input), kernel, { stride, padding })) : null),
    [tf, fits, input, kernel, stride, padding],
  );
  const stepper = useStepper(windows.length);
  const win = windows[stepper.step];
  const pad = {
    top: geo.rows.padBefore,
    bottom: geo.rows.padAfter,
    left: geo.cols.padBefore,
    right: geo.cols.padAfter,
  };
  const inCell = cellSizeFor(input[0].length + pad.left + pad.right);
  const size = (h: number, w: number) => t('size', { h, w });

  return (
    <div className="cl-view">
      <StepSidebar
        settings={settings}
        onSettings={onSettings}
        kernel={kernel}
        onKernel={onKernel}
        onRestart={() => stepper.setStep(0)}
        lang={lang}
      />
      <section className="cl-main">
        <div className="cl-stage">
          <figure className="cl-card">
            <figcaption>
              {t('input')} <span className="badge">{size(input.length, input[0].length)}</span>
            </figcaption>
            <MatrixEditor
              matrix={input}
              onChange={(m) => onSettings({ ...settings, input: m })}
              mode={settings.mode}
              brush={settings.brush}
              pad={pad}
              win={
                win && {
                  top: win.top,
                  left: win.left,
                  height: kernel.length,
                  width: kernel[0].length,
                  weights: kernel,
                }
              }
              testId="convlab-input"
              label={t('input')}
              cellSize={inCell}
            />
          </figure>
          <span className="cl-op" aria-hidden="true">
            ∗
          </span>
          <figure className="cl-card">
            <figcaption>
              {t('kernel')} <span className="badge">{size(kernel.length, kernel[0].length)}</span>
            </figcaption>
            <MatrixEditor
              matrix={kernel}
              onChange={onKernel}
              mode={settings.mode}
              brush={settings.brush}
              testId="convlab-kernel"
              label={t('kernel')}
              cellSize={Math.min(46, cellSizeFor(kernel.length + 2))}
            />
          </figure>
          <span className="cl-op" aria-hidden="true">
            =
          </span>
          <figure className="cl-card">
            <figcaption>
              {t('output')} <span className="badge">{size(geo.rows.out, geo.cols.out)}</span>
            </figcaption>
            {output && win ? (
              <OutputGrid
                values={output}
                revealed={stepper.step}
                current={stepper.step}
                label={t('output')}
                cellSize={inCell}
              />
            ) : (
              <p className="cl-error" data-testid="convlab-output">
                {t('doesNotFit', {
                  k: size(kernel.length, kernel[0].length),
                  n: size(input.length, input[0].length),
                })}
              </p>
            )}
          </figure>
        </div>
        {output && win && (
          <>
            <StepControls stepper={stepper} count={windows.length} />
            <div className="cl-row">
              <ProductsPanel
                win={win}
                kernelWidth={kernel[0].length}
                tfValue={output[win.outRow][win.outCol]}
              />
              <FormulaPanel geo={geo} padding={padding} stride={stride} />
            </div>
          </>
        )}
        {!output && <FormulaPanel geo={geo} padding={padding} stride={stride} />}
        <span hidden data-testid="convlab-current-value">
          {output && win ? fmt(output[win.outRow][win.outCol]) : ''}
        </span>
      </section>
    </div>
  );
}
