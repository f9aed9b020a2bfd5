// Every handler of the contract, built from the host's capabilities. Electron main and the server both use this.
//
// A new domain adds handlers/<domain>.ts returning HandlerGroup<'domain:...'> and spreads it in below;
// the Handlers type makes the compiler insist on one handler per contract channel.
import type { EventSink, Handlers } from '../../shared/ipc/contract';
import { appHandlers, type AppDeps } from './app';
import { evalHandlers, type Evaluator } from './eval';
import { graphHandlers } from './graph';
import { probeHandlers, type ProbeService } from './probe';
import { projectHandlers, type Dialogs } from './project';

export interface HostDeps extends AppDeps {
  /** Where engine streams go: Electron windows or WebSocket clients. */
  events: EventSink;
  dialogs?: Dialogs;
  /** Evaluates runs for the runs view (confusion matrix, gallery, predictions). */
  evaluator?: Evaluator;
  /** Feature maps, filters and Grad-CAM for the Inspect view. */
  probes?: ProbeService;
}

export function createHandlers(deps: HostDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...graphHandlers(),
    ...evalHandlers(deps.evaluator),
    ...probeHandlers(deps.probes),
    ...projectHandlers(deps.dialogs),
  };
}

export type { Dialogs, Evaluator };
