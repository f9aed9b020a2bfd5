// Kernels of a trained model's first Conv2D layer, asked from the engine (probe:models, probe:kernels), to apply in the lab.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProbeModelInfo, ProbeSource } from '../../../../shared/ipc/contract';
import { kernelsFromConvWeights } from '../../../../shared/conv-lab/image';
import type { Matrix } from '../../../../shared/conv-lab/types';
import { invoke } from '../../lib/ipc';
import { cellTint, maxAbs } from './cell-style';

interface Loaded {
  layer: string;
  inChannels: number;
  filters: Matrix[];
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function FilterSwatch({ kernel, label, onPick }: { kernel: Matrix; label: string; onPick(): void }) {
  const scale = maxAbs(kernel);
  return (
    <button type="button" className="cl-swatch" title={label} aria-label={label} onClick={onPick}>
      <span className="cl-swatch__grid" style={{ gridTemplateColumns: `repeat(${kernel[0].length}, 1fr)` }}>
        {kernel.flat().map((v, i) => (
          <span key={i} style={cellTint(v, scale)} />
        ))}
      </span>
    </button>
  );
}

export function ModelKernels({ onPick }: { onPick(kernel: Matrix): void }) {
  const { t } = useTranslation('convLab');
  const [runs, setRuns] = useState<ProbeModelInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let live = true;
    invoke('probe:models').then(
      (models) => live && setRuns(models.filter((m) => m.source.kind === 'run')),
      (err: unknown) => live && setError(t('modelFailed', { message: message(err) })),
    );
    return () => {
      live = false;
    };
  }, [t]);

  const load = (id: string) => {
    setChosen(id);
    setLoaded(null);
    setError(null);
    if (!id) return;
    const source: ProbeSource = { kind: 'run', id };
    invoke('probe:kernels', { source }).then(
      (layers) => {
        const first = layers[0];
        if (!first) return setError(t('modelNoConv'));
        setLoaded({
          layer: first.name,
          inChannels: first.shape[2],
          filters: kernelsFromConvWeights(first.data, first.shape),
        });
      },
      (err: unknown) => setError(t('modelFailed', { message: message(err) })),
    );
  };

  return (
    <div className="cl-field" data-testid="convlab-model">
      <span className="cl-label">{t('modelTitle')}</span>
      {runs === null && !error && <p className="cl-hint">{t('modelLoading')}</p>}
      {runs?.length === 0 && <p className="cl-hint">{t('modelNone')}</p>}
      {runs && runs.length > 0 && (
        <select
          className="select"
          value={chosen}
          onChange={(e) => load(e.target.value)}
          data-testid="convlab-model-run"
        >
          <option value="">{t('modelPick')}</option>
          {runs.map((m) => {
            const id = m.source.kind === 'run' ? m.source.id : '';
            const acc = m.accuracy === null ? '' : ` · ${(m.accuracy * 100).toFixed(1)}%`;
            return (
              <option key={id} value={id}>
                {m.label}
                {acc}
              </option>
            );
          })}
        </select>
      )}
      {loaded && (
        <>
          <p className="cl-hint">
            {t('modelLayer', { name: loaded.layer, count: loaded.filters.length })}
            {loaded.inChannels > 1 && ` ${t('modelChannels', { c: loaded.inChannels })}`}
          </p>
          <div className="cl-swatches">
            {loaded.filters.map((k, i) => (
              <FilterSwatch key={i} kernel={k} label={t('modelFilter', { i })} onPick={() => onPick(k)} />
            ))}
          </div>
        </>
      )}
      {error && <p className="cl-error">{error}</p>}
    </div>
  );
}
