// Autosave and recent projects kept in browser storage: written a few seconds after each edit, read at start.
import {
  parseProject,
  serializeProject,
  type JsonObject,
  type ParseResult,
} from '../../../../shared/project/project-file.ts';
import type { AppStoreApi } from '../../store/app-store.ts';

/** The part of Web Storage used here, so Node tests can pass an in-memory one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const AUTOSAVE_KEY = 'convnet-studio.autosave';
export const RECENT_KEY = 'convnet-studio.recent';
export const AUTOSAVE_DELAY_MS = 2000;
const RECENT_LIMIT = 6;

export interface RecentProject {
  name: string;
  savedAt: string;
  /** The project file's text, so a recent project reopens without a file dialog in the browser. */
  text: string;
  /** Where it lives on disk (desktop app): reopened from there, so it is the latest copy. */
  path?: string;
}

/** The project file text of the store's current state. */
export function projectText(store: AppStoreApi): string {
  const s = store.getState() as ReturnType<AppStoreApi['getState']> & { training?: object };
  return serializeProject(s.doc, (s.training ?? {}) as JsonObject, []);
}

/** The last autosave, parsed; null when there is none. */
export function readAutosave(storage: KeyValueStorage): ParseResult | null {
  const text = storage.getItem(AUTOSAVE_KEY);
  return text === null ? null : parseProject(text);
}

/**
 * Saves the project to storage AUTOSAVE_DELAY_MS after the last change to the graph or the
 * training settings, and once more when `flush` is called (page hide). Returns a stop function.
 */
export function startAutosave(store: AppStoreApi, storage: KeyValueStorage, delayMs = AUTOSAVE_DELAY_MS) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    try {
      storage.setItem(AUTOSAVE_KEY, projectText(store));
    } catch {
      // Storage full or disabled: the next change tries again; saving to a file still works.
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const training = (x: object) => (x as { training?: unknown }).training;
    if (s.doc === prev.doc && training(s) === training(prev)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  return {
    flush() {
      if (timer) {
        clearTimeout(timer);
        write();
      }
    },
    stop() {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}

export function readRecent(storage: KeyValueStorage): RecentProject[] {
  try {
    const list = JSON.parse(storage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(list)
      ? list.filter((r): r is RecentProject => typeof r?.name === 'string' && typeof r?.text === 'string')
      : [];
  } catch {
    return [];
  }
}

/** Puts a project first in the recent list (one entry per name). */
export function rememberRecent(storage: KeyValueStorage, entry: RecentProject): RecentProject[] {
  const same = (r: RecentProject) => (entry.path ? r.path === entry.path : !r.path && r.name === entry.name);
  const list = [entry, ...readRecent(storage).filter((r) => !same(r))].slice(0, RECENT_LIMIT);
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Too big for storage: the list stays as it was.
  }
  return list;
}
