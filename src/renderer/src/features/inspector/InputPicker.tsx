// Chooses what the network looks at: an MNIST test image by index, a drawn digit, or an image file.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProbeInput } from '../../../../shared/ipc/contract';
import { MNIST_SIZE, mnistify } from '../runs/mnistify';

const PAD = 280;
const PEN = 22;
const MAX_SIDE = 512;

type Mode = 'test' | 'draw' | 'file';

interface Props {
  input: ProbeInput;
  onChange(input: ProbeInput): void;
  /** Channels the model takes: 1 makes drawings and files MNIST-like (light ink on black, centred). */
  channels: number;
}

/** A file's pixels: RGB in [0, 1], or MNIST-like grey for one-channel models. */
async function readFile(file: File, channels: number): Promise<ProbeInput> {
  const bitmap = await createImageBitmap(file);
  const s = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * s));
  const h = Math.max(1, Math.round(bitmap.height * s));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  if (channels === 3) {
    const data = new Float32Array(w * h * 3);
    for (let p = 0; p < w * h; p++) for (let k = 0; k < 3; k++) data[p * 3 + k] = rgba[p * 4 + k]! / 255;
    return { kind: 'pixels', image: { shape: [h, w, 3], data } };
  }
  const gray = new Float32Array(w * h);
  let mean = 0;
  for (let p = 0; p < w * h; p++) {
    gray[p] = (0.299 * rgba[p * 4]! + 0.587 * rgba[p * 4 + 1]! + 0.114 * rgba[p * 4 + 2]!) / 255;
    mean += gray[p]!;
  }
  // MNIST digits are light on dark; a dark digit on paper is inverted first.
  if (mean / gray.length > 0.5) for (let p = 0; p < gray.length; p++) gray[p] = 1 - gray[p]!;
  return { kind: 'pixels', image: { shape: [MNIST_SIZE, MNIST_SIZE, 1], data: mnistify(gray, w, h) } };
}

export function InputPicker({ input, onChange, channels }: Props) {
  const { t } = useTranslation('inspector');
  const [mode, setMode] = useState<Mode>(input.kind === 'mnist-test' ? 'test' : 'draw');
  const [fileError, setFileError] = useState<string | null>(null);
  const pad = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const index = input.kind === 'mnist-test' ? input.index : 0;
  const setIndex = (i: number) =>
    onChange({ kind: 'mnist-test', index: Math.min(9999, Math.max(0, Math.round(i) || 0)) });

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * PAD) / r.width, y: ((e.clientY - r.top) * PAD) / r.height };
  };
  const stroke = (to: { x: number; y: number }) => {
    const ctx = pad.current?.getContext('2d');
    if (!ctx) return;
    const from = last.current ?? to;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = PEN;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x + 0.01, to.y);
    ctx.stroke();
    last.current = to;
  };
  const sendDrawing = () => {
    const canvas = pad.current;
    if (!canvas) return;
    const rgba = canvas.getContext('2d')!.getImageData(0, 0, PAD, PAD).data;
    const ink = new Float32Array(PAD * PAD);
    for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4 + 3]! / 255;
    const digit = mnistify(ink, PAD, PAD);
    if (channels === 3) {
      const rgb = new Float32Array(digit.length * 3);
      digit.forEach((v, i) => rgb.fill(v, i * 3, i * 3 + 3));
      onChange({ kind: 'pixels', image: { shape: [MNIST_SIZE, MNIST_SIZE, 3], data: rgb } });
    } else onChange({ kind: 'pixels', image: { shape: [MNIST_SIZE, MNIST_SIZE, 1], data: digit } });
  };

  return (
    <div className="in-picker" data-testid="inspector-input-picker">
      <div className="in-seg" role="tablist" aria-label={t('input.label')}>
        {(['test', 'draw', 'file'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            className={`in-seg__btn${mode === m ? ' is-on' : ''}`}
            onClick={() => setMode(m)}
          >
            {t(`input.${m}`)}
          </button>
        ))}
      </div>
      {mode === 'test' && (
        <div className="in-picker__row">
          <button
            type="button"
            className="icon-button"
            aria-label={t('input.previous')}
            onClick={() => setIndex(index - 1)}
          >
            ‹
          </button>
          <label className="in-picker__index">
            <span className="muted">{t('input.index')}</span>
            <input
              className="input"
              type="number"
              min={0}
              max={9999}
              value={index}
              data-testid="inspector-test-index"
              onChange={(e) => setIndex(Number(e.target.value))}
            />
          </label>
          <button
            type="button"
            className="icon-button"
            aria-label={t('input.next')}
            onClick={() => setIndex(index + 1)}
          >
            ›
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setIndex(Math.floor(Math.random() * 10000))}
          >
            {t('input.random')}
          </button>
        </div>
      )}
      {mode === 'draw' && (
        <div className="in-picker__row">
          <canvas
            ref={pad}
            width={PAD}
            height={PAD}
            className="in-pad"
            data-testid="inspector-draw-pad"
            aria-label={t('input.drawHint')}
            title={t('input.drawHint')}
            onPointerDown={(e) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              last.current = null;
              stroke(point(e));
            }}
            onPointerMove={(e) => {
              if (e.buttons & 1) stroke(point(e));
            }}
            onPointerUp={() => {
              last.current = null;
              sendDrawing();
            }}
          />
          <button
            type="button"
            className="button"
            onClick={() => pad.current?.getContext('2d')?.clearRect(0, 0, PAD, PAD)}
          >
            {t('input.clear')}
          </button>
        </div>
      )}
      {mode === 'file' && (
        <div className="in-picker__row">
          <label className="button in-picker__file">
            {t('input.chooseFile')}
            <input
              type="file"
              accept="image/png,image/jpeg"
              data-testid="inspector-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                readFile(file, channels).then(
                  (next) => {
                    setFileError(null);
                    onChange(next);
                  },
                  () => setFileError(t('input.fileError')),
                );
              }}
            />
          </label>
          {fileError && <span className="in-error">{fileError}</span>}
        </div>
      )}
    </div>
  );
}
