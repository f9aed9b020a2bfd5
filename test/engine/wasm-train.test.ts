// A small convnet trains on wasm (1 thread) along the same loss trajectory as on cpu, without leaking tensors.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { seeded, setUpWasm } from './wasm-compare.ts';

const BATCH = 8;
const STEPS = 5;

function buildModel(): tf.LayersModel {
  const m = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [12, 12, 1], filters: 4, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 6, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  // Same starting point on both backends: weights from a seeded generator, not the initialisers.
  const start = m.getWeights().map((w, i) =>
    tf.tensor(
      seeded(w.size, 500 + i).map((v) => v * 0.5),
      w.shape,
    ),
  );
  m.setWeights(start);
  tf.dispose(start);
  m.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'categoricalCrossentropy' });
  return m;
}

function batch(step: number): { x: tf.Tensor4D; y: tf.Tensor2D } {
  return tf.tidy(() => {
    const x = tf.tensor4d(
      seeded(BATCH * 144, 900 + step).map((v) => (v + 1) / 2),
      [BATCH, 12, 12, 1],
    );
    const labels = Array.from(seeded(BATCH, 950 + step), (v) => Math.floor(((v + 1) / 2) * 10) % 10);
    return { x, y: tf.oneHot(tf.tensor1d(labels, 'int32'), 10) as tf.Tensor2D };
  });
}

/** Every layer kind the graph editor offers, in one functional model (dropout seeded: same on both backends). */
function buildEveryLayerModel(): tf.LayersModel {
  const input = tf.input({ shape: [12, 12, 1] });
  const scaled = tf.layers.rescaling({ scale: 2, offset: -1 }).apply(input) as tf.SymbolicTensor;
  const c = tf.layers
    .conv2d({ filters: 4, kernelSize: 3, padding: 'same' })
    .apply(scaled) as tf.SymbolicTensor;
  const bn = tf.layers.batchNormalization().apply(c) as tf.SymbolicTensor;
  const act = tf.layers.activation({ activation: 'relu' }).apply(bn) as tf.SymbolicTensor;
  const mp = tf.layers.maxPooling2d({ poolSize: 2 }).apply(act) as tf.SymbolicTensor;
  const ap = tf.layers.averagePooling2d({ poolSize: 2 }).apply(act) as tf.SymbolicTensor;
  const sum = tf.layers.add().apply([mp, ap]) as tf.SymbolicTensor;
  const cat = tf.layers.concatenate().apply([sum, mp]) as tf.SymbolicTensor;
  const drop = tf.layers.dropout({ rate: 0.25, seed: 3 }).apply(cat) as tf.SymbolicTensor;
  const c2 = tf.layers
    .conv2d({ filters: 6, kernelSize: 3, strides: 2, activation: 'elu' })
    .apply(drop) as tf.SymbolicTensor;
  const gap = tf.layers.globalAveragePooling2d({}).apply(c2) as tf.SymbolicTensor;
  const gmp = tf.layers.globalMaxPooling2d({}).apply(c2) as tf.SymbolicTensor;
  const both = tf.layers.concatenate().apply([gap, gmp]) as tf.SymbolicTensor;
  const r = tf.layers.reshape({ targetShape: [3, 4] }).apply(both) as tf.SymbolicTensor;
  const flat = tf.layers.flatten().apply(r) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 10, activation: 'softmax' }).apply(flat) as tf.SymbolicTensor;
  const m = tf.model({ inputs: input, outputs: out });
  const start = m.getWeights().map((w, i) =>
    tf.tensor(
      seeded(w.size, 700 + i).map((v) => 0.5 + v * 0.4),
      w.shape,
    ),
  );
  m.setWeights(start);
  tf.dispose(start);
  m.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  return m;
}

async function trajectory(
  backend: 'cpu' | 'wasm',
  build: () => tf.LayersModel = buildModel,
): Promise<{ losses: number[]; tensorsAfter: number[] }> {
  await tf.setBackend(backend);
  const model = build();
  const losses: number[] = [];
  const tensorsAfter: number[] = [];
  for (let s = 0; s < STEPS; s++) {
    const { x, y } = batch(s);
    const loss = (await model.trainOnBatch(x, y)) as number;
    tf.dispose([x, y]);
    losses.push(loss);
    tensorsAfter.push(tf.memory().numTensors);
  }
  model.dispose();
  return { losses, tensorsAfter };
}

describe('training a convnet on wasm', () => {
  before(() => setUpWasm(1));

  it('follows the cpu loss trajectory step by step and leaks no tensors', async () => {
    const cpu = await trajectory('cpu');
    const wasm = await trajectory('wasm');
    assert.ok(cpu.losses[STEPS - 1] < cpu.losses[0], `the reference should learn: ${cpu.losses.join(', ')}`);
    wasm.losses.forEach((l, i) => {
      const rel = Math.abs(l - cpu.losses[i]) / Math.abs(cpu.losses[i]);
      assert.ok(
        rel < 1e-3,
        `step ${i}: wasm loss ${l} vs cpu ${cpu.losses[i]} (relative difference ${rel.toExponential(2)})`,
      );
    });
    assert.ok(
      wasm.tensorsAfter.every((n) => n === wasm.tensorsAfter[0]),
      `tf.memory().numTensors after each step should stay put: ${wasm.tensorsAfter.join(', ')}`,
    );
  });

  it('trains every layer kind the editor offers (BatchNorm, pools, Add, Concatenate, Dropout, ...) like cpu', async () => {
    const cpu = await trajectory('cpu', buildEveryLayerModel);
    const wasm = await trajectory('wasm', buildEveryLayerModel);
    wasm.losses.forEach((l, i) => {
      const rel = Math.abs(l - cpu.losses[i]) / Math.abs(cpu.losses[i]);
      assert.ok(rel < 1e-3, `step ${i}: wasm loss ${l} vs cpu ${cpu.losses[i]}`);
    });
    assert.ok(
      wasm.tensorsAfter.every((n) => n === wasm.tensorsAfter[0]),
      wasm.tensorsAfter.join(', '),
    );
  });
});
