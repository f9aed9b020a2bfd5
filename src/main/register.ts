// Wires handlers into an ipcMain-like object, one per contract channel. Imports no electron: tests inject a fake.
import { INVOKE_CHANNELS, type Handlers, type Reply } from '../shared/ipc/contract';
import { dispatch } from './dispatch';

/** The part of Electron's IpcMainInvokeEvent we look at. */
export interface InvokeEventLike {
  senderFrame?: { url: string } | null;
}

/** The part of Electron's ipcMain we use. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, arg: unknown) => Promise<Reply<unknown>>): void;
  removeHandler(channel: string): void;
}

export interface RegisterOptions {
  /** Refuses requests from frames that are not our own page (a navigated or injected frame). */
  isTrustedSender?: (url: string) => boolean;
}

/** Registers every contract channel; returns the function that removes them all again. */
export function registerHandlers(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  options: RegisterOptions = {},
): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, arg) => {
      const url = event.senderFrame?.url ?? '';
      if (options.isTrustedSender && !options.isTrustedSender(url)) {
        return {
          ok: false,
          error: `The request "${channel}" came from a page that is not Convnet Studio's; it was refused.`,
        };
      }
      return dispatch(handlers, channel, arg);
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}
