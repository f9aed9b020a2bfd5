// Fetches Electron's binary when the network allows it; never fails the install when it cannot.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const installer = 'node_modules/electron/install.js';
if (existsSync(installer) && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  const r = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 120_000 });
  if (r.status !== 0) {
    console.log(
      'convnet-studio: Electron binary could not be downloaded; `npm start` will serve the UI in your browser instead.',
    );
  }
}
