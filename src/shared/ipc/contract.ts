// The IPC contract: every channel ('domain:verb'), its argument/result or event payload types, and run-time checks.
//
// To add channels: declare them in channels/<domain>.ts as `{ 'domain:verb': { arg, result } }`
// (invoke: UI asks, host answers) or `{ 'domain:thing': { payload } }` (events: host pushes to UI),
// using the validators of ./check, then spread the object into INVOKE or EVENTS below.
// Main, the preload, the server and the renderer all derive their types and checks from here.
import type { Infer, Validator } from './check';
import { appEvents, appInvoke } from './channels/app';
import { basesInvoke } from './channels/bases';
import { evalInvoke } from './channels/eval';
import { exportInvoke } from './channels/export';
import { graphInvoke } from './channels/graph';
import { probeInvoke } from './channels/probe';
import { projectInvoke } from './channels/project';
import { runsInvoke } from './channels/runs';
import { trainEvents, trainInvoke } from './channels/train';

export type { AppInfo, AppShell, MenuCommand } from './channels/app';
export { MENU_COMMANDS } from './channels/app';
export type { PredictionPayload, RunEvaluationPayload } from './channels/eval';
export type { ExportedFile, RunExportFormat } from './channels/export';
export type { RunListItem, RunRecordPayload } from './channels/runs';
export type { BaseInfo, BaseLayerInfo, BasePick, PlacedBaseInfo } from './channels/bases';
export type { AugmentPreviewResult, BackendInfo } from './channels/train';
export type { TemplateInfo } from './channels/graph';
export type { ProbeInput, ProbeModelInfo, ProbeSource, ProbedInput } from './channels/probe';
export type { OpenedFile } from './channels/project';
export { MAX_PROJECT_BYTES } from './channels/project';
export type { TensorPayload, TensorDType } from './payloads';

type ChannelName = `${string}:${string}`;
interface InvokeSpec {
  arg: Validator<unknown>;
  result: Validator<unknown>;
}
interface EventSpec {
  payload: Validator<unknown>;
}

const INVOKE = {
  ...appInvoke,
  ...basesInvoke,
  ...evalInvoke,
  ...exportInvoke,
  ...graphInvoke,
  ...probeInvoke,
  ...projectInvoke,
  ...runsInvoke,
  ...trainInvoke,
} satisfies Record<ChannelName, InvokeSpec>;

const EVENTS = {
  ...appEvents,
  ...trainEvents,
} satisfies Record<ChannelName, EventSpec>;

export type InvokeChannel = keyof typeof INVOKE;
export type EventChannel = keyof typeof EVENTS;
export type InvokeArg<C extends InvokeChannel> = Infer<(typeof INVOKE)[C]['arg']>;
export type InvokeResult<C extends InvokeChannel> = Infer<(typeof INVOKE)[C]['result']>;
export type EventPayload<E extends EventChannel> = Infer<(typeof EVENTS)[E]['payload']>;

/** The argument list of `invoke(channel, ...)`: channels without an argument take none. */
export type InvokeArgs<C extends InvokeChannel> =
  InvokeArg<C> extends void ? [arg?: undefined] : [arg: InvokeArg<C>];

export const INVOKE_CHANNELS = Object.freeze(Object.keys(INVOKE) as InvokeChannel[]);
export const EVENT_CHANNELS = Object.freeze(Object.keys(EVENTS) as EventChannel[]);

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(INVOKE, name);
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(EVENTS, name);
}

/** Null when `arg` fits the channel, else a sentence naming the problem. */
export function checkInvokeArg(channel: InvokeChannel, arg: unknown): string | null {
  const problem = INVOKE[channel].arg.check(arg, 'argument');
  return problem && `The request "${channel}" was refused: its ${problem}.`;
}

/** Null when `payload` fits the event channel, else a sentence naming the problem. */
export function checkEventPayload(channel: EventChannel, payload: unknown): string | null {
  const problem = EVENTS[channel].payload.check(payload, 'payload');
  return problem && `The event "${channel}" was dropped: its ${problem}.`;
}

/**
 * What a handler's answer looks like on the wire. Errors travel as plain sentences so the UI can
 * show them as they are (Electron would otherwise wrap them in "Error invoking remote method").
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** A function per invoke channel, as main and the server implement them. */
export type Handlers = {
  [C in InvokeChannel]: (arg: InvokeArg<C>) => Promise<InvokeResult<C>> | InvokeResult<C>;
};

/** Where hosts push events: Electron's webContents, or the server's WebSocket clients. */
export interface EventSink {
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
}

/** The API the renderer sees, from the preload (`window.api`) or over the WebSocket. */
export interface Api {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  /** Listens to an event channel; returns the function that stops listening. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
}
