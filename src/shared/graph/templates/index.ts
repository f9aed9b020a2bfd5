// The template catalogue: graph documents a user can start from, by name.
import type { GraphDoc } from '../schema.ts';
import type { Doc } from '../param-schema.ts';
import { mnistConvnet } from './mnist-convnet.ts';
import { mnistDense } from './mnist-dense.ts';
import { smallConvnet } from './small-convnet.ts';

export interface Template {
  name: string;
  doc: Doc;
  /** A fresh document each call, so callers may edit it. */
  build(): GraphDoc;
}

export const TEMPLATES: readonly Template[] = [
  {
    name: 'mnist-convnet',
    doc: {
      en: 'The course convnet for MNIST digits: three Conv2D, two MaxPooling2D, then Dense layers (93,322 params).',
      es: 'La convnet del curso para dígitos MNIST: tres Conv2D, dos MaxPooling2D y capas Dense (93.322 parámetros).',
    },
    build: mnistConvnet,
  },
  {
    name: 'mnist-dense',
    doc: {
      en: 'The dense baseline for MNIST: Flatten, Dense 512 relu, Dense 10 softmax (407,050 params).',
      es: 'La red densa de referencia para MNIST: Flatten, Dense 512 relu, Dense 10 softmax (407.050 parámetros).',
    },
    build: mnistDense,
  },
  {
    name: 'small-convnet',
    doc: {
      en: 'The small-dataset convnet for 150x150 colour images: four Conv2D/MaxPooling2D blocks, Dropout, Dense (3,453,121 params).',
      es: 'La convnet para pocos datos con imágenes en color de 150x150: cuatro bloques Conv2D/MaxPooling2D, Dropout, Dense (3.453.121 parámetros).',
    },
    build: smallConvnet,
  },
];

export const TEMPLATE_NAMES = TEMPLATES.map((t) => t.name);

/** A fresh copy of the named template, or undefined when there is none by that name. */
export function getTemplate(name: string): GraphDoc | undefined {
  return TEMPLATES.find((t) => t.name === name)?.build();
}
