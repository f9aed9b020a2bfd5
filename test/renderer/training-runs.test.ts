// Runs as the table shows them (from run records), gallery picks, dataset specs and number formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toRunInfo, type RunRecordLike } from '../../src/renderer/src/features/runs/run-info.ts';
import { pickImages } from '../../src/renderer/src/features/runs/gallery.ts';
import { datasetSpec } from '../../src/renderer/src/features/training/dataset-spec.ts';
import {
  formatDuration,
  formatFraction,
  formatPercent,
} from '../../src/renderer/src/features/training/format.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/shared/training.ts';

function record(overrides: Partial<RunRecordLike> = {}): RunRecordLike {
  return {
    dir: '/data/runs/r1',
    meta: {
      id: 'r1',
      name: 'convnet on mnist',
      createdAt: '2026-11-28T19:00:00.000Z',
      config: DEFAULT_TRAIN_CONFIG,
      dataset: { kind: 'mnist', limit: 3000 },
      backend: 'wasm',
    },
    graph: { version: 1, name: 'mnist-convnet', nodes: [], edges: [] },
    events: [
      {
        type: 'start',
        epochs: 2,
        batchesPerEpoch: 10,
        trainSamples: 600,
        validationSamples: 60,
        testSamples: 150,
        backend: 'wasm',
      },
      {
        type: 'epoch',
        epoch: 1,
        loss: 0.5,
        accuracy: 0.85,
        val_loss: 0.3,
        val_accuracy: 0.9,
        seconds: 12.5,
        best: true,
      },
      {
        type: 'epoch',
        epoch: 2,
        loss: 0.2,
        accuracy: 0.94,
        val_loss: 0.25,
        val_accuracy: 0.93,
        seconds: 11.5,
        best: true,
      },
      { type: 'test', loss: 0.22, accuracy: 0.932, epoch: 2 },
    ],
    result: {
      status: 'completed',
      epochs_completed: 2,
      test_accuracy: 0.932,
      test_loss: 0.22,
      finishedAt: '2026-11-28T19:01:00.000Z',
    },
    hasBest: true,
    hasLast: true,
    ...overrides,
  };
}

test('a run record becomes a table row: model, dataset, settings, accuracy, error rate, time, backend, curves', () => {
  const r = toRunInfo(record());
  assert.equal(r.model, 'mnist-convnet');
  assert.equal(r.dataset, 'MNIST (3,000)');
  assert.equal(r.settings, 'rmsprop 0.001 · 5 ep · batch 64');
  assert.equal(r.testAccuracy, 0.932);
  assert.ok(Math.abs(r.errorRate! - 0.068) < 1e-12);
  assert.equal(r.seconds, 24);
  assert.equal(r.backend, 'wasm');
  assert.equal(r.status, 'completed');
  assert.deepEqual(r.epochs.valAcc, [0.9, 0.93]);
  assert.equal(r.hasModel, true);
});

test('a run killed midway keeps its completed epochs and shows as interrupted', () => {
  const rec = record({ result: null, hasBest: false, hasLast: true });
  rec.events = rec.events.slice(0, 2);
  const r = toRunInfo(rec);
  assert.equal(r.status, 'interrupted');
  assert.equal(r.testAccuracy, null);
  assert.equal(r.errorRate, null);
  assert.deepEqual(r.epochs.x, [1]);
  assert.equal(r.hasModel, true);
  assert.equal(toRunInfo(record({ hasBest: false, hasLast: false })).hasModel, false);
});

test('galleries pick a confusion cell or every mistake, most confident first', () => {
  const ev = {
    count: 6,
    labels: Uint8Array.from([0, 1, 1, 2, 2, 1]),
    predicted: Uint8Array.from([0, 2, 1, 1, 2, 2]),
    confidence: Float32Array.from([0.9, 0.6, 0.8, 0.7, 0.95, 0.99]),
  };
  assert.deepEqual(
    pickImages(ev, (t, p) => t !== p).map((i) => i.index),
    [5, 3, 1],
  );
  assert.deepEqual(
    pickImages(ev, (t, p) => t === 1 && p === 2).map((i) => [i.index, i.trueLabel, i.predicted]),
    [
      [5, 1, 2],
      [1, 1, 2],
    ],
  );
  assert.equal(pickImages(ev, () => true, 2).length, 2);
});

test('dataset choices become engine specs; a folder without a path is refused with a sentence', () => {
  assert.deepEqual(datasetSpec({ kind: 'mnist', path: '', limit: 3000 }), { kind: 'mnist', limit: 3000 });
  assert.deepEqual(datasetSpec({ kind: 'fashion-mnist', path: '', limit: null }), { kind: 'fashion-mnist' });
  assert.deepEqual(datasetSpec({ kind: 'folder', path: ' /data/cats ', limit: null }), {
    kind: 'folder',
    path: '/data/cats',
  });
  assert.throws(() => datasetSpec({ kind: 'folder', path: '  ', limit: null }), /Choose the image folder/);
});

test('numbers are shown as the course writes them', () => {
  assert.equal(formatDuration(75), '1:15');
  assert.equal(formatDuration(3725), '1:02:05');
  assert.equal(formatPercent(0.0068), '0.68%');
  assert.equal(formatFraction(0.99312), '0.9931');
  assert.equal(formatFraction(null), '–');
});
