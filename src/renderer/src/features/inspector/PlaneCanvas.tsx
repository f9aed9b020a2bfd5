// One 2D plane of floats drawn on a canvas through a colour scale, one canvas pixel per value, scaled up crisply.
import { useEffect, useRef, type MouseEvent } from 'react';
import { paintRgba, type ColormapName, type ValueRange } from '../../../../shared/colormap';

interface Props {
  values: Float32Array;
  /** Where the plane starts in `values`, row-major h x w. */
  offset?: number;
  height: number;
  width: number;
  range: ValueRange;
  cmap: ColormapName;
  /** CSS width in pixels; the height follows the aspect ratio. */
  size: number;
  className?: string;
  testId?: string;
  title?: string;
  /** Transparent where the value is low (for overlays): alpha follows the value's place in the range. */
  fade?: boolean;
  onClick?: () => void;
  /** Reports the value under the pointer (null when it leaves). */
  onHover?: (cell: { x: number; y: number; value: number } | null) => void;
}

export function PlaneCanvas({
  values,
  offset = 0,
  height,
  width,
  range,
  cmap,
  size,
  className,
  testId,
  title,
  fade,
  onClick,
  onHover,
}: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    paintRgba(values, offset, width * height, range, cmap, img.data);
    if (fade) {
      const span = range.hi - range.lo || 1;
      for (let i = 0; i < width * height; i++) {
        const t = Math.min(1, Math.max(0, (values[offset + i]! - range.lo) / span));
        img.data[i * 4 + 3] = Math.round(255 * Math.sqrt(t));
      }
    }
    ctx.putImageData(img, 0, 0);
  }, [values, offset, height, width, range, cmap, fade]);

  const hover = (e: MouseEvent<HTMLCanvasElement>) => {
    if (!onHover) return;
    const r = e.currentTarget.getBoundingClientRect();
    const x = Math.min(width - 1, Math.max(0, Math.floor(((e.clientX - r.left) / r.width) * width)));
    const y = Math.min(height - 1, Math.max(0, Math.floor(((e.clientY - r.top) / r.height) * height)));
    onHover({ x, y, value: values[offset + y * width + x]! });
  };

  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      className={`in-plane ${onClick ? 'in-plane--button' : ''} ${className ?? ''}`}
      style={{ width: size, height: (size * height) / width }}
      data-testid={testId}
      title={title}
      onClick={onClick}
      onMouseMove={onHover ? hover : undefined}
      onMouseLeave={onHover ? () => onHover(null) : undefined}
    />
  );
}

/** An image with values in [0, 1] (1 channel grey, 3 channels RGB), channels last. */
export function ImageCanvas({
  data,
  height,
  width,
  channels,
  size,
  testId,
  className,
}: {
  data: Float32Array;
  height: number;
  width: number;
  channels: number;
  size: number;
  testId?: string;
  className?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    for (let p = 0; p < width * height; p++) {
      for (let k = 0; k < 3; k++)
        img.data[p * 4 + k] = Math.round(
          Math.min(1, Math.max(0, data[p * channels + (channels === 3 ? k : 0)]!)) * 255,
        );
      img.data[p * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [data, height, width, channels]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      className={`in-plane ${className ?? ''}`}
      style={{ width: size, height: (size * height) / width }}
      data-testid={testId}
    />
  );
}
