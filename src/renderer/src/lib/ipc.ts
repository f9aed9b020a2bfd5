// The renderer's one door to the engine: window.api inside Electron, else the WebSocket to src/server.
import type {
  Api,
  EventChannel,
  EventPayload,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
} from '../../../shared/ipc/contract';
import { createWsApi, type OpenSocket } from '../../../shared/ipc/ws-client';

const openBrowserSocket: OpenSocket = (url, events) => {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => events.open();
  ws.onmessage = (e: MessageEvent<unknown>) => {
    if (e.data instanceof ArrayBuffer) events.message(e.data);
  };
  ws.onclose = () => events.close();
  return { send: (data) => ws.send(data), close: () => ws.close() };
};

/** The WebSocket address of the server that served this page, carrying the page's token when it has one. */
export function serverSocketUrl(location: Location): string {
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

let chosen: Api | null = null;

/** The API this page talks through, chosen once. */
export function getApi(): Api {
  chosen ??= window.api ?? createWsApi(serverSocketUrl(window.location), openBrowserSocket);
  return chosen;
}

/** True inside Electron (the preload provided window.api). */
export function isElectron(): boolean {
  return window.api !== undefined;
}

export function invoke<C extends InvokeChannel>(
  channel: C,
  ...args: InvokeArgs<C>
): Promise<InvokeResult<C>> {
  return getApi().invoke(channel, ...args);
}

export function on<E extends EventChannel>(
  channel: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return getApi().on(channel, listener);
}
