// Project commands (new, open, save, save as) for the shell's menus, recent projects, autosave and the restore at start.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  parseProject,
  PROJECT_EXTENSION,
  type ProjectFile,
} from '../../../../shared/project/project-file.ts';
import { useCommand } from '../../app/commands.tsx';
import { invoke, isElectron } from '../../lib/ipc.ts';
import { emptyDoc } from '../../store/graph-ops.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import {
  projectText,
  readAutosave,
  readRecent,
  rememberRecent,
  startAutosave,
  type RecentProject,
} from './autosave.ts';
import { RecentMenu } from './RecentMenu.tsx';
import { downloadText } from './download.ts';

export function ProjectControls() {
  const { t, i18n } = useTranslation('editor');
  const store = useAppStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const path = useRef<string | null>(null);
  const es = i18n.language.startsWith('es');
  const [recent, setRecent] = useState<RecentProject[]>(() => readRecent(window.localStorage));
  const remember = (text: string, name: string, filePath?: string) =>
    setRecent(
      rememberRecent(window.localStorage, {
        name,
        savedAt: new Date().toISOString(),
        text,
        ...(filePath ? { path: filePath } : {}),
      }),
    );
  const notify = (kind: 'info' | 'error', key: string, values?: Record<string, string | number>) =>
    store.getState().notify({ kind, key: `editor:${key}`, values });

  const adopt = (project: Pick<ProjectFile, 'graph' | 'training'>, name: string) => {
    const s = store.getState() as ReturnType<typeof store.getState> & {
      loadTrainingSettings?: (v: unknown) => void;
    };
    s.loadDoc(project.graph);
    s.loadTrainingSettings?.(project.training);
    notify('info', 'project.opened', { name });
  };

  // Restore the last autosave once, then keep saving a few seconds after each change.
  useEffect(() => {
    const storage = window.localStorage;
    const saved = readAutosave(storage);
    if (saved?.ok && saved.project.graph.nodes.length > 0 && store.getState().doc.nodes.length === 0) {
      adopt(saved.project, saved.project.graph.name);
      store
        .getState()
        .notify({ kind: 'info', key: 'editor:project.restored', values: { name: saved.project.graph.name } });
    }
    const autosave = startAutosave(store, storage);
    const flush = () => autosave.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      autosave.stop();
    };
    // Runs once per store: restoring twice would undo the user's first edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  const save = async (as: boolean) => {
    const doc = store.getState().doc;
    if (isElectron()) {
      const done = await invoke('project:save', {
        path: as ? undefined : (path.current ?? undefined),
        suggestedName: `${doc.name}${PROJECT_EXTENSION}`,
        text: projectText(store),
      });
      if (done) {
        path.current = done.path;
        remember(projectText(store), doc.name, done.path);
        notify('info', 'project.saved', { name: done.path });
      }
      return;
    }
    if (as) {
      const name = window.prompt(t('project.saveAsPrompt'), doc.name);
      if (name === null) return;
      store.getState().renameDoc(name);
    }
    const text = projectText(store);
    const file = `${store.getState().doc.name}${PROJECT_EXTENSION}`;
    downloadText(file, text);
    remember(text, store.getState().doc.name);
    notify('info', 'project.saved', { name: file });
  };

  useCommand('new', () => {
    store.getState().loadDoc(emptyDoc(), { undoable: true });
    path.current = null;
    notify('info', 'project.new');
  });
  useCommand('save', () => save(false));
  useCommand('saveAs', () => save(true));
  useCommand('open', async () => {
    if (!isElectron()) {
      input.current?.click();
      return;
    }
    const opened = await invoke('project:open', { path: undefined });
    if (opened) openText(opened.text, opened.path, opened.path);
  });

  // Declared after the commands: once this runs they are registered, and tests may press Ctrl+O.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  /** Parses and adopts a project file's text; a bad file changes nothing and says why. */
  const openText = (text: string, name: string, filePath?: string): boolean => {
    const parsed = parseProject(text);
    if (!parsed.ok) {
      store
        .getState()
        .notify({ kind: 'error', key: '', text: es ? parsed.error.messageEs : parsed.error.message });
      return false;
    }
    adopt(parsed.project, name);
    path.current = filePath ?? null;
    remember(text, parsed.project.graph.name, filePath);
    return true;
  };

  /** Reopens a recent project: from disk when it has a path (desktop), else from its stored copy. */
  const openRecent = async (r: RecentProject) => {
    if (r.path && isElectron()) {
      const opened = await invoke('project:open', { path: r.path });
      if (opened) openText(opened.text, opened.path, opened.path);
    } else openText(r.text, r.name);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) openText(await file.text(), file.name);
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="project-open-input"
        data-ready={ready || undefined}
        aria-label={t('project.openLabel')}
        onChange={(e) => void onFile(e)}
      />
      <RecentMenu items={recent} onOpen={(r) => void openRecent(r)} />
    </>
  );
}
