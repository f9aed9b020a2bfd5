// The engine as Electron starts it: electron-vite's bundled out/main/engine-child.js trains a model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineHost, forkEngine } from '../../src/engine/process/host.ts';
import { getTemplate } from '../../src/shared/graph/templates/index.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainEvent } from '../../src/shared/training.ts';

test('the bundled engine entry (what utilityProcess.fork starts) trains and saves a run', async () => {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, `electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
  const host = new EngineHost(forkEngine({ entry: join('out', 'main', 'engine-child.js') }));
  const seen: TrainEvent['type'][] = [];
  try {
    const done = await host.train(
      {
        graph: getTemplate('mnist-convnet')!,
        config: { ...DEFAULT_TRAIN_CONFIG, epochs: 1 },
        dataset: { kind: 'mnist', limit: 640 },
        dataDir: mkdtempSync(join(tmpdir(), 'built-engine-')),
      },
      (e) => seen.push(e.type),
    );
    assert.equal(done.status, 'completed', JSON.stringify(done));
    assert.ok(done.run_dir, 'the run has a folder');
    for (const t of ['start', 'epoch', 'test'] as const) assert.ok(seen.includes(t), `a ${t} event`);
  } finally {
    host.dispose();
  }
});
