// The bases:* service: a run named by id is listed layer by layer and placed, cut where the user chose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { createBasesService } from '../../src/engine/bases-service.ts';
import { buildModel } from '../../src/engine/build-model.ts';
import { saveModelToDir } from '../../src/engine/model-io.ts';
import { createRun } from '../../src/engine/runs.ts';
import { plan } from '../../src/shared/graph/plan.ts';
import { getTemplate } from '../../src/shared/graph/templates/index.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/shared/training.ts';

test('a run is inspected by id and placed as a frozen base cut at the chosen layer', async () => {
  await tf.setBackend('cpu');
  const dataDir = mkdtempSync(join(tmpdir(), 'bases-service-'));
  const run = createRun(dataDir, {
    graph: getTemplate('mnist-convnet')!,
    config: DEFAULT_TRAIN_CONFIG,
    dataset: { kind: 'mnist' },
  });
  const model = buildModel(getTemplate('mnist-convnet')!);
  await saveModelToDir(model, join(run.dir, 'best'));
  model.dispose();

  const service = createBasesService({ dataDir });
  const info = await service.inspect({ kind: 'run', id: run.id });
  assert.deepEqual(
    info.layers.map((l) => [l.className, l.outputShape, l.params]),
    [
      ['InputLayer', [null, 28, 28, 1], 0],
      ['Conv2D', [null, 26, 26, 32], 320],
      ['MaxPooling2D', [null, 13, 13, 32], 0],
      ['Conv2D', [null, 11, 11, 64], 18_496],
      ['MaxPooling2D', [null, 5, 5, 64], 0],
      ['Conv2D', [null, 3, 3, 64], 36_928],
      ['Flatten', [null, 576], 0],
      ['Dense', [null, 64], 36_928],
      ['Dense', [null, 10], 650],
    ],
  );
  const placed = await service.place(
    { version: 1, name: 'new', nodes: [], edges: [] },
    { kind: 'run', id: run.id },
    info.layers[4].name,
  );
  const p = plan(placed.doc);
  assert.deepEqual(p.errors, []);
  assert.equal(p.nonTrainableParams, 320 + 18_496);
  assert.deepEqual(p.nodes[placed.outputNodeId].outputShape, [null, 5, 5, 64]);
  assert.equal(placed.doc.bases?.[0].source.kind, 'run');

  await assert.rejects(
    service.inspect({ kind: 'run', id: 'no-such-run' }),
    /could not be loaded from the run at/,
  );
});
