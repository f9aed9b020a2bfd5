// Handlers of the project:* channels: read and write project files, through the host's dialogs when no path is given.
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, writeFile, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_PROJECT_BYTES } from '../../shared/ipc/contract';
import type { HandlerGroup } from './types';

/** Native file dialogs; absent where there are none (the browser UI uses its own file picker). */
export interface Dialogs {
  /** The chosen path, or null when the user cancelled. */
  openFile(): Promise<string | null>;
  saveFile(suggestedName: string): Promise<string | null>;
}

function noDialog(): Error {
  return new Error('This window cannot show a file dialog: give the full path of the project file instead.');
}

function fsSentence(error: unknown, path: string, doing: 'open' | 'save'): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const name = basename(path);
  if (code === 'ENOENT') {
    return doing === 'open'
      ? new Error(`There is no file at ${path}: check the path, or choose the file again.`)
      : new Error(`The folder ${dirname(path)} does not exist: choose another place to save ${name}.`);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new Error(`You are not allowed to ${doing} ${path}: choose another file or folder.`);
  }
  if (code === 'EISDIR') return new Error(`${path} is a folder: choose a project file.`);
  return new Error(
    `Could not ${doing} ${path} (${code ?? String(error)}): try again or choose another file.`,
  );
}

/** The path given, else the one the user picks; null when they cancel. */
async function choose(
  path: string | undefined,
  pick: (() => Promise<string | null>) | undefined,
): Promise<string | null> {
  if (path !== undefined) return resolve(path);
  if (!pick) throw noDialog();
  const picked = await pick();
  return picked === null ? null : resolve(picked);
}

export function projectHandlers(dialogs?: Dialogs): HandlerGroup<'project:open' | 'project:save'> {
  return {
    async 'project:open'({ path }) {
      const full = await choose(path, dialogs && (() => dialogs.openFile()));
      if (full === null) return null;
      let size: number;
      try {
        const info = await stat(full);
        if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        size = info.size;
      } catch (error) {
        throw fsSentence(error, full, 'open');
      }
      if (size > MAX_PROJECT_BYTES) {
        const mb = Math.round(size / 1e6);
        throw new Error(
          `${basename(full)} is ${mb} MB, too large for a project file: choose a file saved by Convnet Studio.`,
        );
      }
      try {
        return { path: full, text: await readFile(full, 'utf8') };
      } catch (error) {
        throw fsSentence(error, full, 'open');
      }
    },
    async 'project:save'({ path, suggestedName, text }) {
      const name = suggestedName || 'untitled.convnet.json';
      const full = await choose(path, dialogs && (() => dialogs.saveFile(name)));
      if (full === null) return null;
      // Write beside the target, then rename: a crash mid-write never leaves half a project.
      const temp = join(dirname(full), `.${basename(full)}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await writeFile(temp, text, 'utf8');
        await rename(temp, full);
      } catch (error) {
        await unlink(temp).catch(() => {});
        throw fsSentence(error, full, 'save');
      }
      return { path: full, bytes: Buffer.byteLength(text, 'utf8') };
    },
  };
}
