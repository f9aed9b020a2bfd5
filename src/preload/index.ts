// Electron preload: exposes the typed `window.api`, limited to the contract's channels and checked at run time.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  checkInvokeArg,
  isEventChannel,
  isInvokeChannel,
  type Api,
  type EventChannel,
  type EventPayload,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResult,
  type Reply,
} from '../shared/ipc/contract';

const api: Api = {
  async invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> {
    if (!isInvokeChannel(channel)) throw new Error(`Unknown request "${String(channel)}".`);
    const arg: unknown = args[0];
    const problem = checkInvokeArg(channel, arg);
    if (problem) throw new Error(problem);
    const reply = (await ipcRenderer.invoke(channel, arg)) as Reply<InvokeResult<C>>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  },
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (!isEventChannel(channel)) throw new Error(`Unknown event "${String(channel)}".`);
    // The IpcRendererEvent stays here: it would hand the page a handle on ipcRenderer.
    const wrapped = (_event: IpcRendererEvent, payload: EventPayload<E>) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
