// The app's wasm kernels (conv gradients, MaxPoolGrad, BatchMatMul, Identity) agree with the cpu backend.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { assertSameOnWasm, runOn, seeded, setUpWasm } from './wasm-compare.ts';

type Pad = 'valid' | 'same' | [[number, number], [number, number], [number, number], [number, number]];
interface ConvCase {
  n: number;
  h: number;
  w: number;
  cin: number;
  cout: number;
  fh: number;
  fw: number;
  stride: number | [number, number];
  pad: Pad;
}

/** Gradients of sum(conv2d(x, w) * r) for x and w: exercises Conv2DBackpropInput and ...Filter. */
function convGrads(c: ConvCase, seed: number): () => tf.Tensor[] {
  return () => {
    const x = tf.tensor4d(seeded(c.n * c.h * c.w * c.cin, seed), [c.n, c.h, c.w, c.cin]);
    const w = tf.tensor4d(seeded(c.fh * c.fw * c.cin * c.cout, seed + 1), [c.fh, c.fw, c.cin, c.cout]);
    const outShape = tf.conv2d(x, w, c.stride, c.pad).shape;
    const r = tf.tensor(
      seeded(
        outShape.reduce((a, b) => a * b, 1),
        seed + 2,
      ),
      outShape,
    );
    const f = (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad), r));
    const [dx, dw] = tf.grads(f)([x, w]);
    return [dx, dw];
  };
}

const cases: ConvCase[] = [];
let k = 0;
const kernels: [number, number][] = [
  [1, 1],
  [2, 2],
  [3, 3],
  [5, 5],
  [3, 2],
  [1, 3],
  [2, 5],
];
const sizes: [number, number][] = [
  [7, 7],
  [8, 9],
  [11, 6],
];
for (const [fh, fw] of kernels) {
  for (const stride of [1, 2, 3] as const) {
    for (const pad of ['valid', 'same'] as const) {
      const [h, w] = sizes[k % sizes.length];
      const n = k % 3 === 0 ? 1 : 2 + (k % 2);
      const cin = [1, 3, 4][k % 3];
      const cout = [1, 5, 8, 2][k % 4];
      k++;
      if (pad === 'valid' && (h < fh || w < fw)) continue;
      cases.push({ n, h, w, cin, cout, fh, fw, stride, pad });
    }
  }
}
// The seed convnet's own shapes, a first layer that takes the im2col route, rectangular strides, explicit pads.
cases.push({ n: 4, h: 28, w: 28, cin: 1, cout: 32, fh: 3, fw: 3, stride: 1, pad: 'valid' });
cases.push({ n: 4, h: 13, w: 13, cin: 32, cout: 64, fh: 3, fw: 3, stride: 1, pad: 'valid' });
cases.push({ n: 2, h: 5, w: 5, cin: 64, cout: 64, fh: 3, fw: 3, stride: 1, pad: 'valid' });
cases.push({ n: 2, h: 9, w: 10, cin: 2, cout: 16, fh: 3, fw: 3, stride: 2, pad: 'same' });
cases.push({ n: 2, h: 9, w: 12, cin: 3, cout: 4, fh: 3, fw: 3, stride: [2, 1], pad: 'same' });
cases.push({
  n: 2,
  h: 8,
  w: 8,
  cin: 2,
  cout: 3,
  fh: 3,
  fw: 2,
  stride: 1,
  pad: [
    [0, 0],
    [1, 2],
    [0, 3],
    [0, 0],
  ],
});

const describeCase = (c: ConvCase) =>
  `x ${c.n}x${c.h}x${c.w}x${c.cin}, filter ${c.fh}x${c.fw}x${c.cin}x${c.cout}, stride ${String(c.stride)}, pad ${JSON.stringify(c.pad)}`;

