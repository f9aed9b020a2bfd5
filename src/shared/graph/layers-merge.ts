// Registry entries for the merge layers, Add and Concatenate: two or more inputs, shapes that must agree.
import { formatShape, issue, type Issue } from './errors.ts';
import { NO_PARAMS, type LayerSpec } from './layer-spec.ts';

export const add: LayerSpec<'Add'> = {
  type: 'Add',
  group: 'Merge',
  kerasName: 'add',
  arity: { min: 2, max: Infinity },
  doc: {
    en: 'Adds its inputs value by value (a residual connection); they must have the same shape.',
    es: 'Suma sus entradas valor a valor (conexión residual); deben tener la misma forma.',
  },
  params: [],
  defaults: () => ({}),
  infer(_p, inputs, label) {
    const issues: Issue[] = [];
    const first = formatShape(inputs[0]);
    inputs.forEach((s, i) => {
      if (i === 0 || formatShape(s) === first) return;
      issues.push(
        issue(
          'add-shape-mismatch',
          `${label} adds inputs of different shapes: ${first} and ${formatShape(s)}. Make them equal (same filters, same pooling, or a 1x1 Conv2D on the shortcut).`,
          `${label} suma entradas de formas distintas: ${first} y ${formatShape(s)}. Iguálalas (mismos filtros, mismo pooling, o un Conv2D 1x1 en el atajo).`,
          { first: inputs[0], other: s },
          i,
        ),
      );
    });
    return issues.length ? issues : inputs[0];
  },
  count: () => NO_PARAMS,
  field: () => 'keep',
};

export const concatenate: LayerSpec<'Concatenate'> = {
  type: 'Concatenate',
  group: 'Merge',
  kerasName: 'concatenate',
  arity: { min: 2, max: Infinity },
  doc: {
    en: 'Joins its inputs along one axis (by default the channels); the other sizes must match.',
    es: 'Une sus entradas a lo largo de un eje (por defecto los canales); los demás tamaños deben coincidir.',
  },
  params: [
    {
      name: 'axis',
      kind: 'int',
      default: -1,
      doc: {
        en: 'Axis to join along, counting the batch as 0; -1 is the last (channels).',
        es: 'Eje por el que se une, contando el lote como 0; -1 es el último (canales).',
      },
    },
  ],
  defaults: () => ({ axis: -1 }),
  infer(p, inputs, label) {
    const rank = inputs[0].length;
    const ax = p.axis < 0 ? rank + p.axis : p.axis;
    if (ax < 1 || ax >= rank) {
      return [
        issue(
          'concat-axis-out-of-range',
          `${label}: axis ${p.axis} does not exist for inputs of shape ${formatShape(inputs[0])} (use 1 to ${rank - 1}, or -1 for the last).`,
          `${label}: el eje ${p.axis} no existe para entradas de forma ${formatShape(inputs[0])} (usa de 1 a ${rank - 1}, o -1 para el último).`,
          { axis: p.axis, rank },
        ),
      ];
    }
    const issues: Issue[] = [];
    let sum = 0;
    inputs.forEach((s, i) => {
      sum += s[ax] ?? 0;
      const ok = s.length === rank && s.every((d, j) => j === ax || d === inputs[0][j]);
      if (ok || i === 0) return;
      issues.push(
        issue(
          'concat-shape-mismatch',
          `${label} cannot join ${formatShape(inputs[0])} and ${formatShape(s)} on axis ${p.axis}: every other size must match. Use padding 'same' or the same pooling on every branch.`,
          `${label} no puede unir ${formatShape(inputs[0])} y ${formatShape(s)} por el eje ${p.axis}: los demás tamaños deben coincidir. Usa padding 'same' o el mismo pooling en cada rama.`,
          { first: inputs[0], other: s, axis: p.axis },
          i,
        ),
      );
    });
    if (issues.length) return issues;
    const out = inputs[0].slice();
    out[ax] = sum;
    return out;
  },
  count: () => NO_PARAMS,
  field: () => 'keep',
};
