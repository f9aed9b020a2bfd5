// The layer registry: complete, self-consistent defaults, Keras auto-names, bilingual docs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYER_TYPES } from '../../../src/shared/graph/schema.ts';
import {
  LAYERS,
  autoName,
  defaults,
  isValidValue,
  layerSpec,
  palette,
  validateParams,
} from '../../../src/shared/graph/layers.ts';

test('every layer type has a registry entry whose defaults pass its own param schema', () => {
  for (const type of LAYER_TYPES) {
    const spec = layerSpec(type);
    assert.equal(spec.type, type);
    const d = defaults(type) as Record<string, unknown>;
    assert.deepEqual(validateParams(type, spec.params, d), [], type);
    for (const p of spec.params) {
      assert.ok(p.doc.en.length > 10 && p.doc.es.length > 10, `${type}.${p.name} has docs in both languages`);
      assert.ok(isValidValue(p, p.default), `${type}.${p.name} schema default is valid`);
      assert.deepEqual(d[p.name], p.default, `${type}.${p.name}: defaults() and the schema default agree`);
    }
    assert.deepEqual(
      Object.keys(d).sort(),
      spec.params.map((p) => p.name).sort(),
      `${type} params match the schema`,
    );
    assert.ok(spec.doc.en && spec.doc.es);
  }
});

test('defaults() returns a fresh object each call', () => {
  const a = defaults('Conv2D');
  a.kernel_size[0] = 9;
  assert.deepEqual(defaults('Conv2D').kernel_size, [3, 3]);
});

test('the palette lists every type exactly once, merge layers take two or more inputs', () => {
  const listed = palette().flatMap((g) => g.types);
  assert.deepEqual([...listed].sort(), [...LAYER_TYPES].sort());
  assert.deepEqual(LAYERS.Add.arity, { min: 2, max: Infinity });
  assert.deepEqual(LAYERS.Concatenate.arity, { min: 2, max: Infinity });
  assert.deepEqual(LAYERS.InputLayer.arity, { min: 0, max: 0 });
  assert.deepEqual(LAYERS.Dense.arity, { min: 1, max: 1 });
});

test('autoName follows Keras: conv2d, conv2d_1, max_pooling2d ...', () => {
  assert.equal(autoName('Conv2D', []), 'conv2d');
  assert.equal(autoName('Conv2D', ['conv2d']), 'conv2d_1');
  assert.equal(autoName('Conv2D', ['conv2d', 'conv2d_1']), 'conv2d_2');
  assert.equal(autoName('MaxPooling2D', []), 'max_pooling2d');
  assert.equal(autoName('GlobalAveragePooling2D', []), 'global_average_pooling2d');
  assert.equal(autoName('BatchNormalization', []), 'batch_normalization');
});

test('param validation explains the expected value in both languages', () => {
  const [issue] = validateParams("Dropout 'dropout'", LAYERS.Dropout.params, { rate: 1 });
  assert.equal(issue.code, 'bad-param');
  assert.match(issue.en, /rate must be a number at least 0 and below 1, but it is 1/);
  assert.match(issue.es, /rate debe ser/);
  assert.equal(validateParams('x', LAYERS.Conv2D.params, { ...defaults('Conv2D'), filters: 2.5 }).length, 1);
  assert.equal(
    validateParams('x', LAYERS.Conv2D.params, { ...defaults('Conv2D'), kernel_size: [0, 3] }).length,
    1,
  );
  assert.equal(
    validateParams('x', LAYERS.Conv2D.params, { ...defaults('Conv2D'), padding: 'full' }).length,
    1,
  );
  assert.equal(validateParams('x', LAYERS.Reshape.params, { target_shape: [-1, -1] }).length, 1);
  assert.equal(validateParams('x', LAYERS.Reshape.params, { target_shape: [-1, 4] }).length, 0);
});
