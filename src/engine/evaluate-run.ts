// A run's saved model against its own test set: per-image predictions, test images by index, one-image prediction.
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadDataset, type ImageSet } from './datasets/index.ts';
import { FASHION_CLASSES } from './datasets/fashion-mnist.ts';
import { confusionMatrix, evaluateModel, predictOne, type Prediction } from './evaluate.ts';
import { loadModelFromDir } from './model-io.ts';
import { readRun, runsDir } from './runs.ts';

/** Everything the confusion matrix and the gallery need, as compact typed arrays (one entry per test image). */
export interface RunEvaluation {
  runId: string;
  accuracy: number;
  count: number;
  classNames: string[];
  /** [height, width, channels] of the test images. */
  imageShape: [number, number, number];
  labels: Uint8Array;
  predicted: Uint8Array;
  /** The probability given to the predicted class. */
  confidence: Float32Array;
  /** matrix[true][predicted]. */
  confusion: number[][];
}

export interface RunPrediction extends Prediction {
  classNames: string[];
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
const MAX_IMAGES = 400;

/** Keeps the last run's model and test set in memory, so clicks on the matrix and drawings answer at once. */
export class RunEvaluator {
  private loaded: {
    runId: string;
    model: tf.LayersModel;
    test: ImageSet | null;
    evaluation: RunEvaluation | null;
  } | null = null;

  constructor(private readonly dataDir: string) {}

  /** The folder of a run id; refuses ids that could point outside the runs folder. */
  runDir(runId: string): string {
    if (!RUN_ID.test(runId) || runId.includes('..'))
      throw new Error(`"${runId}" is not a run id; pick a run from the runs table.`);
    return join(runsDir(this.dataDir), runId);
  }

  private async model(runId: string): Promise<tf.LayersModel> {
    if (this.loaded?.runId === runId) return this.loaded.model;
    const dir = this.runDir(runId);
    const run = readRun(dir);
    if (!run.hasBest && !run.hasLast) {
      throw new Error(
        `The run "${run.meta.name}" has no saved model: it stopped before finishing an epoch. Train again to evaluate.`,
      );
    }
    const model = await loadModelFromDir(dir);
    this.dispose();
    this.loaded = { runId, model, test: null, evaluation: null };
    return model;
  }

  private async testSet(runId: string): Promise<ImageSet> {
    const model = await this.model(runId);
    if (this.loaded!.test) return this.loaded!.test;
    const run = readRun(this.runDir(runId));
    const shape = model.inputs[0]!.shape.slice(1) as number[];
    const test = loadDataset(run.meta.dataset, shape, run.meta.config.seed).test;
    this.loaded!.test = test;
    return test;
  }

  /** Predicts the whole test set of the run (as the run tested it: same dataset, same limit). */
  async evaluate(runId: string): Promise<RunEvaluation> {
    const model = await this.model(runId);
    if (this.loaded!.evaluation) return this.loaded!.evaluation;
    const test = await this.testSet(runId);
    const { height: h, width: w, channels: c, count } = test;
    const xs = tf.tidy(() => tf.tensor4d(test.pixels, [count, h, w, c], 'float32').div(255) as tf.Tensor4D);
    try {
      const ev = await evaluateModel(model, xs, test.labels, { maxMisclassified: 0 });
      const evaluation: RunEvaluation = {
        runId,
        accuracy: ev.accuracy,
        count,
        classNames: test.classNames,
        imageShape: [h, w, c],
        labels: Uint8Array.from(test.labels),
        predicted: Uint8Array.from(ev.predicted),
        confidence: ev.confidence,
        confusion: confusionMatrix(
          test.labels,
          ev.predicted,
          Math.max(ev.numClasses, test.classNames.length),
        ),
      };
      this.loaded!.evaluation = evaluation;
      return evaluation;
    } finally {
      xs.dispose();
    }
  }

  /** Test images by index, as 8-bit pixels [n, h, w, c]. */
  async images(
    runId: string,
    indices: number[],
  ): Promise<{ pixels: Uint8Array; shape: [number, number, number, number] }> {
    const test = await this.testSet(runId);
    const list = indices.slice(0, MAX_IMAGES);
    const size = test.height * test.width * test.channels;
    const pixels = new Uint8Array(list.length * size);
    list.forEach((idx, i) => {
      if (!Number.isInteger(idx) || idx < 0 || idx >= test.count) {
        throw new Error(`Test image ${idx} does not exist: this run's test set has ${test.count} images.`);
      }
      pixels.set(test.pixels.subarray(idx * size, (idx + 1) * size), i * size);
    });
    return { pixels, shape: [list.length, test.height, test.width, test.channels] };
  }

  /** One image ([h, w, c] floats in [0, 1]) through the run's model. */
  async predict(runId: string, data: Float32Array, shape: [number, number, number]): Promise<RunPrediction> {
    const model = await this.model(runId);
    const prediction = predictOne(model, data, shape);
    const run = readRun(this.runDir(runId));
    const n = prediction.probabilities.length;
    const names =
      run.meta.dataset.kind === 'folder'
        ? (await this.testSet(runId)).classNames
        : defaultClassNames(run.meta.dataset.kind, n);
    return { ...prediction, classNames: names };
  }

  /** Frees the model held in memory. */
  dispose(): void {
    this.loaded?.model.dispose();
    this.loaded = null;
  }
}

function defaultClassNames(kind: string, n: number): string[] {
  if (kind === 'fashion-mnist' && n === FASHION_CLASSES.length) return FASHION_CLASSES;
  return Array.from({ length: n }, (_, i) => String(i));
}
