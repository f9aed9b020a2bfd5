// The app store: one zustand store made by a factory from its slices; the only place slices meet.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { GraphDoc } from '../../../shared/graph/schema.ts';
import { createGraphSlice, type GraphSlice } from './graph-slice.ts';
import { emptyDoc } from './graph-ops.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { createTrainingSlice, type TrainingSlice } from './training-slice.ts';

/** Every slice together. A new slice adds its type here and its creator in createAppStore. */
export type AppStore = GraphSlice & UiSlice & TrainingSlice;

export interface AppStoreInit {
  doc?: GraphDoc;
  state?: Partial<Pick<AppStore, 'theme' | 'panels'>>;
}

export type AppStoreApi = StoreApi<AppStore>;

/** A fresh store; tests make one per case, the app makes one at start. */
export function createAppStore(initial: AppStoreInit = {}): AppStoreApi {
  const store = createStore<AppStore>()((...a) => ({
    ...createGraphSlice(initial.doc ?? emptyDoc())(...a),
    ...createUiSlice(...a),
    ...createTrainingSlice(...a),
  }));
  if (initial.state) store.setState(initial.state);
  return store;
}
