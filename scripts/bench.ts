// `npm run bench`: trains the mnist-convnet template on every backend that loads and on the PyTorch peer, same run.
//
// Each backend runs in its own child process (a process holds one wasm thread setting), one after
// another so they do not compete for the cores; the peer is `../shared/bench/torch_peer.py`.
// Flags: --batches N (timed, default 60)  --warmup N (default 5)  --rounds N (alternate all runs N
// times, report the median and range; default 1)  --threads N (wasm)  --with-cpu  --no-peer
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { BACKEND_NAMES, initBackend, type BackendName } from '../src/engine/backend.ts';
import { buildModel } from '../src/engine/build-model.ts';
import { loadMnist, mnistDir } from '../src/engine/datasets/idx.ts';
import { getTemplate } from '../src/shared/graph/templates/index.ts';

const BATCH = 64;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Flags {
  batches: number;
  warmup: number;
  rounds: number;
  threads?: number;
  withCpu: boolean;
  peer: boolean;
  worker?: string;
}

function parseFlags(argv: string[]): Flags {
  const f: Flags = { batches: 60, warmup: 5, rounds: 1, withCpu: false, peer: true };
  const num = (i: number, name: string) => {
    const v = Number(argv[i + 1]);
    if (!Number.isInteger(v) || v < 1)
      throw new Error(`${name} needs a whole number of at least 1, e.g. ${name} 60.`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--batches') f.batches = num(i++, a);
    else if (a === '--warmup') f.warmup = num(i++, a);
    else if (a === '--rounds') f.rounds = num(i++, a);
    else if (a === '--threads') f.threads = num(i++, a);
    else if (a === '--with-cpu') f.withCpu = true;
    else if (a === '--no-peer') f.peer = false;
    else if (a === '--worker') f.worker = argv[++i];
    else
      throw new Error(
        `Unknown option ${a}. Options: --batches N, --warmup N, --rounds N, --threads N, --with-cpu, --no-peer.`,
      );
  }
  return f;
}

interface Result {
  label: string;
  samplesPerS?: number;
  threads?: number;
  loss?: [number, number];
  /** CPU time of the whole process per batch (all threads): steadier than samples/s on a busy machine. */
  cpuMsPerBatch?: number;
  skipped?: string;
}

/** Child side: start one backend, train `warmup` then `batches` batches, print one JSON line. */
async function worker(name: BackendName, f: Flags): Promise<void> {
  let choice;
  try {
    choice = await initBackend({ prefer: name, threads: f.threads });
  } catch (e) {
    console.log(JSON.stringify({ label: name, skipped: e instanceof Error ? e.message : String(e) }));
    return;
  }
  const total = f.warmup + f.batches;
  const { train } = loadMnist({ limit: Math.min(60000, total * BATCH) });
  const doc = getTemplate('mnist-convnet');
  if (!doc) throw new Error("The 'mnist-convnet' template is missing.");
  const model = buildModel(doc);
  model.compile({ optimizer: tf.train.rmsprop(1e-3), loss: 'categoricalCrossentropy' });
  const per = BATCH * 28 * 28;
  const batches = Array.from({ length: total }, (_, b) => {
    const start = (b * BATCH) % (train.count - BATCH + 1);
    return tf.tidy(() => {
      const px = Float32Array.from(train.pixels.subarray(start * 784, start * 784 + per), (v) => v / 255);
      const x = tf.tensor4d(px, [BATCH, 28, 28, 1]);
      const y = tf.oneHot(tf.tensor1d(Array.from(train.labels.subarray(start, start + BATCH)), 'int32'), 10);
      return { x, y };
    });
  });
  const losses: number[] = [];
  for (let b = 0; b < f.warmup; b++)
    losses.push((await model.trainOnBatch(batches[b].x, batches[b].y)) as number);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let b = f.warmup; b < total; b++)
    losses.push((await model.trainOnBatch(batches[b].x, batches[b].y)) as number);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const label = name === 'wasm' ? `wasm ${choice.threads}t` : name;
  const out: Result = {
    label,
    samplesPerS: (f.batches * BATCH) / seconds,
    threads: choice.threads,
    loss: [losses[0], losses[losses.length - 1]],
    cpuMsPerBatch: (cpu.user + cpu.system) / 1000 / f.batches,
  };
  console.log(JSON.stringify(out));
}

function runChild(args: string[]): Result {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Result;
  } catch {
    return {
      label: args[1] ?? '?',
      skipped: `the benchmark process failed (exit ${r.status}): ${line || 'no output'}`,
    };
  }
}

