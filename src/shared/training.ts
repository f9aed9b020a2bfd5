// Training config, dataset choice and the events a training run streams: shared by engine, IPC and views.

export const OPTIMIZERS = ['rmsprop', 'adam', 'sgd'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const LOSSES = [
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
  'binary_crossentropy',
  'mse',
] as const;
export type LossName = (typeof LOSSES)[number];

/** Random on-the-fly changes to training images, named as Keras's ImageDataGenerator names them. */
export interface AugmentationConfig {
  /** Degrees; each image turns by a random angle in [-r, r]. */
  rotation_range?: number;
  /** Fraction of the width; shifts by a random amount in [-w, w] * width. */
  width_shift_range?: number;
  /** Fraction of the height. */
  height_shift_range?: number;
  /** Degrees of shear, counter-clockwise, random in [-s, s]. */
  shear_range?: number;
  /** Zoom factor drawn from [1 - z, 1 + z]. */
  zoom_range?: number;
  horizontal_flip?: boolean;
}

export interface TrainConfig {
  optimizer: OptimizerName;
  learningRate: number;
  /** Only for sgd. */
  momentum?: number;
  loss: LossName;
  /** Keras metric names; 'accuracy' is the one the views draw. */
  metrics: string[];
  epochs: number;
  batchSize: number;
  /** Fraction of the training set held out for validation when the dataset has no validation set. */
  validationSplit: number;
  augmentation?: AugmentationConfig | null;
  seed: number;
  earlyStopping?: { patience: number } | null;
  /** Keep the model of the epoch with the lowest validation loss as `best/` and test that one. */
  keepBest: boolean;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  optimizer: 'rmsprop',
  learningRate: 0.001,
  momentum: 0.9,
  loss: 'categorical_crossentropy',
  metrics: ['accuracy'],
  epochs: 5,
  batchSize: 64,
  validationSplit: 0.1,
  augmentation: null,
  seed: 42,
  earlyStopping: null,
  keepBest: true,
};

export type BuiltinDataset = 'mnist' | 'fashion-mnist';

/** Where the images come from. `limit` caps the training set (and the test set at limit / 4, at least 100). */
export type DatasetSpec =
  | { kind: BuiltinDataset; limit?: number }
  | {
      kind: 'folder';
      /** A folder with one sub-folder per class, as Keras's image_dataset_from_directory expects. */
      path: string;
      /** A separate folder laid out the same way, used as the test set; without it the test set is split off too. */
      testPath?: string;
      limit?: number;
      /** Resize to this [height, width]; normally taken from the model's input. */
      size?: [number, number];
      color?: 'grayscale' | 'rgb';
    };

export interface StartEvent {
  type: 'start';
  epochs: number;
  batchesPerEpoch: number;
  trainSamples: number;
  validationSamples: number;
  testSamples: number;
  backend: string;
}
export interface BatchEvent {
  type: 'batch';
  /** 1-based. */
  epoch: number;
  /** 1-based, within the epoch. */
  batch: number;
  batches: number;
  loss: number;
  accuracy: number | null;
  samplesPerSec: number;
  /** Seconds left for the whole run at the current speed. */
  etaSec: number;
}
export interface EpochEvent {
  type: 'epoch';
  epoch: number;
  loss: number;
  accuracy: number | null;
  val_loss: number | null;
  val_accuracy: number | null;
  seconds: number;
  /** This epoch is the best so far (lowest validation loss, or training loss without validation). */
  best: boolean;
}
export interface TestEvent {
  type: 'test';
  loss: number;
  accuracy: number | null;
  /** Which model was tested: the best epoch's or the last. */
  epoch: number;
}
export interface StatusEvent {
  type: 'paused' | 'resumed';
  epoch: number;
  batch: number;
}
export interface StoppedEvent {
  type: 'stopped';
  reason: 'user' | 'early-stopping';
  /** The last epoch completed. */
  epoch: number;
  message: string;
}
export type TrainErrorCode = 'nan-loss' | 'exploding-loss' | 'data' | 'model' | 'engine-died' | 'internal';
export interface ErrorEvent {
  type: 'error';
  code: TrainErrorCode;
  message: string;
  epoch?: number;
  batch?: number;
}
/** A line for the log: backend chosen, dataset loaded. */
export interface InfoEvent {
  type: 'info';
  message: string;
}
export interface RunEvent {
  type: 'run';
  runId: string;
  runDir: string;
}
export interface DoneEvent {
  type: 'done';
  /** Null when the run stopped before any epoch completed or failed. */
  test_accuracy: number | null;
  test_loss: number | null;
  run_dir: string | null;
  epochs_completed: number;
  status: 'completed' | 'stopped' | 'failed';
}

export type TrainEvent =
  | StartEvent
  | BatchEvent
  | EpochEvent
  | TestEvent
  | StatusEvent
  | StoppedEvent
  | ErrorEvent
  | InfoEvent
  | RunEvent
  | DoneEvent;

export type TrainEventType = TrainEvent['type'];
