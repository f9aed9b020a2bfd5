// The training slice folds engine events into progress and curves, once per frame, and keeps settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TrainEvent } from '../../src/shared/training.ts';
import { createAppStore } from '../../src/renderer/src/store/app-store.ts';
import { createEventPump } from '../../src/renderer/src/features/training/event-pump.ts';
import { selectIsTraining } from '../../src/renderer/src/store/training-selectors.ts';

function batches(epoch: number, n: number, loss0: number): TrainEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'batch' as const,
    epoch,
    batch: i + 1,
    batches: n,
    loss: loss0 - i * 0.1,
    accuracy: 0.5 + i * 0.05,
    samplesPerSec: 600 + i,
    etaSec: 10 - i,
  }));
}

test('a run streams from start to done: status, progress, curves and test accuracy', () => {
  const store = createAppStore();
  const s = () => store.getState();
  s().trainStarting();
  assert.equal(s().live.status, 'starting');
  assert.equal(selectIsTraining(s()), true);
  s().applyTrainEvents([
    { type: 'run', runId: 'r1', runDir: '/runs/r1' },
    {
      type: 'start',
      epochs: 2,
      batchesPerEpoch: 4,
      trainSamples: 256,
      validationSamples: 26,
      testSamples: 100,
      backend: 'wasm',
    },
  ]);
  assert.equal(s().live.status, 'running');
  assert.equal(s().live.backend, 'wasm');
  s().applyTrainEvents(batches(1, 4, 2));
  const live = s().live;
  assert.deepEqual(live.batches.x, [0.25, 0.5, 0.75, 1]);
  assert.equal(live.batches.loss.length, 4);
  // The smoothed curve starts at the first value and lags behind a falling loss.
  assert.equal(live.batches.lossSmooth[0], 2);
  assert.ok(live.batches.lossSmooth[3]! > live.batches.loss[3]! && live.batches.lossSmooth[3]! < 2);
  assert.equal(live.progress?.batch, 4);
  assert.equal(live.progress?.fraction, 0.5);
  assert.equal(live.progress?.samplesPerSec, 603);
  s().applyTrainEvents([
    {
      type: 'epoch',
      epoch: 1,
      loss: 1.8,
      accuracy: 0.6,
      val_loss: 1.7,
      val_accuracy: 0.62,
      seconds: 3,
      best: true,
    },
    ...batches(2, 4, 1.5),
    {
      type: 'epoch',
      epoch: 2,
      loss: 1.2,
      accuracy: 0.8,
      val_loss: 1.3,
      val_accuracy: 0.79,
      seconds: 3,
      best: true,
    },
    { type: 'test', loss: 0.3, accuracy: 0.93, epoch: 2 },
    {
      type: 'done',
      test_accuracy: 0.93,
      test_loss: 0.3,
      run_dir: '/runs/r1',
      epochs_completed: 2,
      status: 'completed',
    },
  ]);
  assert.equal(s().live.status, 'completed');
  assert.deepEqual(s().live.epochs.valAcc, [0.62, 0.79]);
  assert.equal(s().live.test?.accuracy, 0.93);
  assert.equal(s().live.progress?.fraction, 1);
  assert.equal(selectIsTraining(s()), false);
});

test('pause, resume, stop midway, and errors are reflected in the status', () => {
  const store = createAppStore();
  const s = () => store.getState();
  s().trainStarting();
  s().applyTrainEvents([...batches(1, 2, 2), { type: 'paused', epoch: 1, batch: 2 }]);
  assert.equal(s().live.status, 'paused');
  s().applyTrainEvents([{ type: 'resumed', epoch: 1, batch: 2 }]);
  assert.equal(s().live.status, 'running');
  s().trainStopping();
  assert.equal(s().live.status, 'stopping');
  s().applyTrainEvents([
    { type: 'stopped', reason: 'user', epoch: 1, message: 'Stopped after epoch 1.' },
    {
      type: 'done',
      test_accuracy: 0.9,
      test_loss: 0.4,
      run_dir: '/runs/r2',
      epochs_completed: 1,
      status: 'stopped',
    },
  ]);
  assert.equal(s().live.status, 'stopped');
  assert.equal(s().live.epochsCompleted, 1);
  assert.equal(s().live.message, 'Stopped after epoch 1.');
  s().trainStarting();
  s().applyTrainEvents([
    { type: 'error', code: 'nan-loss', message: 'The loss became NaN: lower the learning rate.' },
  ]);
  assert.equal(s().live.status, 'failed');
  assert.match(s().live.message ?? '', /learning rate/);
});

test('settings edits and project loading keep defaults for what is missing', () => {
  const store = createAppStore();
  const s = () => store.getState();
  s().setTrainConfig({ epochs: 1, learningRate: 0.01 });
  s().setDataset({ kind: 'fashion-mnist', limit: 3000 });
  assert.equal(s().training.config.epochs, 1);
  assert.equal(s().training.config.optimizer, 'rmsprop');
  assert.equal(s().training.dataset.kind, 'fashion-mnist');
  s().loadTrainingSettings({ config: { batchSize: 32 } as never });
  assert.equal(s().training.config.batchSize, 32);
  assert.equal(s().training.config.epochs, 5);
  assert.equal(s().training.dataset.kind, 'mnist');
  s().togglePickedRun('a');
  s().togglePickedRun('b');
  s().togglePickedRun('a');
  assert.deepEqual(s().pickedRuns, ['b']);
});

test('the event pump applies a flood of events once per frame, in order, without dropping any', () => {
  const store = createAppStore();
  const frames: (() => void)[] = [];
  let applied = 0;
  const pump = createEventPump<TrainEvent>(
    (events) => {
      applied++;
      store.getState().applyTrainEvents(events);
    },
    (cb) => frames.push(cb),
  );
  for (const e of batches(1, 500, 3)) pump.push(e);
  assert.equal(frames.length, 1, 'one frame scheduled for 500 events');
  assert.equal(store.getState().live.batches.x.length, 0, 'nothing applied before the frame');
  frames.shift()!();
  assert.equal(applied, 1);
  assert.equal(store.getState().live.batches.x.length, 500);
  assert.equal(store.getState().live.progress?.batch, 500);
  for (const e of batches(2, 3, 1)) pump.push(e);
  pump.flush();
  assert.equal(store.getState().live.batches.x.length, 503);
  pump.dispose();
  pump.push(batches(3, 1, 1)[0]!);
  assert.equal(frames.length, 1);
});
