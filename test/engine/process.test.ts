// The engine process: a child trains and streams events; a killed child is reported and restarted.
// The host here talks to it through the utilityProcess adapter (Electron's shape) over a real fork;
// the CLI tests use the plain fork adapter.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import {
  CHILD_ENTRY,
  EngineHost,
  fromUtilityProcess,
  type UtilityProcessLike,
} from '../../src/engine/process/host.ts';
import { readRun } from '../../src/engine/runs.ts';
import { getTemplate } from '../../src/shared/graph/templates/index.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainEvent } from '../../src/shared/training.ts';
import type { TrainRequest } from '../../src/engine/process/protocol.ts';

const data = mkdtempSync(join(tmpdir(), 'engine-'));
/** Electron's UtilityProcess surface (postMessage, 'message', 'exit' with a code, kill) over child_process.fork. */
function utilityLike(): UtilityProcessLike {
  const child = fork(CHILD_ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const p: UtilityProcessLike = {
    postMessage: (m) => {
      if (child.connected) child.send(m as object);
    },
    on: (event: 'message' | 'exit', listener: (arg: never) => void) => {
      if (event === 'message') child.on('message', listener as (m: unknown) => void);
      else
        child.on('exit', (code, signal) =>
          (listener as (c: number) => void)(code ?? (signal === 'SIGKILL' ? 137 : 1)),
        );
      return p;
    },
    kill: () => child.kill('SIGKILL'),
  };
  return p;
}

const host = new EngineHost(fromUtilityProcess(utilityLike));
after(() => {
  host.dispose();
  rmSync(data, { recursive: true, force: true });
});

function request(epochs: number): TrainRequest {
  return {
    graph: getTemplate('mnist-dense')!,
    config: { ...DEFAULT_TRAIN_CONFIG, epochs, batchSize: 32 },
    dataset: { kind: 'mnist', limit: 300 },
    dataDir: data,
  };
}

test('killing the engine mid-run is reported as a sentence, with the completed epochs kept', async () => {
  const events: TrainEvent[] = [];
  let killed = false;
  const done = await host.train(request(20), (e) => {
    events.push(e);
    if (e.type === 'batch' && e.epoch === 2 && !killed) {
      killed = true;
      process.kill(host.pid!, 'SIGKILL');
    }
  });
  assert.equal(done.status, 'failed');
  assert.equal(done.epochs_completed, 1);
  const err = events.find((e) => e.type === 'error');
  assert.ok(err && err.type === 'error' && err.code === 'engine-died');
  assert.match(
    err.message,
    // Electron reports only an exit code: 137 is what a SIGKILL (the OOM killer's signal) leaves.
    /The training engine was killed \(exit code 137\) — most often the system ran out of memory/,
  );
  assert.match(err.message, /1 completed epoch\(s\) are saved in .*runs/);
  assert.equal(events.at(-1)!.type, 'done');
  const rec = readRun(done.run_dir!);
  assert.equal(rec.events.filter((e) => e.type === 'epoch').length, 1);
  assert.ok(rec.hasLast, 'the last completed epoch model is on disk');
  assert.equal(host.busy, false);
});

test('the host starts a fresh engine and a forked run completes, streaming every kind of event', async () => {
  const events: TrainEvent[] = [];
  const done = await host.train(request(1), (e) => events.push(e));
  assert.equal(done.status, 'completed');
  assert.ok(done.test_accuracy! > 0.5, `test accuracy ${done.test_accuracy}`);
  const types = new Set(events.map((e) => e.type));
  for (const t of ['info', 'run', 'start', 'batch', 'epoch', 'test', 'done'])
    assert.ok(types.has(t as TrainEvent['type']), t);
  assert.ok(existsSync(join(done.run_dir!, 'result.json')));
  assert.equal(readRun(done.run_dir!).result?.test_accuracy, done.test_accuracy);
  const first = host.train(request(3), () => {});
  await assert.rejects(
    host.train(request(1), () => {}),
    /already going; stop it before starting another/,
  );
  host.stop();
  assert.equal((await first).status, 'stopped');
});
