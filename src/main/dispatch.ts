// Answers one request: checks the channel and its argument against the contract, runs the handler, wraps the outcome.
import { checkInvokeArg, isInvokeChannel, type Handlers, type Reply } from '../shared/ipc/contract';

/** The sentence a failed handler reports; errors thrown by handlers are written for the user already. */
export function errorSentence(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return `Something went wrong: ${String(error)}. Try again; if it keeps happening, restart the app.`;
}

/**
 * Never throws: an unknown channel, a bad argument or a failing handler all come back as
 * `{ ok: false, error }` with a sentence the UI can show as it is.
 */
export async function dispatch(handlers: Handlers, channel: unknown, arg: unknown): Promise<Reply<unknown>> {
  if (!isInvokeChannel(channel)) {
    return {
      ok: false,
      error: `Unknown request "${String(channel)}": this version of the app does not offer it.`,
    };
  }
  const problem = checkInvokeArg(channel, arg);
  if (problem) return { ok: false, error: problem };
  try {
    const handler = handlers[channel] as (arg: unknown) => unknown;
    return { ok: true, value: await handler(arg) };
  } catch (error) {
    return { ok: false, error: errorSentence(error) };
  }
}
