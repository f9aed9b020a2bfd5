// The kernel gallery: the course's hand-made filters plus Sobel, blur and sharpen, each explained in English and Spanish.
import type { Matrix } from './types.ts';

export interface GalleryKernel {
  /** Stable id: CLI `--kernel NAME`, data-testid `convlab-gallery-NAME`. */
  name: string;
  label: { en: string; es: string };
  kernel: Matrix;
  /** What the kernel does to an image, one or two sentences a student reads next to the result. */
  text: { en: string; es: string };
}

const g = 1 / 16;

export const GALLERY: readonly GalleryKernel[] = [
  {
    name: 'identity',
    label: { en: 'Identity (naive)', es: 'Identidad (naïve)' },
    kernel: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ],
    text: {
      en: 'Only the centre weight is 1, so every output pixel copies the input pixel under it: the image comes back unchanged (minus the border under valid padding).',
      es: 'Sólo el peso central vale 1, así que cada píxel de salida copia el de entrada: la imagen sale igual (salvo el borde con padding valid).',
    },
  },
  {
    name: 'horizontal-edge',
    label: { en: 'Horizontal edge', es: 'Borde horizontal' },
    kernel: [
      [1, 1, 1],
      [0, 0, 0],
      [-1, -1, -1],
    ],
    text: {
      en: 'Row above minus row below: large where brightness changes from top to bottom, so horizontal edges light up (positive for light-over-dark, negative for dark-over-light).',
      es: 'Fila de arriba menos fila de abajo: grande donde el brillo cambia de arriba a abajo, así que se iluminan los bordes horizontales (positivo si claro sobre oscuro, negativo al revés).',
    },
  },
  {
    name: 'vertical-edge',
    label: { en: 'Vertical edge', es: 'Borde vertical' },
    kernel: [
      [1, 0, -1],
      [1, 0, -1],
      [1, 0, -1],
    ],
    text: {
      en: 'Left column minus right column: responds to left-to-right changes of brightness, i.e. vertical edges; flat regions give 0.',
      es: 'Columna izquierda menos columna derecha: responde a cambios de brillo de izquierda a derecha, es decir, bordes verticales; las zonas planas dan 0.',
    },
  },
  {
    name: 'edge',
    label: { en: 'Edge (all directions)', es: 'Bordes (todas las direcciones)' },
    kernel: [
      [1, 1, 1],
      [1, -7, 1],
      [1, 1, 1],
    ],
    text: {
      en: 'The eight neighbours minus seven times the centre: weights sum to 1, so flat areas keep their brightness and any edge, whatever its direction, stands out.',
      es: 'Los ocho vecinos menos siete veces el centro: los pesos suman 1, así que las zonas planas conservan su brillo y cualquier borde, en cualquier dirección, destaca.',
    },
  },
  {
    name: 'sobel-x',
    label: { en: 'Sobel x', es: 'Sobel x' },
    kernel: [
      [1, 0, -1],
      [2, 0, -2],
      [1, 0, -1],
    ],
    text: {
      en: 'The vertical-edge filter with the middle row weighted twice: a smoother estimate of the horizontal gradient, less sensitive to noise.',
      es: 'El filtro de borde vertical con la fila central pesando el doble: una estimación más suave del gradiente horizontal, menos sensible al ruido.',
    },
  },
  {
    name: 'sobel-y',
    label: { en: 'Sobel y', es: 'Sobel y' },
    kernel: [
      [1, 2, 1],
      [0, 0, 0],
      [-1, -2, -1],
    ],
    text: {
      en: 'The horizontal-edge filter with the middle column weighted twice: the vertical gradient, so horizontal edges respond.',
      es: 'El filtro de borde horizontal con la columna central pesando el doble: el gradiente vertical, así que responden los bordes horizontales.',
    },
  },
  {
    name: 'blur',
    label: { en: 'Blur (Gaussian)', es: 'Desenfoque (gaussiano)' },
    kernel: [
      [1 * g, 2 * g, 1 * g],
      [2 * g, 4 * g, 2 * g],
      [1 * g, 2 * g, 1 * g],
    ],
    text: {
      en: 'A weighted average of the neighbourhood (weights sum to 1, the centre counts most): fine detail and noise fade, edges soften.',
      es: 'Una media ponderada del vecindario (los pesos suman 1, el centro cuenta más): el detalle fino y el ruido se atenúan, los bordes se suavizan.',
    },
  },
  {
    name: 'box-blur',
    label: { en: 'Blur (box)', es: 'Desenfoque (caja)' },
    kernel: [
      [1 / 9, 1 / 9, 1 / 9],
      [1 / 9, 1 / 9, 1 / 9],
      [1 / 9, 1 / 9, 1 / 9],
    ],
    text: {
      en: 'The plain mean of the 3x3 neighbourhood: every pixel becomes the average around it.',
      es: 'La media simple del vecindario 3x3: cada píxel pasa a ser el promedio de su alrededor.',
    },
  },
  {
    name: 'sharpen',
    label: { en: 'Sharpen', es: 'Enfocar' },
    kernel: [
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ],
    text: {
      en: 'Five times the centre minus its four neighbours: the image plus its edges, so contours look crisper.',
      es: 'Cinco veces el centro menos sus cuatro vecinos: la imagen más sus bordes, así que los contornos se ven más nítidos.',
    },
  },
];

export function galleryKernel(name: string): GalleryKernel | undefined {
  return GALLERY.find((k) => k.name === name);
}

export const GALLERY_NAMES: readonly string[] = GALLERY.map((k) => k.name);
