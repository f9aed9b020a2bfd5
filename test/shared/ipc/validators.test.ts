// Run-time payload checks: tensors, graph documents and the small combinators, with the sentences they give.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { v, validate } from '../../../src/shared/ipc/check';
import {
  emptyTensor,
  graphDocValidator,
  tensorPayload,
  tensorValidator,
} from '../../../src/shared/ipc/payloads';
import {
  checkEventPayload,
  checkInvokeArg,
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  isInvokeChannel,
} from '../../../src/shared/ipc/contract';
import { getTemplate } from '../../../src/shared/graph/templates';

test('tensors: dtype, whole-number shape and a typed array of the right kind and length', () => {
  assert.equal(validate(tensorValidator, tensorPayload('float32', [2, 3], new Float32Array(6))), null);
  assert.equal(validate(tensorValidator, emptyTensor('bool', [4])), null);
  assert.match(
    String(validate(tensorValidator, { dtype: 'float32', shape: [2, 3], data: [1, 2, 3, 4, 5, 6] })),
    /Float32Array/,
  );
  assert.match(
    String(validate(tensorValidator, { dtype: 'int32', shape: [2], data: new Float32Array(2) })),
    /Int32Array/,
  );
  assert.match(
    String(validate(tensorValidator, { dtype: 'uint8', shape: [3], data: new Uint8Array(2) })),
    /has 2 values but its shape needs 3/,
  );
  assert.match(
    String(validate(tensorValidator, { dtype: 'float64', shape: [1], data: new Float64Array(1) })),
    /dtype/,
  );
  assert.match(
    String(validate(tensorValidator, { dtype: 'uint8', shape: [1.5], data: new Uint8Array(1) })),
    /shape/,
  );
  assert.throws(() => tensorPayload('float32', [2, 2], new Float32Array(3)), /needs 4/);
});

test('graph documents: every template passes, broken ones name the field', () => {
  for (const name of ['mnist-convnet', 'mnist-dense', 'small-convnet']) {
    assert.equal(validate(graphDocValidator, getTemplate(name)), null, name);
  }
  const doc = getTemplate('mnist-convnet');
  assert.ok(doc);
  assert.match(
    String(validate(graphDocValidator, { ...doc, edges: [{ id: 'e', source: 1, target: 'b' }] })),
    /payload\.edges\[0\]\.source should be a string/,
  );
  assert.match(
    String(validate(graphDocValidator, { ...doc, nodes: 'many' })),
    /payload\.nodes should be an array/,
  );
});

test('combinators: optional fields, literals, unions, limits', () => {
  const shape = v.object({
    name: v.string({ maxLength: 3 }),
    n: v.optional(v.number({ integer: true, min: 0 })),
  });
  assert.equal(validate(shape, { name: 'abc' }), null);
  assert.match(String(validate(shape, { name: 'abcd' })), /longer than 3/);
  assert.match(String(validate(shape, { name: 'a', n: -1 })), /at least 0/);
  assert.match(String(validate(shape, { name: 'a', n: 0.5 })), /whole number/);
  assert.match(String(validate(shape, { name: 'a', n: Number.NaN })), /finite number/);
  assert.match(String(validate(v.literal('a', 'b'), 'c')), /one of "a", "b"/);
  assert.equal(validate(v.union(v.string(), v.nullable(v.number())), null), null);
  assert.match(String(validate(v.array(v.boolean(), { maxLength: 2 }), [true, false, true])), /more than 2/);
});

test('the contract checks names and payloads of its own channels only', () => {
  assert.ok(INVOKE_CHANNELS.length > 0 && EVENT_CHANNELS.length > 0);
  for (const name of [...INVOKE_CHANNELS, ...EVENT_CHANNELS]) assert.match(name, /^[a-z]+:[a-zA-Z-]+$/);
  assert.equal(isInvokeChannel('toString'), false);
  assert.equal(isInvokeChannel('constructor'), false);
  assert.equal(checkInvokeArg('templates:get', { name: 'x' }), null);
  assert.match(
    String(checkInvokeArg('templates:get', {})),
    /The request "templates:get" was refused: its argument\.name should be a string/,
  );
  assert.match(
    String(checkEventPayload('app:menu', { command: 'format-disk' })),
    /payload\.command should be one of/,
  );
});
