// Starts a backend by name for callers that want one line about it (kept for callers of the first engine API).
import { initBackend } from '../backend.ts';

/** Starts the named backend (or the ladder's best when absent) and says which one runs. */
export async function useBackend(name?: string): Promise<{ name: string; message: string }> {
  const b = await initBackend({ prefer: name });
  return { name: b.name, message: `Training on ${b.name}: ${b.reason}.` };
}
