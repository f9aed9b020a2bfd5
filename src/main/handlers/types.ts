// The type of a group of handlers: the slice of the contract one domain module implements.
import type { Handlers, InvokeChannel } from '../../shared/ipc/contract';

export type HandlerGroup<C extends InvokeChannel> = Pick<Handlers, C>;
