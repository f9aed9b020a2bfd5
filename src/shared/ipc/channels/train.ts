// Channels of training: start, pause, resume, stop, the backend in use, augmentation preview, the event stream.
import {
  LOSSES,
  OPTIMIZERS,
  type AugmentationConfig,
  type DatasetSpec,
  type TrainConfig,
  type TrainEvent,
} from '../../training';
import { isRecord, v, type Validator } from '../check';
import { graphDocValidator, type TensorPayload } from '../payloads';
import type { FeatureMaps } from '../../probes';
import { inputValidator } from './probe';

/** The watched input's feature maps on the live model, after `batch` (1-based) of `epoch`. */
export interface LiveFeatureMaps {
  epoch: number;
  batch: number;
  maps: FeatureMaps;
}

/** The backend ladder's answer, as the training panel shows it. */
export interface BackendInfo {
  name: string;
  reason: string;
  skipped: { name: string; why: string }[];
}

export interface AugmentPreviewResult {
  /** uint8 [n, h, w, c]. */
  images: TensorPayload;
  labels: number[];
  classNames: string[];
}

const MAX_PATH = 4096;
const AUGMENT_KEYS: readonly (keyof AugmentationConfig)[] = [
  'rotation_range',
  'width_shift_range',
  'height_shift_range',
  'shear_range',
  'zoom_range',
  'horizontal_flip',
];

const datasetValidator: Validator<DatasetSpec> = v.custom<DatasetSpec>((x, p) => {
  if (!isRecord(x)) return `${p} should be a dataset {kind: 'mnist' | 'fashion-mnist' | 'folder', ...}`;
  if (x.limit !== undefined && (typeof x.limit !== 'number' || !Number.isInteger(x.limit) || x.limit < 1)) {
    return `${p}.limit should be a whole number of images, at least 1`;
  }
  if (x.kind === 'mnist' || x.kind === 'fashion-mnist') return null;
  if (x.kind !== 'folder') return `${p}.kind should be mnist, fashion-mnist or folder`;
  if (typeof x.path !== 'string' || x.path.trim() === '' || x.path.length > MAX_PATH)
    return `${p}.path should be the image folder`;
  if (x.testPath !== undefined && (typeof x.testPath !== 'string' || x.testPath.length > MAX_PATH))
    return `${p}.testPath should be a folder`;
  return null;
});

const augmentationValidator: Validator<AugmentationConfig> = v.custom<AugmentationConfig>((x, p) => {
  if (!isRecord(x)) return `${p} should be an object of augmentation settings`;
  for (const [key, value] of Object.entries(x)) {
    if (!(AUGMENT_KEYS as readonly string[]).includes(key))
      return `${p}.${key} is not an augmentation setting`;
    if (
      key === 'horizontal_flip'
        ? typeof value !== 'boolean'
        : typeof value !== 'number' || !Number.isFinite(value) || value < 0
    ) {
      return `${p}.${key} should be ${key === 'horizontal_flip' ? 'true or false' : 'a number, 0 or more'}`;
    }
  }
  return null;
});

const configValidator: Validator<TrainConfig> = v.custom<TrainConfig>((x, p) =>
  v
    .object({
      optimizer: v.literal(...OPTIMIZERS),
      learningRate: v.number({ min: 1e-9, max: 100 }),
      momentum: v.optional(v.number({ min: 0, max: 1 })),
      loss: v.literal(...LOSSES),
      metrics: v.array(v.string({ maxLength: 50 }), { maxLength: 10 }),
      epochs: v.number({ integer: true, min: 1, max: 10_000 }),
      batchSize: v.number({ integer: true, min: 1, max: 65_536 }),
      validationSplit: v.number({ min: 0, max: 0.95 }),
      augmentation: v.optional(v.nullable(augmentationValidator)),
      seed: v.number({ integer: true }),
      earlyStopping: v.optional(
        v.nullable(v.object({ patience: v.number({ integer: true, min: 1, max: 1000 }) })),
      ),
      keepBest: v.boolean(),
    })
    .check(x, p),
);

const EVENT_TYPES = [
  'start',
  'batch',
  'epoch',
  'test',
  'paused',
  'resumed',
  'stopped',
  'error',
  'info',
  'run',
  'done',
] as const;

export const trainInvoke = {
  /** Starts a run in the engine process; events follow on 'train:event'. Refused while one is going. */
  'train:start': {
    arg: v.object({
      graph: graphDocValidator,
      config: configValidator,
      dataset: datasetValidator,
      name: v.optional(v.string({ maxLength: 200 })),
      backend: v.optional(v.string({ maxLength: 40 })),
    }),
    result: v.returns<{ started: true }>(),
  },
  'train:pause': { arg: v.none(), result: v.returns<void>() },
  'train:resume': { arg: v.none(), result: v.returns<void>() },
  /** Ends the run after the batch in progress; completed epochs stay saved. */
  'train:stop': { arg: v.none(), result: v.returns<void>() },
  /** Whether a run is going (a reloaded page asks, so it can show it). */
  'train:status': { arg: v.none(), result: v.returns<{ busy: boolean }>() },
  /** Which backend the engine uses and why the faster ones were skipped. */
  'train:backend': { arg: v.none(), result: v.returns<BackendInfo>() },
  /** A few training images through the augmentation, as the model would see them. */
  'train:augmentPreview': {
    arg: v.object({
      dataset: datasetValidator,
      inputShape: v.array(v.number({ integer: true, min: 1, max: 4096 }), { maxLength: 3 }),
      augmentation: augmentationValidator,
      count: v.number({ integer: true, min: 1, max: 64 }),
      seed: v.number({ integer: true }),
    }),
    result: v.returns<AugmentPreviewResult>(),
  },
  /**
   * Watch an input while runs train: its feature maps on the live model follow on
   * 'train:feature-maps' every `every` batches (default 10, at most ~4 a second); null stops.
   */
  'train:watch': {
    arg: v.object({
      input: v.nullable(inputValidator),
      every: v.optional(v.number({ integer: true, min: 1, max: 100_000 })),
    }),
    result: v.returns<void>(),
  },
  /** The system's folder picker (Electron only); null when cancelled. */
  'dialog:chooseFolder': { arg: v.none(), result: v.returns<string | null>() },
};

export const trainEvents = {
  'train:event': {
    payload: v.custom<TrainEvent>((x, p) =>
      isRecord(x) && (EVENT_TYPES as readonly unknown[]).includes(x.type)
        ? null
        : `${p} should be a training event`,
    ),
  },
  'train:feature-maps': {
    payload: v.custom<LiveFeatureMaps>((x, p) =>
      isRecord(x) &&
      Number.isInteger(x.epoch) &&
      Number.isInteger(x.batch) &&
      isRecord(x.maps) &&
      Array.isArray(x.maps.layers) &&
      x.maps.data instanceof Float32Array &&
      x.maps.output instanceof Float32Array
        ? null
        : `${p} should be {epoch, batch, maps} with the maps as Float32Arrays`,
    ),
  },
};
