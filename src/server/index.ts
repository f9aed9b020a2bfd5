// The local web server: the built renderer over HTTP and the typed API over a WebSocket, loopback and token only.
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { EventSink, Handlers } from '../shared/ipc/contract';
import { createHandlers } from '../main/handlers';
import { createServices } from '../main/services';
import { checkRequest, isLoopbackHost, makeGate, newToken, tokenCookie, type Gate } from './auth';
import { createSocketHub } from './socket';
import { sendText, serveStatic } from './static';

export interface ServerOptions {
  /** 0 or absent: a free port the OS picks. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. */
  host?: string;
  /** Absent: a fresh random token. */
  token?: string;
  /** The built renderer, normally out/web. */
  webRoot: string;
  /** Builds the handlers around the server's event sink; default: the app's own handlers and engine services. */
  handlers?: (events: EventSink) => Handlers;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT/?token=…, the address to open. */
  url: string;
  origin: string;
  port: number;
  host: string;
  token: string;
  /** Pushes engine events to every connected page. */
  events: EventSink;
  close(): Promise<void>;
}

function refuseUpgrade(socket: Duplex, reason: string): void {
  socket.end(
    `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${reason}\n`,
  );
}

function urlOf(req: IncomingMessage, gate: Gate): URL | null {
  try {
    return new URL(req.url ?? '/', gate.origin);
  } catch {
    return null;
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new Error(
      `The server listens on this computer only (127.0.0.1, ::1 or localhost), not on "${host}".`,
    );
  }
  const token = options.token ?? newToken();
  const hub = createSocketHub();
  let gate: Gate | null = null;

  const server = createServer((req, res) => {
    const url = gate && urlOf(req, gate);
    if (!gate || !url) return sendText(res, 400, 'Bad request.');
    const verdict = checkRequest(req, url, gate, false);
    if (!verdict.ok) return sendText(res, 403, verdict.reason);
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD')
      return sendText(res, 405, 'Only GET and HEAD are served here.');
    const headers: Record<string, string> = verdict.tokenFromQuery ? { 'Set-Cookie': tokenCookie(gate) } : {};
    serveStatic(options.webRoot, url.pathname, method, res, headers).catch(() => {
      if (!res.headersSent)
        sendText(res, 500, 'Could not read that file: rebuild the UI with `npm run build:web`.');
      else res.destroy();
    });
  });

  server.on('upgrade', (req, socket, head) => {
    const url = gate && urlOf(req, gate);
    if (!gate || !url || url.pathname !== '/ws') return refuseUpgrade(socket, 'Not found.');
    const verdict = checkRequest(req, url, gate, true);
    if (!verdict.ok) return refuseUpgrade(socket, verdict.reason);
    hub.wss.handleUpgrade(req, socket, head, (ws) => hub.wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The server did not get a TCP port.');
  gate = makeGate(host, address.port, token);
  const events: EventSink = hub;
  hub.setHandlers(
    options.handlers
      ? options.handlers(events)
      : createHandlers({ shell: 'server', events, ...createServices(events) }),
  );

  return {
    url: `${gate.origin}/?token=${token}`,
    origin: gate.origin,
    port: address.port,
    host,
    token,
    events,
    async close() {
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
