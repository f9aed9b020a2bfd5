// The typed Api over a WebSocket to src/server: what the browser UI and the server tests use.
import {
  checkEventPayload,
  checkInvokeArg,
  isEventChannel,
  isInvokeChannel,
  type Api,
  type EventChannel,
  type EventPayload,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResult,
} from './contract';
import { asServerMessage, decodeFrame, encodeFrame } from './wire';

/** The little a socket must do; the browser's WebSocket and the `ws` package both fit through an adapter. */
export interface SocketLike {
  send(data: Uint8Array): void;
  close(): void;
}
export interface SocketEvents {
  open(): void;
  message(data: ArrayBuffer | Uint8Array): void;
  close(): void;
}
export type OpenSocket = (url: string, events: SocketEvents) => SocketLike;

export interface WsApi extends Api {
  /** Closes the socket for good and rejects what is still waiting. */
  close(): void;
}

const LOST =
  'The connection to the Convnet Studio server was lost: check that `npm start` is still running, then reload the page.';

/**
 * Connects lazily on the first call and reconnects after a drop (with a growing delay while someone
 * listens to events). Requests made while connecting are sent once the socket opens.
 */
export function createWsApi(url: string, openSocket: OpenSocket): WsApi {
  type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  let queue: Uint8Array[] = [];
  let socket: SocketLike | null = null;
  let open = false;
  let closed = false;
  let nextId = 1;
  let retryDelay = 500;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  function connect(): void {
    if (socket || closed) return;
    open = false;
    socket = openSocket(url, {
      open() {
        open = true;
        retryDelay = 500;
        for (const frame of queue) socket?.send(frame);
        queue = [];
      },
      message(data) {
        let msg;
        try {
          msg = asServerMessage(decodeFrame(data));
        } catch {
          msg = null;
        }
        if (!msg) return;
        if (msg.kind === 'reply') {
          const waiting = pending.get(msg.id);
          if (!waiting) return;
          pending.delete(msg.id);
          if (msg.reply.ok) waiting.resolve(msg.reply.value);
          else waiting.reject(new Error(msg.reply.error));
          return;
        }
        if (!isEventChannel(msg.channel)) return;
        const problem = checkEventPayload(msg.channel, msg.payload);
        if (problem) {
          console.warn(problem);
          return;
        }
        for (const listener of listeners.get(msg.channel) ?? []) listener(msg.payload as never);
      },
      close() {
        socket = null;
        open = false;
        queue = [];
        for (const waiting of pending.values()) waiting.reject(new Error(LOST));
        pending.clear();
        const listening = [...listeners.values()].some((set) => set.size > 0);
        if (!closed && listening && !retryTimer) {
          retryTimer = setTimeout(() => {
            retryTimer = null;
            connect();
          }, retryDelay);
          retryDelay = Math.min(retryDelay * 2, 5000);
        }
      },
    });
  }

  return {
    invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> {
      if (closed) return Promise.reject(new Error(LOST));
      if (!isInvokeChannel(channel))
        return Promise.reject(new Error(`Unknown request "${String(channel)}".`));
      const arg: unknown = args[0];
      const problem = checkInvokeArg(channel, arg);
      if (problem) return Promise.reject(new Error(problem));
      const id = nextId++;
      const frame = encodeFrame({ kind: 'invoke', id, channel, arg });
      return new Promise<InvokeResult<C>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        connect();
        if (open && socket) socket.send(frame);
        else queue.push(frame);
      });
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventChannel(channel)) throw new Error(`Unknown event "${String(channel)}".`);
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener as (payload: never) => void);
      connect();
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const s = socket;
      socket = null;
      for (const waiting of pending.values()) waiting.reject(new Error(LOST));
      pending.clear();
      s?.close();
    },
  };
}
