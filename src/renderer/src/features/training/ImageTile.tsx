// One 8-bit image (grayscale or RGB, [h, w, c]) drawn crisp on a canvas, scaled up without blurring.
import { useEffect, useRef } from 'react';

interface Props {
  pixels: Uint8Array | Float32Array;
  height: number;
  width: number;
  channels: number;
  /** CSS size of the tile in pixels. */
  size?: number;
  /** Float pixels are in [0, 1] and scaled to bytes. */
  label?: string;
  className?: string;
}

export function ImageTile({ pixels, height, width, channels, size = 56, label, className }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const img = ctx.createImageData(width, height);
    const scale = pixels instanceof Float32Array ? 255 : 1;
    for (let i = 0; i < width * height; i++) {
      const r = pixels[i * channels]! * scale;
      const g = channels === 3 ? pixels[i * channels + 1]! * scale : r;
      const b = channels === 3 ? pixels[i * channels + 2]! * scale : r;
      img.data[i * 4] = r;
      img.data[i * 4 + 1] = g;
      img.data[i * 4 + 2] = b;
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels, height, width, channels]);
  return (
    <canvas
      ref={ref}
      className={`ts-tile ${className ?? ''}`}
      width={width}
      height={height}
      style={{ width: size, height: (size * height) / width }}
      role="img"
      aria-label={label}
      title={label}
    />
  );
}
