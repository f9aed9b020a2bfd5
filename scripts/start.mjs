// `npm start`: builds and opens the Electron app; without Electron's binary, serves the same UI on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** The Electron executable, or null when its download never happened (see scripts/postinstall.mjs). */
function electronBinary() {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(root, 'node_modules/electron/dist');
  const exe = join(dist, readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/** Newest modification time of the files under the given folders. */
function newest(paths) {
  let latest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const info = statSync(p);
    if (info.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else latest = Math.max(latest, info.mtimeMs);
  };
  paths.forEach(walk);
  return latest;
}

function build(label, cmd, args) {
  process.stdout.write(`Building ${label}…\n`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write(
      `Building ${label} failed (see above). Run \`npm install\`, then \`npm start\` again.\n`,
    );
    process.exit(r.status ?? 1);
  }
}

/** Rebuilds only when a source or config file changed since the last build. */
function stale(output, sources) {
  return !existsSync(output) || newest(sources) > statSync(output).mtimeMs;
}

const sources = ['src', 'package.json', 'electron.vite.config.ts', 'vite.web.config.ts'];
const electron = electronBinary();

if (electron) {
  if (stale('out/main/index.js', sources)) build('the app', bin('electron-vite'), ['build']);
  const child = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
} else {
  process.stdout.write(
    "Electron's binary is not installed here, so Convnet Studio will run in your browser instead (same app, same engine).\n",
  );
  if (stale('out/web/index.html', sources)) {
    build('the browser UI', bin('vite'), ['build', '--config', 'vite.web.config.ts', '--logLevel', 'warn']);
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/server/main.ts');
}
