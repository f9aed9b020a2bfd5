// The app's command bus: menus, shortcuts and native menu items run commands; features register handlers.
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

/** Commands the shell's menus offer; features that can carry one out register a handler. */
export const APP_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'exportKerasPy',
  'exportKerasJson',
  'exportRun',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
type Handler = () => void | Promise<void>;

export interface CommandBus {
  /** Runs the most recently registered handler; false when nobody handles the command. */
  run(command: AppCommand): boolean;
  register(command: AppCommand, handler: Handler): () => void;
  has(command: AppCommand): boolean;
}

/** A fresh bus; the app makes one, tests make their own. */
export function createCommandBus(onError: (error: unknown) => void = () => {}): CommandBus {
  const handlers = new Map<AppCommand, Handler[]>();
  return {
    run(command) {
      const list = handlers.get(command);
      const handler = list?.[list.length - 1];
      if (!handler) return false;
      Promise.resolve().then(handler).catch(onError);
      return true;
    },
    register(command, handler) {
      const list = handlers.get(command) ?? [];
      list.push(handler);
      handlers.set(command, list);
      return () => {
        const at = list.lastIndexOf(handler);
        if (at >= 0) list.splice(at, 1);
      };
    },
    has: (command) => (handlers.get(command)?.length ?? 0) > 0,
  };
}

const BusContext = createContext<CommandBus | null>(null);

export function CommandProvider({ bus, children }: { bus: CommandBus; children: ReactNode }) {
  return <BusContext.Provider value={bus}>{children}</BusContext.Provider>;
}

export function useCommandBus(): CommandBus {
  const bus = useContext(BusContext);
  if (!bus) throw new Error('useCommandBus must be used inside <CommandProvider>.');
  return bus;
}

/** Handles a command while the calling component is mounted (the latest handler wins). */
export function useCommand(command: AppCommand, handler: Handler): void {
  const bus = useCommandBus();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const stable = useMemo(() => () => latest.current(), []);
  useEffect(() => bus.register(command, stable), [bus, command, stable]);
}