describe('wasm training kernels (2 threads) match the cpu backend', () => {
  before(() => setUpWasm(2));

  it(`conv2d gradients (dx and dW) on ${cases.length} shapes`, async () => {
    for (const [i, c] of cases.entries()) await assertSameOnWasm(describeCase(c), convGrads(c, 100 + i));
  });

  it('registers a Conv2DBackpropFilter on wasm (tfjs 4.22 ships none)', () => {
    assert.ok(tf.getKernel('Conv2DBackpropFilter', 'wasm'));
  });

  const pools: {
    shape: [number, number, number, number];
    size: [number, number];
    stride: number;
    pad: 'valid' | 'same';
  }[] = [
    { shape: [2, 26, 26, 8], size: [2, 2], stride: 2, pad: 'valid' },
    { shape: [1, 11, 11, 3], size: [2, 2], stride: 2, pad: 'valid' },
    { shape: [3, 7, 9, 2], size: [3, 3], stride: 2, pad: 'same' },
    { shape: [2, 8, 8, 4], size: [3, 3], stride: 1, pad: 'same' },
    { shape: [1, 9, 6, 5], size: [2, 3], stride: 3, pad: 'valid' },
  ];
  it(`MaxPoolGrad on ${pools.length} shapes, with negative inputs`, async () => {
    for (const [i, p] of pools.entries()) {
      await assertSameOnWasm(`maxPool ${JSON.stringify(p)}`, () => {
        const x = tf.tensor4d(
          seeded(
            p.shape.reduce((a, b) => a * b, 1),
            300 + i,
          ),
          p.shape,
        );
        return [
          tf.grad((a: tf.Tensor) =>
            tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, p.size, p.stride, p.pad), 1.5)),
          )(x),
        ];
      });
    }
  });

  it("MaxPoolGrad sends a tied window's gradient to its first maximum, like cpu (zeros after ReLU)", async () => {
    const f = () => {
      const x = tf.relu(tf.tensor4d(seeded(2 * 6 * 6 * 3, 7), [2, 6, 6, 3]).sub(0.6));
      const dy = tf.tensor4d(seeded(2 * 3 * 3 * 3, 8), [2, 3, 3, 3]);
      return [tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid'), dy)))(x)];
    };
    const [cpu] = await runOn('cpu', f);
    const [wasm] = await runOn('wasm', f);
    assert.deepEqual(Array.from(wasm), Array.from(cpu));
  });

  it('BatchMatMul with every transpose combination', async () => {
    for (const ta of [false, true]) {
      for (const tb of [false, true]) {
        await assertSameOnWasm(`matMul transposeA=${ta} transposeB=${tb}`, () => {
          const a = tf.tensor2d(seeded(37 * 23, 11), ta ? [23, 37] : [37, 23]);
          const b = tf.tensor2d(seeded(23 * 19, 12), tb ? [19, 23] : [23, 19]);
          return [tf.matMul(a, b, ta, tb)];
        });
      }
    }
  });

  it('Sum over leading axes (bias gradients), with keepDims, negative axes and the shipped fallback', async () => {
    const x = () => tf.tensor4d(seeded(3 * 5 * 7 * 6, 40), [3, 5, 7, 6]);
    const sums: [string, () => tf.Tensor][] = [
      ['[0,1,2]', () => tf.sum(x(), [0, 1, 2])],
      ['[0,1] keepDims', () => tf.sum(x(), [0, 1], true)],
      ['[-4,-3]', () => tf.sum(x(), [-4, -3])],
      ['0', () => tf.sum(x(), 0)],
      ['[1,2] (not leading)', () => tf.sum(x(), [1, 2])],
      ['all', () => tf.sum(x())],
    ];
    for (const [label, f] of sums) {
      await assertSameOnWasm(`sum ${label}`, () => [f()]);
      await tf.setBackend('wasm');
      const shapeOnCpu = await runOn('cpu', () => [tf.tensor(f().shape)]);
      const shapeOnWasm = await runOn('wasm', () => [tf.tensor(f().shape)]);
      assert.deepEqual(Array.from(shapeOnWasm[0]), Array.from(shapeOnCpu[0]), `sum ${label}: shape`);
    }
  });

  it('Identity shares the buffer and frees it only with the last reference', async () => {
    await tf.setBackend('wasm');
    const a = tf.tensor1d([1, 2, 3]);
    const b = tf.clone(a);
    a.dispose();
    assert.deepEqual(Array.from(b.dataSync()), [1, 2, 3]);
    b.dispose();
  });
});
