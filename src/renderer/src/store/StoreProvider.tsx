// React access to the app store: a provider holding one store and the hook that reads it.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore, AppStoreApi } from './app-store.ts';

const StoreContext = createContext<AppStoreApi | null>(null);

export function StoreProvider({ store, children }: { store: AppStoreApi; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for actions and getState() in event handlers. */
export function useAppStoreApi(): AppStoreApi {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>.');
  return store;
}

/** Subscribes to one slice of state; re-renders only when the selected value changes. */
export function useAppStore<T>(selector: (s: AppStore) => T): T {
  return useStore(useAppStoreApi(), selector);
}
