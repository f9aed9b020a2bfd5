// A stand-in for Electron's ipcMain with its invoke semantics: one handler per channel, unknown channels throw.
import type { InvokeEventLike, IpcMainLike } from '../../src/main/register';

type Listener = Parameters<IpcMainLike['handle']>[1];

export class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.listeners.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }

  /** What ipcRenderer.invoke(channel, arg) does, from a frame at `url`. */
  async invoke(channel: string, arg: unknown, url = 'file:///app/out/renderer/index.html'): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const event: InvokeEventLike = { senderFrame: { url } };
    return listener(event, arg);
  }
}
