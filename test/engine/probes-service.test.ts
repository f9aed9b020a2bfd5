// The probe service behind the probe:* channels: runs and templates, typed arrays over the wire, clear refusals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../src/engine/build-model';
import { createRun, saveModelToDir } from '../../src/engine/runs';
import { createProbeService, type ProbeService } from '../../src/engine/probes/service';
import { checkInvokeArg } from '../../src/shared/ipc/contract';
import { decodeFrame, encodeFrame } from '../../src/shared/ipc/wire';
import { getTemplate } from '../../src/shared/graph/templates';
import { DEFAULT_TRAIN_CONFIG } from '../../src/shared/training';

let dataDir = '';
let runId = '';
let runDir = '';
let service: ProbeService;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'probe-service-'));
  const graph = getTemplate('mnist-convnet')!;
  const run = createRun(dataDir, {
    name: 'probe test run',
    graph,
    config: DEFAULT_TRAIN_CONFIG,
    dataset: { kind: 'mnist' },
  });
  runId = run.id;
  runDir = run.dir;
  const model = buildModel(graph);
  await saveModelToDir(model, join(run.dir, 'best'));
  model.dispose();
  service = createProbeService({ dataDir });
});
after(() => {
  service.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

test('lists saved runs first, then the convnet templates', async () => {
  const models = await service.models();
  assert.deepEqual(models[0]!.source, { kind: 'run', id: runId });
  assert.equal(models[0]!.label, 'probe test run');
  assert.ok(models.some((m) => m.source.kind === 'template' && m.source.name === 'mnist-convnet'));
});

test('feature maps of a run travel as one Float32Array and survive the WebSocket frame', async () => {
  const r = await service.featureMaps({ kind: 'run', id: runId }, { kind: 'mnist-test', index: 0 });
  assert.equal(r.label, 7);
  assert.ok(r.maps.data instanceof Float32Array);
  assert.equal(r.maps.data.length, 26 * 26 * 32 + 13 * 13 * 32 + 11 * 11 * 64 + 5 * 5 * 64 + 3 * 3 * 64);
  const frame = encodeFrame({ kind: 'reply', id: 1, reply: { ok: true, value: r } });
  assert.ok(frame.byteLength < r.maps.data.byteLength + 8192, 'bytes, not JSON numbers');
  const back = decodeFrame(frame) as { reply: { value: typeof r } };
  assert.ok(back.reply.value.maps.data instanceof Float32Array);
  assert.deepEqual(back.reply.value.maps.data, r.maps.data);
});

test('a run that saves a new model is reloaded; the cache keeps the tensor count steady', async () => {
  const source = { kind: 'run', id: runId } as const;
  const first = await service.featureMaps(source, { kind: 'mnist-test', index: 1 });
  const count = tf.memory().numTensors;
  await service.featureMaps(source, { kind: 'mnist-test', index: 1 });
  assert.equal(tf.memory().numTensors, count, 'a cached model costs no new tensors');
  const other = buildModel(getTemplate('mnist-convnet')!);
  await saveModelToDir(other, join(runDir, 'best'));
  other.dispose();
  const later = new Date(Date.now() + 5000);
  utimesSync(join(runDir, 'best', 'model.json'), later, later);
  const second = await service.featureMaps(source, { kind: 'mnist-test', index: 1 });
  assert.notDeepEqual(second.maps.data, first.maps.data, 'new weights, new maps');
  assert.equal(tf.memory().numTensors, count, 'the old model was disposed');
});

test('requests are checked before they reach the engine, and failures say what to do', async () => {
  const numbers = { kind: 'pixels', image: { shape: [28, 28, 1], data: new Array(784).fill(0) } };
  assert.match(
    checkInvokeArg('probe:feature-maps', {
      source: { kind: 'template', name: 'mnist-convnet' },
      input: numbers,
    }) ?? '',
    /Float32Array/,
  );
  assert.match(
    checkInvokeArg('probe:gradcam', {
      source: { kind: 'run', id: '../etc' },
      input: { kind: 'mnist-test', index: 0 },
    }) ?? '',
    /run id/,
  );
  await assert.rejects(service.kernels({ kind: 'run', id: 'no-such-run' }), /has no saved model yet/);
  await assert.rejects(
    service.filters({ kind: 'template', name: 'mnist-convnet' }, 'flatten'),
    /no 2D maps to maximise/,
  );
});
