// The engine process entry: receives a train request, streams events back, obeys stop/pause/resume.
// Runs under child_process.fork (process.send) or Electron's utilityProcess (process.parentPort).
import { initBackend, type BackendChoice } from '../backend.ts';
import { TrainControl } from '../train-control.ts';
import { runTrainingJob } from './job.ts';
import { isHostMessage, type EngineMessage, type HostMessage } from './protocol.ts';
import { LiveWatch } from './watch.ts';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function send(msg: EngineMessage): void {
  if (parentPort) parentPort.postMessage(msg);
  else process.send?.(msg);
}

function onMessage(listener: (msg: HostMessage) => void): void {
  const accept = (m: unknown): void => {
    if (isHostMessage(m)) listener(m);
  };
  if (parentPort) parentPort.on('message', (e) => accept(e.data));
  else process.on('message', accept);
}

let control: TrainControl | null = null;
/** The watched input outlives runs: a watch sent before or between runs applies to the next one. */
const watch = new LiveWatch(
  (live) => send({ type: 'maps', live }),
  (message) => send({ type: 'event', event: { type: 'info', message } }),
);
/** A backend starts once per engine process and serves every later run that asks for the same one. */
const backends = new Map<string, Promise<BackendChoice>>();
function chooseBackend(prefer?: string): Promise<BackendChoice> {
  const key = prefer ?? '';
  let b = backends.get(key);
  if (!b) {
    b = initBackend({ prefer });
    b.catch(() => backends.delete(key));
    backends.set(key, b);
  }
  return b;
}

onMessage((msg) => {
  if (msg.type === 'train') {
    if (control) {
      send({
        type: 'event',
        event: {
          type: 'error',
          code: 'internal',
          message: 'A training run is already going in this engine; stop it first.',
        },
      });
      return;
    }
    const mine = new TrainControl();
    control = mine;
    void runTrainingJob(
      msg.request,
      (event) => send({ type: 'event', event }),
      mine,
      chooseBackend,
      watch,
    ).then((done) => {
      control = null;
      send({ type: 'finished', done });
    });
  } else if (msg.type === 'stop') control?.stop();
  else if (msg.type === 'pause') control?.pause();
  else if (msg.type === 'resume') control?.resume();
  else if (msg.type === 'watch') watch.set(msg);
});

// Under fork, the channel closing means the host is gone: nothing is left to report to.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', pid: process.pid });
// Ctrl-C in a terminal reaches the whole process group: the host turns it into a graceful stop.
process.on('SIGINT', () => undefined);
