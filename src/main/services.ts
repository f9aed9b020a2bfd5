// The engine services handlers need, made once per host (Electron main and the server both call this).
//
// Engine features add their service here (the evaluator, the probe service, the trainer in its worker),
// so both hosts get them from one place; everything here must stay free of electron imports.
import type { EventSink } from '../shared/ipc/contract';
import type { HostDeps } from './handlers';
import { createLazyEvaluator } from '../engine/lazy-evaluator';
import { createLazyProbeService } from '../engine/probes/lazy';
import { createBasesService } from '../engine/bases-service';
import type { SpawnEngine } from '../engine/process/host';
import { createTrainingService } from './training-service';

export type Services = Omit<HostDeps, 'shell' | 'version' | 'electron' | 'events' | 'dialogs'>;

/** `spawnEngine`: how to start the training engine (Electron passes utilityProcess; default fork). */
export function createServices(events: EventSink, opts: { spawnEngine?: SpawnEngine } = {}): Services {
  return {
    // tfjs loads on the first evaluation, not when the host starts.
    evaluator: createLazyEvaluator(),
    probes: createLazyProbeService(),
    bases: createBasesService(),
    training: createTrainingService({ events, ...(opts.spawnEngine ? { spawn: opts.spawnEngine } : {}) }),
  };
}
