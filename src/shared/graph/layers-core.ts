// Registry entries for core, normalisation and regularisation layers.
import { formatShape, issue } from './errors.ts';
import { activationParam, useBiasParam } from './param-schema.ts';
import { NO_PARAMS, ONE, volume, type LayerSpec } from './layer-spec.ts';
import { needVector } from './layers-image.ts';

export const flatten: LayerSpec<'Flatten'> = {
  type: 'Flatten',
  group: 'Core',
  kerasName: 'flatten',
  arity: ONE,
  doc: {
    en: 'Lays all values out in one long vector, so Dense layers can read them.',
    es: 'Pone todos los valores en un único vector largo, para que las capas Dense puedan leerlos.',
  },
  params: [],
  defaults: () => ({}),
  infer: (_p, [input]) => [null, volume(input)],
  count: () => NO_PARAMS,
  field: () => 'end',
};

export const dense: LayerSpec<'Dense'> = {
  type: 'Dense',
  group: 'Core',
  kerasName: 'dense',
  arity: ONE,
  doc: {
    en: 'Every output unit is a weighted sum of every input value (a fully connected layer).',
    es: 'Cada unidad de salida es una suma ponderada de todos los valores de entrada (capa totalmente conectada).',
  },
  params: [
    {
      name: 'units',
      kind: 'int',
      default: 64,
      min: 1,
      doc: {
        en: 'Number of output units; the last layer has one per class.',
        es: 'Número de unidades de salida; la última capa tiene una por clase.',
      },
    },
    activationParam('relu'),
    useBiasParam,
  ],
  defaults: () => ({ units: 64, activation: 'relu', use_bias: true }),
  infer(p, [input], label) {
    const bad = needVector(label, input);
    return bad ? [bad] : [null, p.units];
  },
  count: (p, [input]) => ({
    trainable: (input[1] ?? 0) * p.units + (p.use_bias ? p.units : 0),
    nonTrainable: 0,
  }),
  field: () => 'end',
};

export const dropout: LayerSpec<'Dropout'> = {
  type: 'Dropout',
  group: 'Regularisation',
  kerasName: 'dropout',
  arity: ONE,
  doc: {
    en: 'While training, zeroes a random fraction of values so the network cannot rely on any one of them.',
    es: 'Durante el entrenamiento pone a cero una fracción aleatoria de valores para que la red no dependa de ninguno.',
  },
  params: [
    {
      name: 'rate',
      kind: 'float',
      default: 0.5,
      min: 0,
      max: 1,
      exclusiveMax: true,
      doc: {
        en: 'Fraction of values dropped, from 0 to below 1.',
        es: 'Fracción de valores descartados, de 0 a menos de 1.',
      },
    },
  ],
  defaults: () => ({ rate: 0.5 }),
  infer: (_p, [input]) => input,
  count: () => NO_PARAMS,
  field: () => 'keep',
};

export const activation: LayerSpec<'Activation'> = {
  type: 'Activation',
  group: 'Core',
  kerasName: 'activation',
  arity: ONE,
  doc: {
    en: 'Applies an activation function to each value; no weights.',
    es: 'Aplica una función de activación a cada valor; sin pesos.',
  },
  params: [activationParam('relu')],
  defaults: () => ({ activation: 'relu' }),
  infer: (_p, [input]) => input,
  count: () => NO_PARAMS,
  field: () => 'keep',
};

