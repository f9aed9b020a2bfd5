// The editor's keyboard shortcuts: one table read by the key handler and the tooltips (File commands: the shell's).

export type EditorCommand =
  'undo' | 'redo' | 'copy' | 'paste' | 'duplicate' | 'delete' | 'selectAll' | 'autoLayout' | 'fitView';

interface Chord {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export const SHORTCUTS: Record<EditorCommand, Chord[]> = {
  undo: [{ key: 'z', mod: true }],
  redo: [
    { key: 'z', mod: true, shift: true },
    { key: 'y', mod: true },
  ],
  copy: [{ key: 'c', mod: true }],
  paste: [{ key: 'v', mod: true }],
  duplicate: [{ key: 'd', mod: true }],
  delete: [{ key: 'Delete' }, { key: 'Backspace' }],
  selectAll: [{ key: 'a', mod: true }],
  autoLayout: [{ key: 'l', mod: true, shift: true }],
  fitView: [{ key: 'f', shift: true }],
};

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** "Ctrl+Shift+Z" (or "⌘⇧Z" on a Mac), as menus and tooltips show it. */
export function shortcutLabel(command: EditorCommand): string {
  const c = SHORTCUTS[command][0];
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key;
  if (isMac) return `${c.mod ? '⌘' : ''}${c.shift ? '⇧' : ''}${key}`;
  return [c.mod && 'Ctrl', c.shift && 'Shift', key].filter(Boolean).join('+');
}

/** The command a key event asks for, if any. */
export function commandFor(e: KeyboardEvent): EditorCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  for (const [command, chords] of Object.entries(SHORTCUTS) as [EditorCommand, Chord[]][]) {
    for (const c of chords) {
      if (e.key.toLowerCase() === c.key.toLowerCase() && !!c.mod === mod && !!c.shift === e.shiftKey)
        return command;
    }
  }
  return null;
}
