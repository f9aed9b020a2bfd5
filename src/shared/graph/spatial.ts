// Shape rules shared by Conv2D and the pooling layers: window arithmetic and its errors.
import type { Padding, Pair } from './schema.ts';
import { formatPair, formatShape, issue, type Issue, type Shape } from './errors.ts';

const DIMS = [
  { en: 'height', es: 'alto' },
  { en: 'width', es: 'ancho' },
] as const;

/** Keras's output length of a sliding window: 'valid' floor((n - k) / s) + 1, 'same' ceil(n / s). */
export function windowOut(n: number, k: number, s: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
}

/** A rank check with a sentence that says what to add or remove. */
export function needImage(label: string, input: Shape): Issue | null {
  if (input.length === 4) return null;
  return issue(
    'wrong-rank',
    `${label} needs an image input (height, width, channels) but gets ${formatShape(input)}: remove the Flatten or Dense before it, or add a Reshape to an image shape.`,
    `${label} necesita una entrada de imagen (alto, ancho, canales) pero recibe ${formatShape(input)}: quita el Flatten o Dense anterior, o añade un Reshape a forma de imagen.`,
    { got: input },
  );
}

/**
 * Output [height, width] of a window op over a rank-4 input, or an issue: for Conv2D
 * 'kernel-larger-than-input', for pooling 'output-size-nonpositive' (Keras's floor gives 0 there).
 */
export function windowShape(
  label: string,
  isConv: boolean,
  input: Shape,
  kernel: Pair,
  strides: Pair,
  padding: Padding,
): Pair | Issue {
  const inHW = [input[1] as number, input[2] as number];
  const out = [0, 1].map((i) => windowOut(inHW[i], kernel[i], strides[i], padding)) as Pair;
  const bad = [0, 1].filter((i) => padding === 'valid' && kernel[i] > inHW[i]);
  if (bad.length === 0) return out;
  const whyEn = bad.map((i) => `${DIMS[i].en} ${inHW[i]} is smaller than ${kernel[i]}`).join(' and ');
  const whyEs = bad.map((i) => `el ${DIMS[i].es} ${inHW[i]} es menor que ${kernel[i]}`).join(' y ');
  const params = {
    input: [inHW[0], inHW[1]],
    kernel: [kernel[0], kernel[1]],
    output: [out[0], out[1]],
    dimension: bad.map((i) => DIMS[i].en).join(','),
  };
  if (isConv) {
    return issue(
      'kernel-larger-than-input',
      `${label} has a ${formatPair(kernel)} kernel but its input is only ${formatPair(inHW)} (${whyEn}), which would give ${formatPair(out)}: use a smaller kernel_size, padding 'same', or remove a pooling layer before it.`,
      `${label} tiene un kernel ${formatPair(kernel)} pero su entrada es solo ${formatPair(inHW)} (${whyEs}), lo que daría ${formatPair(out)}: usa un kernel_size menor, padding 'same' o quita una capa de pooling anterior.`,
      params,
    );
  }
  return issue(
    'output-size-nonpositive',
    `${label} ${formatPair(kernel)} turns ${formatPair(inHW)} into ${formatPair(out)} (${whyEn}): remove a pooling layer or use padding 'same'.`,
    `${label} ${formatPair(kernel)} convierte ${formatPair(inHW)} en ${formatPair(out)} (${whyEs}): quita una capa de pooling o usa padding 'same'.`,
    params,
  );
}
