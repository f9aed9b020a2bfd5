// The WebSocket side of the server: requests in, replies and engine events out, as binary frames.
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  checkEventPayload,
  type EventChannel,
  type EventPayload,
  type EventSink,
  type Handlers,
} from '../shared/ipc/contract';
import { asClientMessage, decodeFrame, encodeFrame, type ServerMessage } from '../shared/ipc/wire';
import { dispatch } from '../main/dispatch';

/** Largest frame a client may send (an uploaded image or project): beyond it the socket is closed. */
export const MAX_CLIENT_FRAME = 64 * 1024 * 1024;

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

export interface SocketHub extends EventSink {
  wss: WebSocketServer;
  /** Handlers answer requests; set once they exist (they may need this hub as their event sink). */
  setHandlers(handlers: Handlers): void;
  clientCount(): number;
  close(): Promise<void>;
}

export function createSocketHub(): SocketHub {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME });
  let handlers: Handlers | null = null;
  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(encodeFrame(message), { binary: true });
  };

  wss.on('connection', (ws) => {
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        ws.close(1003, 'binary frames only');
        return;
      }
      let message;
      try {
        message = asClientMessage(decodeFrame(toBytes(data)));
      } catch {
        message = null;
      }
      if (!message) {
        ws.close(1007, 'malformed message');
        return;
      }
      const { id, channel, arg } = message;
      const answer = handlers
        ? dispatch(handlers, channel, arg)
        : Promise.resolve({
            ok: false as const,
            error: 'The engine is still starting: try again in a moment.',
          });
      void answer.then((reply) => send(ws, { kind: 'reply', id, reply }));
    });
  });

  return {
    wss,
    setHandlers(h) {
      handlers = h;
    },
    emit<E extends EventChannel>(channel: E, payload: EventPayload<E>) {
      const problem = checkEventPayload(channel, payload);
      if (problem) {
        console.error(problem);
        return;
      }
      const frame = encodeFrame({ kind: 'event', channel, payload });
      for (const ws of wss.clients) if (ws.readyState === WebSocket.OPEN) ws.send(frame, { binary: true });
    },
    clientCount: () => wss.clients.size,
    close() {
      for (const ws of wss.clients) ws.terminate();
      return new Promise((done) => wss.close(() => done()));
    },
  };
}
