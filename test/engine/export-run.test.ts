// A trained run exported as files: tfjs files that find each other, a Keras script that compiles, Keras JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../src/engine/build-model.ts';
import { exportRun, fileStem } from '../../src/engine/export-run.ts';
import { saveModelToDir } from '../../src/engine/model-io.ts';
import { createRun } from '../../src/engine/runs.ts';
import { getTemplate } from '../../src/shared/graph/templates/index.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/shared/training.ts';

test('a run exports as tfjs, Keras Python and Keras JSON files named after it', async () => {
  await tf.setBackend('cpu');
  const dataDir = mkdtempSync(join(tmpdir(), 'export-run-'));
  try {
    const graph = getTemplate('mnist-convnet')!;
    const run = createRun(dataDir, {
      graph,
      config: { ...DEFAULT_TRAIN_CONFIG, optimizer: 'adam', learningRate: 0.0005, epochs: 3 },
      dataset: { kind: 'mnist' },
    });
    assert.throws(() => exportRun(run.dir, 'tfjs'), /saved no trained model/);
    const model = buildModel(graph);
    await saveModelToDir(model, join(run.dir, 'best'));
    model.dispose();

    const tfjs = exportRun(run.dir, 'tfjs');
    const stem = fileStem(JSON.parse(readFileSync(join(run.dir, 'config.json'), 'utf8')).name);
    assert.equal(tfjs[0].name, `${stem}-model.json`);
    const json = JSON.parse(new TextDecoder().decode(tfjs[0].bytes));
    const named = json.weightsManifest.flatMap((g: { paths: string[] }) => g.paths);
    assert.deepEqual(
      named,
      tfjs.slice(1).map((f) => f.name),
    );
    // The weight bytes are the saved ones, unchanged.
    const original = JSON.parse(readFileSync(join(run.dir, 'best', 'model.json'), 'utf8'));
    const firstBin = readFileSync(join(run.dir, 'best', original.weightsManifest[0].paths[0]));
    assert.ok(Buffer.from(tfjs[1].bytes).equals(firstBin));

    const py = exportRun(run.dir, 'keras-py');
    assert.equal(py[0].name, `${stem}.py`);
    const script = new TextDecoder().decode(py[0].bytes);
    assert.match(script, new RegExp(`WEIGHTS_MODEL_JSON = "${stem}-model.json"`));
    assert.match(script, /Adam|adam/);
    assert.match(script, /0\.0005/);
    const file = join(dataDir, py[0].name);
    writeFileSync(file, script);
    const compiled = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
    assert.equal(compiled.status, 0, compiled.stderr);

    const kj = exportRun(run.dir, 'keras-json');
    assert.equal(kj[0].name, `${stem}.keras.json`);
    assert.ok(JSON.parse(new TextDecoder().decode(kj[0].bytes)).config);
    assert.equal(kj.length, tfjs.length + 1);

    assert.throws(() => exportRun(join(dataDir, 'runs', 'gone'), 'tfjs'), /no training run/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('file stems keep letters, digits, dashes and underscores only', () => {
  assert.equal(fileStem('mnist convnet (2)'), 'mnist_convnet_2');
  assert.equal(fileStem('///'), 'model');
});
