// Draw a digit (or drop an image) and see the model's prediction: the drawing is made MNIST-like first.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImageTile } from '../training/ImageTile.tsx';
import { MNIST_SIZE, mnistify } from './mnistify.ts';
import { Probabilities } from './Probabilities.tsx';

const PAD = 280;
const PEN = 22;

export interface DigitPrediction {
  probabilities: number[];
  classNames: string[];
}

interface Props {
  /** Predicts one [h, w, c] float image in [0, 1]. */
  predict(image: Float32Array, shape: [number, number, number]): Promise<DigitPrediction>;
}

/** Ink from the pad: the alpha channel (the pen is opaque on a transparent pad). */
function inkOf(canvas: HTMLCanvasElement): Float32Array {
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const ink = new Float32Array(canvas.width * canvas.height);
  for (let i = 0; i < ink.length; i++) ink[i] = data[i * 4 + 3]! / 255;
  return ink;
}

/** An image file's pixels as ink: dark strokes on light paper are inverted to MNIST's light-on-dark. */
async function inkOfFile(file: File, size: number): Promise<Float32Array> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  const s = Math.min(size / bitmap.width, size / bitmap.height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  ctx.drawImage(
    bitmap,
    (size - bitmap.width * s) / 2,
    (size - bitmap.height * s) / 2,
    bitmap.width * s,
    bitmap.height * s,
  );
  const data = ctx.getImageData(0, 0, size, size).data;
  const gray = new Float32Array(size * size);
  let mean = 0;
  for (let i = 0; i < gray.length; i++) {
    gray[i] = (0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!) / 255;
    mean += gray[i]!;
  }
  if (mean / gray.length > 0.5) for (let i = 0; i < gray.length; i++) gray[i] = 1 - gray[i]!;
  return gray;
}

export function DigitPad({ predict }: Props) {
  const { t } = useTranslation('runs');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [digit, setDigit] = useState<Float32Array | null>(null);
  const [result, setResult] = useState<DigitPrediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragOver, setDragOver] = useState(false);

  const run = useCallback(
    async (ink: Float32Array, size: number) => {
      const img = mnistify(ink, size, size);
      setDigit(img);
      try {
        setResult(await predict(img, [MNIST_SIZE, MNIST_SIZE, 1]));
        setError(null);
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
      }
    },
    [predict],
  );

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * PAD) / r.width, y: ((e.clientY - r.top) * PAD) / r.height };
  };
  const stroke = (to: { x: number; y: number }) => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    const from = last.current ?? to;
    ctx.strokeStyle = getComputedStyle(canvasRef.current!).color || '#000';
    ctx.lineWidth = PEN;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x + 0.01, to.y);
    ctx.stroke();
    last.current = to;
  };
  const clear = () => {
    canvasRef.current?.getContext('2d')?.clearRect(0, 0, PAD, PAD);
    setDigit(null);
    setResult(null);
    setError(null);
  };

  return (
    <div className="rs-digit">
      <div
        className={`rs-digit__pad${dragOver ? ' rs-digit__pad--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragOver(true);
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragOver(false);
          const file = e.dataTransfer.files[0];
          if (file) void inkOfFile(file, PAD).then((ink) => run(ink, PAD));
        }}
      >
        <canvas
          ref={canvasRef}
          width={PAD}
          height={PAD}
          data-testid="digit-canvas"
          aria-label={t('drawHint')}
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
            if (canvasRef.current) void run(inkOf(canvasRef.current), PAD);
          }}
        />
        <small className="muted">{t('drawHint')}</small>
      </div>
      <div className="rs-digit__side">
        <button type="button" className="button" onClick={clear}>
          {t('clear')}
        </button>
        {digit && (
          <ImageTile
            pixels={digit}
            height={MNIST_SIZE}
            width={MNIST_SIZE}
            channels={1}
            size={84}
            label="28x28"
          />
        )}
      </div>
      {result && <Probabilities probabilities={result.probabilities} classNames={result.classNames} />}
      {error && (
        <p className="ts-message ts-message--failed" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
