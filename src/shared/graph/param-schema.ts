// Param schemas: the type, default, allowed values and bounds of each layer param, and their validation.
import { ACTIVATIONS } from './schema.ts';
import { issue, type Issue } from './errors.ts';

/** English and Spanish text for the inspector. */
export interface Doc {
  en: string;
  es: string;
}

/**
 * How a param is edited and checked:
 * int / float: a number within [min, max] (bounds exclusive where said); bool; enum: one of `allowed`;
 * pair: [h, w] whole numbers >= 1; pair-or-null: a pair or null (null = same as pool_size);
 * shape: whole numbers >= 1; target-shape: whole numbers >= 1 with at most one -1 (inferred).
 */
export type ParamKind =
  'int' | 'float' | 'bool' | 'enum' | 'pair' | 'pair-or-null' | 'shape' | 'target-shape';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  default: unknown;
  allowed?: readonly string[];
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  doc: Doc;
}

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isPositiveWhole = (v: unknown): v is number => isWhole(v) && v >= 1;

function describeBounds(spec: ParamSpec, whole: boolean): Doc {
  const noun = whole ? { en: 'a whole number', es: 'un número entero' } : { en: 'a number', es: 'un número' };
  const en: string[] = [];
  const es: string[] = [];
  if (spec.min !== undefined) {
    en.push(`${spec.exclusiveMin ? 'greater than' : 'at least'} ${spec.min}`);
    es.push(`${spec.exclusiveMin ? 'mayor que' : 'mayor o igual que'} ${spec.min}`);
  }
  if (spec.max !== undefined) {
    en.push(`${spec.exclusiveMax ? 'below' : 'at most'} ${spec.max}`);
    es.push(`${spec.exclusiveMax ? 'menor que' : 'menor o igual que'} ${spec.max}`);
  }
  return {
    en: en.length ? `${noun.en} ${en.join(' and ')}` : noun.en,
    es: es.length ? `${noun.es} ${es.join(' y ')}` : noun.es,
  };
}

function inBounds(spec: ParamSpec, v: number): boolean {
  if (spec.min !== undefined && (spec.exclusiveMin ? v <= spec.min : v < spec.min)) return false;
  if (spec.max !== undefined && (spec.exclusiveMax ? v >= spec.max : v > spec.max)) return false;
  return true;
}

/** What a valid value looks like, as the end of "kernel_size must be ...". */
export function expectation(spec: ParamSpec): Doc {
  switch (spec.kind) {
    case 'int':
      return describeBounds(spec, true);
    case 'float':
      return describeBounds(spec, false);
    case 'bool':
      return { en: 'true or false', es: 'true o false' };
    case 'enum': {
      const list = (spec.allowed ?? []).map((a) => `'${a}'`).join(', ');
      return { en: `one of ${list}`, es: `uno de ${list}` };
    }
    case 'pair':
      return {
        en: 'two whole numbers of at least 1, like [2, 2]',
        es: 'dos enteros mayores o iguales que 1, como [2, 2]',
      };
    case 'pair-or-null':
      return {
        en: 'two whole numbers of at least 1, like [2, 2], or null',
        es: 'dos enteros mayores o iguales que 1, como [2, 2], o null',
      };
    case 'shape':
      return {
        en: 'a list of whole numbers of at least 1, like [28, 28, 1]',
        es: 'una lista de enteros mayores o iguales que 1, como [28, 28, 1]',
      };
    case 'target-shape':
      return {
        en: 'a list of whole numbers of at least 1 (at most one -1, meaning "the rest"), like [7, 7, 16]',
        es: 'una lista de enteros mayores o iguales que 1 (como mucho un -1, que significa "el resto"), como [7, 7, 16]',
      };
  }
}

export function isValidValue(spec: ParamSpec, v: unknown): boolean {
  switch (spec.kind) {
    case 'int':
      return isWhole(v) && inBounds(spec, v);
    case 'float':
      return typeof v === 'number' && Number.isFinite(v) && inBounds(spec, v);
    case 'bool':
      return typeof v === 'boolean';
    case 'enum':
      return typeof v === 'string' && (spec.allowed ?? []).includes(v);
    case 'pair':
      return Array.isArray(v) && v.length === 2 && v.every(isPositiveWhole);
    case 'pair-or-null':
      return v === null || (Array.isArray(v) && v.length === 2 && v.every(isPositiveWhole));
    case 'shape':
      return Array.isArray(v) && v.length >= 1 && v.every(isPositiveWhole);
    case 'target-shape':
      return (
        Array.isArray(v) &&
        v.length >= 1 &&
        v.every((d) => isPositiveWhole(d) || d === -1) &&
        v.filter((d) => d === -1).length <= 1
      );
  }
}

function show(v: unknown): string {
  if (v === undefined) return 'missing';
  return JSON.stringify(v) ?? String(v);
}

/** Checks every param of a node; one 'bad-param' issue per bad value. */
export function validateParams(label: string, specs: readonly ParamSpec[], params: unknown): Issue[] {
  const issues: Issue[] = [];
  const record = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
  for (const spec of specs) {
    const v = record[spec.name];
    if (isValidValue(spec, v)) continue;
    const want = expectation(spec);
    const got = show(v);
    issues.push(
      issue(
        'bad-param',
        `${label}: ${spec.name} must be ${want.en}, but it is ${got}. Fix it in the inspector.`,
        `${label}: ${spec.name} debe ser ${want.es}, pero vale ${v === undefined ? 'nada' : got}. Corrígelo en el inspector.`,
        { param: spec.name, value: got },
      ),
    );
  }
  return issues;
}

// Param specs shared by several layers.

export const activationParam = (def: string): ParamSpec => ({
  name: 'activation',
  kind: 'enum',
  default: def,
  allowed: ACTIVATIONS,
  doc: {
    en: "Function applied to each output value; 'relu' keeps positives, 'softmax' turns scores into probabilities.",
    es: "Función aplicada a cada valor de salida; 'relu' deja los positivos, 'softmax' convierte puntuaciones en probabilidades.",
  },
});

export const useBiasParam: ParamSpec = {
  name: 'use_bias',
  kind: 'bool',
  default: true,
  doc: {
    en: 'Whether to add a learned constant (bias) to each output unit.',
    es: 'Si se suma una constante aprendida (sesgo) a cada unidad de salida.',
  },
};

export const paddingParam: ParamSpec = {
  name: 'padding',
  kind: 'enum',
  default: 'valid',
  allowed: ['valid', 'same'],
  doc: {
    en: "'valid' uses no border, so the image shrinks; 'same' pads the border so the size is kept (divided by the stride).",
    es: "'valid' no añade borde y la imagen encoge; 'same' rellena el borde y conserva el tamaño (dividido por el stride).",
  },
};

export const poolParams = (kind: 'max' | 'average'): ParamSpec[] => [
  {
    name: 'pool_size',
    kind: 'pair',
    default: [2, 2],
    doc:
      kind === 'max'
        ? {
            en: 'Size of the window whose largest value is kept.',
            es: 'Tamaño de la ventana de la que se queda el valor mayor.',
          }
        : {
            en: 'Size of the window whose values are averaged.',
            es: 'Tamaño de la ventana cuyos valores se promedian.',
          },
  },
  {
    name: 'strides',
    kind: 'pair-or-null',
    default: null,
    doc: {
      en: 'Step between windows; null means the same as pool_size (windows do not overlap).',
      es: 'Paso entre ventanas; null significa igual que pool_size (las ventanas no se solapan).',
    },
  },
  paddingParam,
];
