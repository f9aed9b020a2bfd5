// Runs an editor command (undo, paste, fit view...) and binds the editor's keyboard shortcuts.
import { useCallback, useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import { commandFor, type EditorCommand } from './shortcuts.ts';

/** A function that carries out an editor command. */
export function useEditorCommands(): (command: EditorCommand) => void {
  const store = useAppStoreApi();
  const flow = useReactFlow();
  return useCallback(
    (command: EditorCommand) => {
      const s = store.getState();
      switch (command) {
        case 'undo':
          return s.undo();
        case 'redo':
          return s.redo();
        case 'copy':
          return s.copy();
        case 'paste':
          return s.paste();
        case 'duplicate':
          return s.duplicate();
        case 'delete':
          return s.deleteSelection();
        case 'selectAll':
          return s.selectAll();
        case 'autoLayout':
          s.autoLayout();
          requestAnimationFrame(() => void flow.fitView({ maxZoom: 1, duration: 200 }));
          return;
        case 'fitView':
          void flow.fitView({ maxZoom: 1, duration: 200 });
          return;
      }
    },
    [store, flow],
  );
}

/** True when keys typed belong to a text field, not to the canvas. */
function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Binds the shortcuts while the editor is shown (`active`). */
export function useEditorShortcuts(active: boolean): void {
  const run = useEditorCommands();
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || typingIn(e.target)) return;
      const command = commandFor(e);
      if (!command) return;
      e.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, run]);
}