function runPeer(f: Flags): Result {
  const script = join(root, '..', 'shared', 'bench', 'torch_peer.py');
  if (!existsSync(script))
    return {
      label: 'pytorch',
      skipped: `${script} not found (the shared folder sits next to the repository)`,
    };
  const r = spawnSync('/usr/bin/python3', [script, mnistDir(), '--batches', String(f.batches)], {
    encoding: 'utf8',
  });
  try {
    const j = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as {
      samples_per_s: number;
      threads: number;
    };
    return { label: 'pytorch', samplesPerS: j.samples_per_s, threads: j.threads };
  } catch {
    return {
      label: 'pytorch',
      skipped: `torch_peer.py failed (${(r.stderr || r.stdout || '').trim().split('\n').pop()}); apt-get install -y python3-torch`,
    };
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main(): Promise<number> {
  const f = parseFlags(process.argv.slice(2));
  if (f.worker) {
    if (!(BACKEND_NAMES as readonly string[]).includes(f.worker))
      throw new Error(`Unknown backend ${f.worker}.`);
    await worker(f.worker as BackendName, f);
    return 0;
  }
  const common = ['--batches', String(f.batches), '--warmup', String(f.warmup)];
  const runs: { key: string; run: () => Result }[] = [];
  if (f.peer) runs.push({ key: 'peer', run: () => runPeer(f) });
  for (const name of BACKEND_NAMES) {
    if (name === 'cpu' && !f.withCpu) continue;
    if (name === 'wasm') {
      const threads = f.threads ?? 0;
      runs.push({
        key: 'wasm',
        run: () =>
          runChild(['--worker', 'wasm', ...common, ...(threads ? ['--threads', String(threads)] : [])]),
      });
      if (threads !== 1)
        runs.push({ key: 'wasm-1', run: () => runChild(['--worker', 'wasm', ...common, '--threads', '1']) });
    } else
      runs.push({
        key: name,
        run: () =>
          runChild([
            '--worker',
            name,
            ...common,
            ...(name === 'cpu' ? ['--batches', '2', '--warmup', '1'] : []),
          ]),
      });
  }
  const results = new Map<string, Result[]>();
  for (let round = 0; round < f.rounds; round++) {
    for (const { key, run } of runs) {
      const earlier = results.get(key) ?? [];
      if (earlier[0]?.skipped) continue; // it will not load in a later round either
      process.stderr.write(`bench: ${key}, round ${round + 1} of ${f.rounds}...\n`);
      results.set(key, [...earlier, run()]);
    }
  }
  console.log(
    `mnist-convnet, batch ${BATCH}, RMSprop 1e-3: ${f.batches} timed batches after ${f.warmup} warm-up, ${f.rounds} round(s)`,
  );
  const peerSps = median((results.get('peer') ?? []).flatMap((r) => (r.samplesPerS ? [r.samplesPerS] : [])));
  let best: { label: string; sps: number } | undefined;
  for (const { key } of runs) {
    const rs = results.get(key) ?? [];
    const ok = rs.filter((r) => r.samplesPerS);
    if (ok.length === 0) {
      const why = (rs[0]?.skipped ?? 'no result')
        .replace(/^The '[\w-]+' backend cannot start: /, '')
        .replace(/\. Choose another .*$/, '');
      console.log(`${(rs[0]?.label ?? key).padEnd(12)} skipped: ${why}`);
      continue;
    }
    const sps = ok.map((r) => r.samplesPerS as number);
    const m = median(sps);
    const range =
      sps.length > 1 ? ` (range ${Math.min(...sps).toFixed(0)}–${Math.max(...sps).toFixed(0)})` : '';
    const ratio = peerSps ? `  ratio to peer ${(m / peerSps).toFixed(3)}` : '';
    const loss = ok[0].loss ? `  loss ${ok[0].loss[0].toFixed(3)} -> ${ok[0].loss[1].toFixed(3)}` : '';
    const cpuMs = ok.flatMap((r) => (r.cpuMsPerBatch ? [r.cpuMsPerBatch] : []));
    const cpu = cpuMs.length ? `  cpu ${median(cpuMs).toFixed(0)} ms/batch` : '';
    console.log(
      `${ok[0].label.padEnd(12)} ${m.toFixed(1).padStart(8)} samples/s${range}${ratio}${cpu}${loss}`,
    );
    if (key !== 'peer' && (!best || m > best.sps)) best = { label: ok[0].label.split(' ')[0], sps: m };
  }
  if (!best || !peerSps) {
    console.log('ratio: not available (a backend or the peer did not run)');
    return 1;
  }
  console.log(`ratio ${best.label}/pytorch: ${(best.sps / peerSps).toFixed(3)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  },
);
