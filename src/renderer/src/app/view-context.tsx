// Which view is showing, for the shell's tabs and for features that send the user elsewhere ("Train this").
import { createContext, useContext } from 'react';
import type { ViewId } from './views';

export interface ActiveView {
  view: ViewId;
  setView(view: ViewId): void;
}

export const ViewContext = createContext<ActiveView | null>(null);

export function useActiveView(): ActiveView {
  const ctx = useContext(ViewContext);
  if (!ctx) throw new Error('useActiveView must be used inside the app shell.');
  return ctx;
}
