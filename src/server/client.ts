// A Node client of the server's typed API (tests, scripts): the shared ws-client over the `ws` package.
import { WebSocket } from 'ws';
import { createWsApi, type OpenSocket, type WsApi } from '../shared/ipc/ws-client';

/**
 * Connects to a running server. `pageUrl` is the address it printed (with ?token=); the Origin sent
 * is the server's own, as a page it served would send.
 */
export function connectApi(pageUrl: string, options: { origin?: string } = {}): WsApi {
  const page = new URL(pageUrl);
  const token = page.searchParams.get('token') ?? '';
  const origin = options.origin ?? page.origin;
  const open: OpenSocket = (url, events) => {
    const ws = new WebSocket(url, { origin });
    ws.binaryType = 'arraybuffer';
    ws.on('open', () => events.open());
    ws.on('message', (data) => {
      if (data instanceof ArrayBuffer) events.message(data);
    });
    ws.on('close', () => events.close());
    // A refused upgrade or a dropped socket ends in 'close'; the error itself adds nothing.
    ws.on('error', () => {});
    return { send: (data) => ws.send(data), close: () => ws.close() };
  };
  return createWsApi(`ws://${page.host}/ws?token=${encodeURIComponent(token)}`, open);
}
