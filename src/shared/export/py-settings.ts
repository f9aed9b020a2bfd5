// The project's (or a run's) training settings as the Keras Python export wants them.
import type { PyTrainingSettings } from '../graph/keras-py.ts';
import type { TrainConfig } from '../training.ts';

/** Keeps what the exported script compiles and trains with; absent fields fall back to the script's defaults. */
export function pySettingsOf(config: Partial<TrainConfig>): Partial<PyTrainingSettings> {
  const out: Partial<PyTrainingSettings> = {};
  if (config.optimizer) out.optimizer = config.optimizer;
  if (typeof config.learningRate === 'number') out.learningRate = config.learningRate;
  // Momentum only means something to SGD; the script would otherwise pass it where Keras rejects it.
  if (config.optimizer === 'sgd' && typeof config.momentum === 'number') out.momentum = config.momentum;
  if (config.loss) out.loss = config.loss;
  if (Array.isArray(config.metrics)) out.metrics = [...config.metrics];
  if (typeof config.epochs === 'number') out.epochs = config.epochs;
  if (typeof config.batchSize === 'number') out.batchSize = config.batchSize;
  if (typeof config.validationSplit === 'number') out.validationSplit = config.validationSplit;
  if (typeof config.seed === 'number') out.seed = config.seed;
  const a = config.augmentation;
  if (a)
    out.augmentation = {
      rotation: a.rotation_range,
      widthShift: a.width_shift_range,
      heightShift: a.height_shift_range,
      zoom: a.zoom_range,
      horizontalFlip: a.horizontal_flip,
    };
  return out;
}
