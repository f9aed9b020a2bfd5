// Live feature maps: the engine process sends the watched input's maps on the live model every few
// batches while a run trains; the probe leaves no tensors behind.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { EngineHost, forkEngine } from '../../src/engine/process/host.ts';
import type { LiveMaps, TrainRequest } from '../../src/engine/process/protocol.ts';
import { LiveWatch } from '../../src/engine/process/watch.ts';
import { buildModelWithBases } from '../../src/engine/bases.ts';
import { featureMapProbe } from '../../src/engine/probes/feature-maps.ts';
import { mnistTestImage } from '../../src/engine/probes/inputs.ts';
import { createTrainingService } from '../../src/main/training-service.ts';
import { trainEvents } from '../../src/shared/ipc/channels/train.ts';
import { getTemplate } from '../../src/shared/graph/templates/index.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainEvent } from '../../src/shared/training.ts';

const data = mkdtempSync(join(tmpdir(), 'live-maps-'));
const host = new EngineHost(forkEngine());
after(() => {
  host.dispose();
  rmSync(data, { recursive: true, force: true });
});

const graph = getTemplate('mnist-convnet')!;

test('a watched MNIST image gets fresh feature maps every few batches of one epoch', async () => {
  const request: TrainRequest = {
    graph,
    config: { ...DEFAULT_TRAIN_CONFIG, epochs: 1, batchSize: 32 },
    dataset: { kind: 'mnist', limit: 1000 },
    dataDir: data,
  };
  host.watch({ kind: 'mnist-test', index: 0 }, 5);
  const live: LiveMaps[] = [];
  const events: TrainEvent[] = [];
  const done = await host.train(
    request,
    (e) => events.push(e),
    (m) => live.push(m),
  );
  assert.equal(done.status, 'completed', JSON.stringify(events.filter((e) => e.type === 'error')));
  assert.ok(live.length >= 3, `${live.length} map messages`);
  const batches = live.map((m) => m.batch);
  assert.deepEqual(
    batches,
    [...batches].sort((a, b) => a - b),
    'in batch order',
  );
  assert.ok(
    batches.every((b) => b >= 1 && b <= 32),
    batches.join(','),
  );
  const first = live[0]!.maps;
  const last = live.at(-1)!.maps;
  assert.ok(first.data instanceof Float32Array, 'maps cross the process boundary as a Float32Array');
  assert.equal(first.data.length, last.data.length);
  let diff = 0;
  for (let i = 0; i < first.data.length; i++) diff = Math.max(diff, Math.abs(first.data[i]! - last.data[i]!));
  assert.ok(diff > 1e-3, `maps change while the model learns (max difference ${diff})`);

  // The layer list is the probe's, as the Inspect view would get it for this model.
  const model = await buildModelWithBases(graph);
  const probed = featureMapProbe(model).run(mnistTestImage(0).image);
  model.dispose();
  assert.deepEqual(
    last.layers.map((l) => [l.name, l.className, l.shape]),
    probed.layers.map((l) => [l.name, l.className, l.shape]),
  );
  assert.equal(last.output.length, 10);
  host.watch(null);
});

test('with the watch stopped no maps come; a probe leaves the tensor count unchanged', async () => {
  const live: LiveMaps[] = [];
  const done = await host.train(
    {
      graph,
      config: { ...DEFAULT_TRAIN_CONFIG, epochs: 1, batchSize: 32 },
      dataset: { kind: 'mnist', limit: 200 },
      dataDir: data,
    },
    () => undefined,
    (m) => live.push(m),
  );
  assert.equal(done.status, 'completed');
  assert.equal(live.length, 0);

  // In this process: the same watcher the engine uses, probing a model after each "batch".
  const model = await buildModelWithBases(graph);
  const sent: LiveMaps[] = [];
  const reports: string[] = [];
  let clock = 0;
  const watch = new LiveWatch(
    (m) => sent.push(m),
    (r) => reports.push(r),
    () => clock,
  );
  watch.set({ type: 'watch', input: { kind: 'mnist-test', index: 3 }, every: 2 });
  watch.onBatchEnd(model, 1, 1); // builds the probe's sub-model once
  const before = tf.memory().numTensors;
  for (let b = 2; b <= 9; b++) {
    clock += 300;
    watch.onBatchEnd(model, 1, b);
  }
  assert.equal(tf.memory().numTensors, before, 'no tensor is left behind by the probes');
  assert.deepEqual(
    sent.map((m) => m.batch),
    [1, 3, 5, 7, 9],
  );
  // Never more often than MIN_WATCH_INTERVAL_MS, however few the batches between.
  watch.onBatchEnd(model, 1, 10);
  watch.onBatchEnd(model, 1, 11);
  assert.equal(sent.length, 5);
  watch.set({ type: 'watch', input: { kind: 'mnist-test', index: 10_000 } });
  assert.equal(watch.watching, false);
  assert.match(reports[0]!, /mnist-test:10000 does not exist/);
  model.dispose();
});

test('the training service forwards live maps as train:feature-maps events that pass the channel validator', async () => {
  const maps: unknown[] = [];
  let resolveDone: () => void;
  const finished = new Promise<void>((r) => (resolveDone = r));
  const service = createTrainingService({
    dataDir: data,
    events: {
      emit(channel, payload) {
        if (channel === 'train:feature-maps') maps.push(payload);
        if (channel === 'train:event' && (payload as TrainEvent).type === 'done') resolveDone();
      },
    },
  });
  try {
    service.watch({ kind: 'mnist-test', index: 7 }, 3);
    service.start({
      graph,
      config: { ...DEFAULT_TRAIN_CONFIG, epochs: 1, batchSize: 32 },
      dataset: { kind: 'mnist', limit: 400 },
    });
    await finished;
  } finally {
    service.dispose();
  }
  assert.ok(maps.length >= 2, `${maps.length} train:feature-maps events`);
  for (const m of maps) assert.equal(trainEvents['train:feature-maps'].payload.check(m, 'payload'), null);
});
