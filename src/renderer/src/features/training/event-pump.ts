// Batches engine events into one store update per animation frame, so a flood of events never blocks the UI.

/** Schedules a callback for the next frame; requestAnimationFrame in the app, a fake in tests. */
export type FrameScheduler = (callback: () => void) => unknown;

export interface EventPump<E> {
  push(event: E): void;
  /** Applies whatever is pending now (used when a run ends, so the last numbers show at once). */
  flush(): void;
  /** Forgets pending events and stops scheduling. */
  dispose(): void;
}

/**
 * Collects events and hands them to `apply` in one array per frame. Events arriving while a
 * flush is scheduled join that flush; nothing is dropped and order is kept.
 */
export function createEventPump<E>(apply: (events: E[]) => void, schedule: FrameScheduler): EventPump<E> {
  let pending: E[] = [];
  let scheduled = false;
  let disposed = false;
  const flush = (): void => {
    scheduled = false;
    if (disposed || pending.length === 0) return;
    const events = pending;
    pending = [];
    apply(events);
  };
  return {
    push(event) {
      if (disposed) return;
      pending.push(event);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    flush,
    dispose() {
      disposed = true;
      pending = [];
    },
  };
}
