// Every handler of the contract, built from the host's capabilities. Electron main and the server both use this.
//
// A new domain adds handlers/<domain>.ts returning HandlerGroup<'domain:...'> and spreads it in below;
// the Handlers type makes the compiler insist on one handler per contract channel.
import type { EventSink, Handlers } from '../../shared/ipc/contract';
import { appHandlers, type AppDeps } from './app';
import { basesHandlers, type BasesService } from './bases';
import { evalHandlers, type Evaluator } from './eval';
import { exportHandlers } from './export';
import { graphHandlers } from './graph';
import { probeHandlers, type ProbeService } from './probe';
import { projectHandlers, type Dialogs } from './project';
import { trainHandlers } from './train';
import type { TrainingService } from '../training-service';

export interface HostDeps extends AppDeps {
  /** Where engine streams go: Electron windows or WebSocket clients. */
  events: EventSink;
  dialogs?: Dialogs;
  /** Evaluates runs for the runs view (confusion matrix, gallery, predictions). */
  evaluator?: Evaluator;
  /** Feature maps, filters and Grad-CAM for the Inspect view. */
  probes?: ProbeService;
  /** Training in the engine process and the runs on disk. */
  training?: TrainingService;
  /** Pretrained bases for the editor: inspect a saved model, place it into a graph. */
  bases?: BasesService;
  /** The native folder dialog (Electron); absent in the browser. */
  chooseFolder?: () => Promise<string | null>;
}

export function createHandlers(deps: HostDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...basesHandlers(deps.bases),
    ...graphHandlers(),
    ...evalHandlers(deps.evaluator),
    ...exportHandlers(),
    ...probeHandlers(deps.probes),
    ...projectHandlers(deps.dialogs),
    ...trainHandlers(deps.training, deps.chooseFolder),
  };
}

export type { Dialogs, Evaluator };
