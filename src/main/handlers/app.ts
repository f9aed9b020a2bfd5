// Handlers of the app:* channels.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppInfo, AppShell } from '../../shared/ipc/contract';
import type { HandlerGroup } from './types';

/** The version in the project's package.json, found by walking up from this file (source or bundle). */
export function packageVersion(start = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'convnet-studio' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}

export interface AppDeps {
  shell: AppShell;
  version?: string;
  /** Electron's and Chromium's versions when running inside Electron. */
  electron?: { electron: string; chrome: string };
}

export function appHandlers(deps: AppDeps): HandlerGroup<'app:info'> {
  const info: AppInfo = {
    name: 'Convnet Studio',
    version: deps.version ?? packageVersion(),
    shell: deps.shell,
    platform: `${process.platform}-${process.arch}`,
    versions: {
      node: process.versions.node,
      electron: deps.electron?.electron ?? null,
      chrome: deps.electron?.chrome ?? null,
    },
  };
  return { 'app:info': () => info };
}
