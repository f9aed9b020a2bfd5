// Registry entries for the layers that read or keep an image layout: InputLayer, Conv2D, pooling.
import type { Pair, ParamsByType } from './schema.ts';
import { formatShape, issue, type Issue, type Shape } from './errors.ts';
import { activationParam, paddingParam, poolParams, useBiasParam } from './param-schema.ts';
import { NO_PARAMS, ONE, type LayerSpec } from './layer-spec.ts';
import { needImage, windowShape } from './spatial.ts';

export const inputLayer: LayerSpec<'InputLayer'> = {
  type: 'InputLayer',
  group: 'Input',
  kerasName: 'input_layer',
  arity: { min: 0, max: 0 },
  doc: {
    en: 'Where data enters the network; shape is one example without the batch, e.g. [28, 28, 1].',
    es: 'Por donde entran los datos; shape es un ejemplo sin el lote, p. ej. [28, 28, 1].',
  },
  params: [
    {
      name: 'shape',
      kind: 'shape',
      default: [28, 28, 1],
      doc: {
        en: 'Size of one example: [height, width, channels] for images, [features] for vectors.',
        es: 'Tamaño de un ejemplo: [alto, ancho, canales] para imágenes, [atributos] para vectores.',
      },
    },
  ],
  defaults: () => ({ shape: [28, 28, 1] }),
  infer: (p) => [null, ...p.shape],
  count: () => NO_PARAMS,
  field: () => 'keep',
};

export const conv2d: LayerSpec<'Conv2D'> = {
  type: 'Conv2D',
  group: 'Convolution',
  kerasName: 'conv2d',
  arity: ONE,
  doc: {
    en: 'Slides learned filters over the image; each filter makes one feature map.',
    es: 'Desliza filtros aprendidos sobre la imagen; cada filtro produce un mapa de características.',
  },
  params: [
    {
      name: 'filters',
      kind: 'int',
      default: 32,
      min: 1,
      doc: {
        en: 'Number of filters, that is, of output channels (feature maps).',
        es: 'Número de filtros, es decir, de canales de salida (mapas de características).',
      },
    },
    {
      name: 'kernel_size',
      kind: 'pair',
      default: [3, 3],
      doc: {
        en: 'Height and width of each filter window.',
        es: 'Alto y ancho de la ventana de cada filtro.',
      },
    },
    {
      name: 'strides',
      kind: 'pair',
      default: [1, 1],
      doc: {
        en: 'Step of the window in pixels; 2 halves the output size.',
        es: 'Paso de la ventana en píxeles; 2 reduce la salida a la mitad.',
      },
    },
    paddingParam,
    activationParam('relu'),
    useBiasParam,
  ],
  defaults: () => ({
    filters: 32,
    kernel_size: [3, 3],
    strides: [1, 1],
    padding: 'valid',
    activation: 'relu',
    use_bias: true,
  }),
  infer(p, [input], label) {
    const rank = needImage(label, input);
    if (rank) return [rank];
    const hw = windowShape(label, true, input, p.kernel_size, p.strides, p.padding);
    return Array.isArray(hw) ? [null, hw[0], hw[1], p.filters] : [hw];
  },
  count(p, [input]) {
    const cin = input[3] ?? 0;
    const n = p.kernel_size[0] * p.kernel_size[1] * cin * p.filters + (p.use_bias ? p.filters : 0);
    return { trainable: n, nonTrainable: 0 };
  },
  field: (p) => ({ kernel: p.kernel_size, strides: p.strides }),
};

type PoolParams = ParamsByType['MaxPooling2D'];
const poolStrides = (p: PoolParams): Pair => p.strides ?? p.pool_size;

function pool<T extends 'MaxPooling2D' | 'AveragePooling2D'>(type: T, kerasName: string): LayerSpec<T> {
  const max = type === 'MaxPooling2D';
  return {
    type,
    group: 'Pooling',
    kerasName,
    arity: ONE,
    doc: max
      ? {
          en: 'Keeps the largest value of each window: halves the image with the default 2x2.',
          es: 'Se queda con el mayor valor de cada ventana: con 2x2 reduce la imagen a la mitad.',
        }
      : {
          en: 'Averages each window: halves the image with the default 2x2.',
          es: 'Promedia cada ventana: con 2x2 reduce la imagen a la mitad.',
        },
    params: poolParams(max ? 'max' : 'average'),
    defaults: () => ({ pool_size: [2, 2], strides: null, padding: 'valid' }) as ParamsByType[T],
    infer(p, [input], label) {
      const rank = needImage(label, input);
      if (rank) return [rank];
      const hw = windowShape(label, false, input, p.pool_size, poolStrides(p), p.padding);
      return Array.isArray(hw) ? [null, hw[0], hw[1], input[3]] : [hw];
    },
    count: () => NO_PARAMS,
    field: (p) => ({ kernel: p.pool_size, strides: poolStrides(p) }),
  };
}

export const maxPooling2d = pool('MaxPooling2D', 'max_pooling2d');
export const averagePooling2d = pool('AveragePooling2D', 'average_pooling2d');

function globalPool<T extends 'GlobalAveragePooling2D' | 'GlobalMaxPooling2D'>(
  type: T,
  kerasName: string,
): LayerSpec<T> {
  const max = type === 'GlobalMaxPooling2D';
  return {
    type,
    group: 'Pooling',
    kerasName,
    arity: ONE,
    doc: max
      ? {
          en: 'Keeps the largest value of each whole feature map: one number per channel.',
          es: 'Se queda con el mayor valor de cada mapa completo: un número por canal.',
        }
      : {
          en: 'Averages each whole feature map: one number per channel, a lighter alternative to Flatten.',
          es: 'Promedia cada mapa completo: un número por canal, alternativa ligera a Flatten.',
        },
    params: [],
    defaults: () => ({}) as ParamsByType[T],
    infer(_p, [input], label): Shape | Issue[] {
      const rank = needImage(label, input);
      return rank ? [rank] : [null, input[3]];
    },
    count: () => NO_PARAMS,
    field: () => 'end',
  };
}

export const globalAveragePooling2d = globalPool('GlobalAveragePooling2D', 'global_average_pooling2d');
export const globalMaxPooling2d = globalPool('GlobalMaxPooling2D', 'global_max_pooling2d');

/** Used by Flatten-less layers that need a vector: "add a Flatten" with the shape it got. */
export function needVector(label: string, input: Shape): Issue | null {
  if (input.length === 2) return null;
  const dims = input.length - 1;
  return issue(
    'dense-needs-flatten',
    `${label} gets a ${dims}-D tensor ${formatShape(input)} but needs a flat vector: add a Flatten (or GlobalAveragePooling2D) before it.`,
    `${label} recibe un tensor ${dims}-D ${formatShape(input)} pero necesita un vector plano: añade un Flatten (o GlobalAveragePooling2D) antes.`,
    { got: input },
  );
}