export const batchNormalization: LayerSpec<'BatchNormalization'> = {
  type: 'BatchNormalization',
  group: 'Normalisation',
  kerasName: 'batch_normalization',
  arity: ONE,
  doc: {
    en: 'Rescales each channel to mean 0 and variance 1 over the batch, which steadies training.',
    es: 'Normaliza cada canal a media 0 y varianza 1 sobre el lote, lo que estabiliza el entrenamiento.',
  },
  params: [
    {
      name: 'momentum',
      kind: 'float',
      default: 0.99,
      min: 0,
      max: 1,
      doc: {
        en: 'How slowly the running mean and variance follow each batch.',
        es: 'Con qué lentitud siguen la media y varianza acumuladas a cada lote.',
      },
    },
    {
      name: 'epsilon',
      kind: 'float',
      default: 0.001,
      min: 0,
      exclusiveMin: true,
      doc: {
        en: 'Small number added to the variance to avoid dividing by zero.',
        es: 'Número pequeño sumado a la varianza para no dividir por cero.',
      },
    },
    {
      name: 'center',
      kind: 'bool',
      default: true,
      doc: { en: 'Learn an offset (beta) per channel.', es: 'Aprender un desplazamiento (beta) por canal.' },
    },
    {
      name: 'scale',
      kind: 'bool',
      default: true,
      doc: { en: 'Learn a scale (gamma) per channel.', es: 'Aprender una escala (gamma) por canal.' },
    },
  ],
  defaults: () => ({ momentum: 0.99, epsilon: 0.001, center: true, scale: true }),
  infer: (_p, [input]) => input,
  // gamma and beta learn; the moving mean and variance are updated, not trained (Keras counts them as non-trainable).
  count(p, [input]) {
    const c = input[input.length - 1] ?? 0;
    return { trainable: c * (Number(p.center) + Number(p.scale)), nonTrainable: 2 * c };
  },
  field: () => 'keep',
};

export const rescaling: LayerSpec<'Rescaling'> = {
  type: 'Rescaling',
  group: 'Normalisation',
  kerasName: 'rescaling',
  arity: ONE,
  doc: {
    en: 'Multiplies every value by scale and adds offset, e.g. scale 1/255 maps pixels to 0..1.',
    es: 'Multiplica cada valor por scale y suma offset; p. ej. scale 1/255 lleva los píxeles a 0..1.',
  },
  params: [
    {
      name: 'scale',
      kind: 'float',
      default: 1 / 255,
      doc: { en: 'Factor each value is multiplied by.', es: 'Factor por el que se multiplica cada valor.' },
    },
    {
      name: 'offset',
      kind: 'float',
      default: 0,
      doc: { en: 'Amount added after scaling.', es: 'Cantidad sumada tras escalar.' },
    },
  ],
  defaults: () => ({ scale: 1 / 255, offset: 0 }),
  infer: (_p, [input]) => input,
  count: () => NO_PARAMS,
  field: () => 'keep',
};

export const reshape: LayerSpec<'Reshape'> = {
  type: 'Reshape',
  group: 'Core',
  kerasName: 'reshape',
  arity: ONE,
  doc: {
    en: 'Rearranges the same values into a new shape; the total number of values must not change.',
    es: 'Reordena los mismos valores en una forma nueva; el número total de valores no puede cambiar.',
  },
  params: [
    {
      name: 'target_shape',
      kind: 'target-shape',
      default: [28, 28, 1],
      doc: {
        en: 'New shape without the batch; one -1 means "whatever is left".',
        es: 'Forma nueva sin el lote; un -1 significa "lo que quede".',
      },
    },
  ],
  defaults: () => ({ target_shape: [28, 28, 1] }),
  infer(p, [input], label) {
    const total = volume(input);
    const known = p.target_shape.reduce((a, d) => (d === -1 ? a : a * d), 1);
    const free = p.target_shape.includes(-1);
    const fits = free ? total % known === 0 : total === known;
    if (!fits) {
      const want = `${formatShape(p.target_shape)}`;
      return [
        issue(
          'reshape-size-mismatch',
          `${label} cannot turn ${formatShape(input)} (${total} values) into ${want}, which holds ${free ? `a multiple of ${known}` : known} values: choose a target_shape whose sizes multiply to ${total}.`,
          `${label} no puede convertir ${formatShape(input)} (${total} valores) en ${want}, que contiene ${free ? `un múltiplo de ${known}` : known} valores: elige un target_shape cuyos tamaños multiplicados den ${total}.`,
          { values: total, target: p.target_shape },
        ),
      ];
    }
    return [null, ...p.target_shape.map((d) => (d === -1 ? total / known : d))];
  },
  count: () => NO_PARAMS,
  field: () => 'end',
};
