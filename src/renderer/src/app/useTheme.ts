// The colour theme: the store holds it, <html data-theme> shows it, localStorage remembers it.
import { useCallback, useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { selectTheme } from '../store/selectors';
import type { Theme } from '../store/ui-slice';

export type { Theme };
export const THEME_STORAGE_KEY = 'convnet-studio.theme';

/** The saved theme, else the OS preference. */
export function initialTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(THEME_STORAGE_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage disabled: fall through to the OS preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function useTheme(): { theme: Theme; toggle(): void } {
  const theme = useAppStore(selectTheme);
  const store = useAppStoreApi();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, theme);
    } catch {
      // The choice then lasts for this session only.
    }
  }, [theme]);
  const toggle = useCallback(() => {
    const state = store.getState();
    state.setTheme(state.theme === 'dark' ? 'light' : 'dark');
  }, [store]);
  return { theme, toggle };
}
