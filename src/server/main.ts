// `npm start` without Electron: serves the UI on 127.0.0.1 and prints the address to open; Ctrl-C stops it.
import { resolve } from 'node:path';
import { startServer } from './index';

async function main(): Promise<void> {
  const webRoot = resolve(process.env.CONVNET_WEB_ROOT ?? 'out/web');
  const port = Number(process.env.CONVNET_PORT ?? 0) || 0;
  const server = await startServer({ webRoot, port });
  process.stdout.write(
    `Convnet Studio is running. Open this address in your browser:\n\n  ${server.url}\n\nPress Ctrl-C to stop.\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping Convnet Studio…\n');
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Convnet Studio could not start its server: ${message}\n`);
  process.exit(1);
});
