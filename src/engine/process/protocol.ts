// Messages between the engine process and its host (server, CLI or Electron main): plain structured-clone data.
import type { GraphDoc } from '../../shared/graph/schema.ts';
import type { ProbeInput } from '../../shared/ipc/channels/probe.ts';
import type { FeatureMaps } from '../../shared/probes.ts';
import type { DatasetSpec, DoneEvent, TrainConfig, TrainEvent } from '../../shared/training.ts';

/** What to train: everything the engine needs, nothing it must ask for later. */
export interface TrainRequest {
  graph: GraphDoc;
  config: TrainConfig;
  dataset: DatasetSpec;
  /** Where runs are kept; runs go to <dataDir>/runs/<id>/. */
  dataDir: string;
  /** The run's display name; defaults to "<graph> on <dataset>". */
  name?: string;
  /** Force a backend ('wasm', 'cpu', ...); absent means the best one that loads. */
  backend?: string;
}

/**
 * Watch an input while the run trains: its feature maps on the live model come back as `maps`
 * every `every` batches (default 10, at most ~4 per second); `input: null` stops watching.
 */
export interface WatchRequest {
  type: 'watch';
  input: ProbeInput | null;
  every?: number;
}

export type HostMessage =
  | { type: 'train'; request: TrainRequest }
  | { type: 'stop' }
  | { type: 'pause' }
  | { type: 'resume' }
  | WatchRequest;

/** The watched input's feature maps after `batch` (1-based) of `epoch`. */
export interface LiveMaps {
  epoch: number;
  batch: number;
  maps: FeatureMaps;
}

export type EngineMessage =
  | { type: 'ready'; pid: number }
  | { type: 'event'; event: TrainEvent }
  | { type: 'maps'; live: LiveMaps }
  | { type: 'finished'; done: DoneEvent };

const HOST_TYPES = new Set(['train', 'stop', 'pause', 'resume', 'watch']);

export function isHostMessage(m: unknown): m is HostMessage {
  return typeof m === 'object' && m !== null && HOST_TYPES.has((m as { type?: unknown }).type as string);
}

export function isEngineMessage(m: unknown): m is EngineMessage {
  const t = typeof m === 'object' && m !== null ? (m as { type?: unknown }).type : undefined;
  return t === 'ready' || t === 'event' || t === 'maps' || t === 'finished';
}
