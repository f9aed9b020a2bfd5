// UI slice: which editor panels are open, the notice line, and the theme when the shell does not own it.
import type { StateCreator } from 'zustand';
import type { AppStore } from './app-store.ts';

export type Theme = 'light' | 'dark';
export type EditorPanel = 'palette' | 'inspector' | 'summary' | 'errors';

/** A short message for the status line; `key` is an i18n key, `values` its interpolations. */
export interface Notice {
  kind: 'info' | 'error';
  key: string;
  values?: Record<string, string | number>;
  /** Raw text already in the user's language (messages from files and the engine). */
  text?: string;
}

export interface UiSlice {
  theme: Theme;
  panels: Record<EditorPanel, boolean>;
  notice: Notice | null;
  /** The node the canvas should bring into view (error list clicks); cleared once done. */
  focusRequest: { nodeId: string; seq: number } | null;
  /** Bumped when a whole new graph arrives (template, open, restore): the canvas fits it to view. */
  fitRequest: number;
  setTheme(theme: Theme): void;
  togglePanel(panel: EditorPanel): void;
  notify(notice: Notice | null): void;
  focusNode(nodeId: string): void;
}

export const createUiSlice: StateCreator<AppStore, [], [], UiSlice> = (set, get) => ({
  theme: 'light',
  panels: { palette: true, inspector: true, summary: true, errors: true },
  notice: null,
  focusRequest: null,
  fitRequest: 0,
  setTheme: (theme) => set({ theme }),
  togglePanel: (panel) => set({ panels: { ...get().panels, [panel]: !get().panels[panel] } }),
  notify: (notice) => set({ notice }),
  focusNode(nodeId) {
    set({
      focusRequest: { nodeId, seq: (get().focusRequest?.seq ?? 0) + 1 },
      selection: { nodes: [nodeId], edges: [] },
    });
  },
});
