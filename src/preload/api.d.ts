// The type of `window.api`, which the preload exposes inside Electron (absent in a plain browser).
import type { Api } from '../shared/ipc/contract';

declare global {
  interface Window {
    api?: Api;
  }
}

export {};
