// The native menu as data (label, accelerator, what it asks the UI), in English and Spanish; index.ts renders it.
import type { MenuCommand } from '../shared/ipc/contract';

export interface MenuAction {
  kind: 'action';
  label: string;
  accelerator?: string;
  command: MenuCommand;
  value?: string;
}
export interface MenuRole {
  kind: 'role';
  role:
    'quit' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'toggleDevTools' | 'togglefullscreen';
  label?: string;
}
export type MenuEntry = MenuAction | MenuRole | { kind: 'separator' };
export interface MenuSection {
  label: string;
  entries: MenuEntry[];
}

const WORDS = {
  en: {
    file: 'File',
    new: 'New project',
    open: 'Open…',
    save: 'Save',
    saveAs: 'Save as…',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    theme: 'Toggle light/dark theme',
    language: 'Language',
    editor: 'Editor',
    training: 'Training',
    runs: 'Runs',
    inspect: 'Inspect',
    convLab: 'Conv lab',
    devtools: 'Developer tools',
    fullscreen: 'Full screen',
  },
  es: {
    file: 'Archivo',
    new: 'Proyecto nuevo',
    open: 'Abrir…',
    save: 'Guardar',
    saveAs: 'Guardar como…',
    quit: 'Salir',
    edit: 'Edición',
    view: 'Ver',
    theme: 'Alternar tema claro/oscuro',
    language: 'Idioma',
    editor: 'Editor',
    training: 'Entrenamiento',
    runs: 'Ejecuciones',
    inspect: 'Inspeccionar',
    convLab: 'Laboratorio conv',
    devtools: 'Herramientas de desarrollo',
    fullscreen: 'Pantalla completa',
  },
};

/** The menu in the OS language ("es-ES" → Spanish, anything else → English). */
export function menuTemplate(locale: string): MenuSection[] {
  const w = locale.toLowerCase().startsWith('es') ? WORDS.es : WORDS.en;
  const view = (value: string, label: string, key: number): MenuAction => ({
    kind: 'action',
    label,
    accelerator: `CmdOrCtrl+${key}`,
    command: 'view',
    value,
  });
  return [
    {
      label: w.file,
      entries: [
        { kind: 'action', label: w.new, accelerator: 'CmdOrCtrl+N', command: 'new' },
        { kind: 'action', label: w.open, accelerator: 'CmdOrCtrl+O', command: 'open' },
        { kind: 'action', label: w.save, accelerator: 'CmdOrCtrl+S', command: 'save' },
        { kind: 'action', label: w.saveAs, accelerator: 'CmdOrCtrl+Shift+S', command: 'saveAs' },
        { kind: 'separator' },
        { kind: 'role', role: 'quit', label: w.quit },
      ],
    },
    {
      label: w.edit,
      entries: [
        { kind: 'role', role: 'undo' },
        { kind: 'role', role: 'redo' },
        { kind: 'separator' },
        { kind: 'role', role: 'cut' },
        { kind: 'role', role: 'copy' },
        { kind: 'role', role: 'paste' },
        { kind: 'role', role: 'selectAll' },
      ],
    },
    {
      label: w.view,
      entries: [
        view('editor', w.editor, 1),
        view('training', w.training, 2),
        view('runs', w.runs, 3),
        view('inspect', w.inspect, 4),
        view('convLab', w.convLab, 5),
        { kind: 'separator' },
        { kind: 'action', label: w.theme, accelerator: 'CmdOrCtrl+Shift+L', command: 'toggleTheme' },
        { kind: 'action', label: `${w.language}: English`, command: 'language', value: 'en' },
        { kind: 'action', label: `${w.language}: Español`, command: 'language', value: 'es' },
        { kind: 'separator' },
        { kind: 'role', role: 'togglefullscreen', label: w.fullscreen },
        { kind: 'role', role: 'toggleDevTools', label: w.devtools },
      ],
    },
  ];
}
