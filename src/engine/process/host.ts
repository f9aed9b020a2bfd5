// The host side of the engine process: starts it (fork or Electron utilityProcess), relays events,
// notices when it dies and says so, and starts a fresh one for the next run.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DoneEvent, TrainEvent } from '../../shared/training.ts';
import {
  isEngineMessage,
  type EngineMessage,
  type HostMessage,
  type LiveMaps,
  type TrainRequest,
  type WatchRequest,
} from './protocol.ts';

/** A started engine process, whatever started it. */
export interface EngineChild {
  send(msg: HostMessage): void;
  onMessage(listener: (msg: unknown) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export type SpawnEngine = () => EngineChild;

/** The engine entry as a source file; built apps pass their bundled entry instead. */
export const CHILD_ENTRY = fileURLToPath(new URL('./child.ts', import.meta.url));

/**
 * Starts the engine with child_process.fork (server, CLI, tests). The child's stdout and stderr go to
 * `output` (the host's stderr by default), so a tfjs banner can never reach the host's stdout.
 */
export function forkEngine(
  opts: { entry?: string; env?: NodeJS.ProcessEnv; output?: NodeJS.WritableStream } = {},
): SpawnEngine {
  const entry = opts.entry ?? CHILD_ENTRY;
  return () => {
    const child = fork(entry, [], {
      execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const out = opts.output ?? process.stderr;
    child.stdout?.on('data', (d: Buffer) => out.write(d));
    child.stderr?.on('data', (d: Buffer) => out.write(d));
    return {
      send: (msg) => {
        if (child.connected) child.send(msg);
      },
      onMessage: (l) => child.on('message', l),
      onExit: (l) => {
        // A fork that cannot start emits 'error' and maybe no 'exit': report either, once.
        let reported = false;
        const once = (code: number | null, signal: string | null): void => {
          if (!reported) l(code, signal);
          reported = true;
        };
        child.on('exit', once);
        child.on('error', () => once(child.exitCode, child.signalCode));
      },
      kill: () => {
        child.kill('SIGKILL');
      },
    };
  };
}

/** The part of Electron's UtilityProcess the host uses (main passes `() => utilityProcess.fork(entry)`). */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export function fromUtilityProcess(start: () => UtilityProcessLike): SpawnEngine {
  return () => {
    const p = start();
    return {
      send: (msg) => p.postMessage(msg),
      onMessage: (l) => p.on('message', l),
      onExit: (l) => p.on('exit', (code: number) => l(code, null)),
      kill: () => {
        p.kill();
      },
    };
  };
}

function deathMessage(
  code: number | null,
  signal: string | null,
  runDir: string | null,
  epochs: number,
): string {
  const cause =
    signal === 'SIGKILL' || code === 137
      ? `was killed (${signal ?? 'exit code 137'}) — most often the system ran out of memory; try a smaller batch size, smaller images or a smaller model`
      : code === 134 || signal === 'SIGABRT'
        ? 'crashed (it aborted, which usually means it ran out of memory); try a smaller batch size or model'
        : `stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`;
  const kept = runDir ? ` ${epochs} completed epoch(s) are saved in ${runDir}.` : '';
  return `The training engine ${cause}.${kept} Start training again to restart it.`;
}

interface Job {
  /** Controls asked for before the engine had the request; sent right after it. */
  queued: HostMessage[] | null;
  onEvent: (e: TrainEvent) => void;
  onMaps: (live: LiveMaps) => void;
  resolve: (d: DoneEvent) => void;
  runDir: string | null;
  epochs: number;
}

/** Runs training requests in an engine process, one at a time. */
export class EngineHost {
  private child: EngineChild | null = null;
  private ready: Promise<void> | null = null;
  private job: Job | null = null;
  private enginePid: number | null = null;
  /** The latest watch request; every engine started later gets it too. */
  private watching: WatchRequest | null = null;

  constructor(private readonly spawn: SpawnEngine = forkEngine()) {}

  get busy(): boolean {
    return this.job !== null;
  }

  /** The engine process's id once it has started (fork reports it; null before and after). */
  get pid(): number | null {
    return this.enginePid;
  }

  /**
   * Trains in the engine process. Events reach `onEvent` in order, ending with `done` (also when the
   * engine dies); the promise resolves with that `done` event. While a watch is set (see `watch`),
   * the watched input's feature maps on the live model reach `onMaps` every few batches.
   */
  async train(
    request: TrainRequest,
    onEvent: (e: TrainEvent) => void,
    onMaps: (live: LiveMaps) => void = () => undefined,
  ): Promise<DoneEvent> {
    if (this.job) throw new Error('A training run is already going; stop it before starting another.');
    const done = new Promise<DoneEvent>((resolve) => {
      this.job = { queued: [], onEvent, onMaps, resolve, runDir: null, epochs: 0 };
    });
    const job = this.job!;
    await this.start();
    if (this.watching) this.child?.send(this.watching);
    this.child?.send({ type: 'train', request });
    for (const m of job.queued ?? []) this.child?.send(m);
    job.queued = null;
    return done;
  }

  stop(): void {
    this.control({ type: 'stop' });
  }
  pause(): void {
    this.control({ type: 'pause' });
  }
  resume(): void {
    this.control({ type: 'resume' });
  }

  /**
   * Watches an input (an MNIST test index or pixels) while runs train: `null` stops. The request
   * stays in force for later runs until replaced.
   */
  watch(input: WatchRequest['input'], every?: number): void {
    const msg: WatchRequest = { type: 'watch', input, ...(every !== undefined ? { every } : {}) };
    this.watching = input ? msg : null;
    if (this.job?.queued) return; // sent with the train request
    if (this.child && this.enginePid !== null) this.child.send(msg);
  }

  private control(msg: HostMessage): void {
    if (this.job?.queued) this.job.queued.push(msg);
    else if (this.job) this.child?.send(msg);
  }

  /** Ends the engine process (a run in progress ends as if it had died, with its completed epochs kept). */
  dispose(): void {
    this.child?.kill();
  }

  private start(): Promise<void> {
    if (this.child && this.ready) return this.ready;
    const child = this.spawn();
    this.child = child;
    this.ready = new Promise<void>((resolve) => {
      child.onMessage((m) => {
        if (!isEngineMessage(m)) return;
        if (m.type === 'ready') {
          this.enginePid = m.pid;
          resolve();
        } else this.receive(m);
      });
      child.onExit((code, signal) => {
        if (this.child === child) {
          this.child = null;
          this.ready = null;
          this.enginePid = null;
        }
        resolve(); // a child that dies before it is ready lets train() go on to report the death
        const job = this.job;
        if (!job) return;
        this.job = null;
        const message = deathMessage(code, signal, job.runDir, job.epochs);
        job.onEvent({ type: 'error', code: 'engine-died', message });
        const done: DoneEvent = {
          type: 'done',
          status: 'failed',
          test_accuracy: null,
          test_loss: null,
          run_dir: job.runDir,
          epochs_completed: job.epochs,
        };
        job.onEvent(done);
        job.resolve(done);
      });
    });
    return this.ready;
  }

  private receive(m: Exclude<EngineMessage, { type: 'ready' }>): void {
    const job = this.job;
    if (!job) return;
    if (m.type === 'event') {
      if (m.event.type === 'run') job.runDir = m.event.runDir;
      if (m.event.type === 'epoch') job.epochs++;
      job.onEvent(m.event);
    } else if (m.type === 'maps') job.onMaps(m.live);
    else {
      this.job = null;
      job.onEvent(m.done);
      job.resolve(m.done);
    }
  }
}
