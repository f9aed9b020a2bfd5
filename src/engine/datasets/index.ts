// The dataset registry: turns a DatasetSpec into train/test image sets shaped for the model's input.
import type { DatasetSpec } from '../../shared/training.ts';
import { loadFashionMnist } from './fashion-mnist.ts';
import { loadMnist } from './idx.ts';
import { loadImageFolder } from './image-folder.ts';
import { fitSet } from './image.ts';
import { createRng, deriveSeed, shuffleInPlace } from './prng.ts';
import { DatasetError, subset, type DatasetSplits } from './types.ts';

export { DatasetError } from './types.ts';
export type { DatasetSplits, ImageSet } from './types.ts';

/** Fraction of an image folder kept aside as the test set when no separate test folder is given. */
const FOLDER_TEST_FRACTION = 0.2;

/**
 * Loads a dataset and makes its images the model's input shape [height, width, channels]
 * (resized bilinearly, converted to grayscale or RGB).
 */
export function loadDataset(spec: DatasetSpec, inputShape: number[], seed = 42): DatasetSplits {
  if (inputShape.length !== 3 || !(inputShape[2] === 1 || inputShape[2] === 3)) {
    throw new DatasetError(
      `Image datasets need a model whose input is [height, width, 1 or 3]; this model's input is [${inputShape.join(', ')}].`,
    );
  }
  const [h, w, c] = inputShape as [number, number, number];
  let splits: DatasetSplits;
  if (spec.kind === 'mnist') splits = loadMnist({ limit: spec.limit });
  else if (spec.kind === 'fashion-mnist') splits = loadFashionMnist({ limit: spec.limit });
  else if (spec.kind === 'folder') {
    const size = spec.size ?? [h, w];
    const color = spec.color ?? (c === 1 ? 'grayscale' : 'rgb');
    if (spec.testPath) {
      const testLimit = spec.limit === undefined ? undefined : Math.max(1, Math.ceil(spec.limit / 4));
      splits = {
        name: spec.path,
        train: loadImageFolder(spec.path, { size, color, limit: spec.limit, seed }),
        test: loadImageFolder(spec.testPath, { size, color, limit: testLimit, seed }),
      };
    } else {
      const limit = spec.limit === undefined ? undefined : Math.ceil(spec.limit / (1 - FOLDER_TEST_FRACTION));
      const all = loadImageFolder(spec.path, { size, color, limit, seed });
      const order = shuffleInPlace(
        Uint32Array.from({ length: all.count }, (_, i) => i),
        createRng(deriveSeed(seed, 0x7e57)),
      );
      const nTest = Math.max(1, Math.round(all.count * FOLDER_TEST_FRACTION));
      if (all.count - nTest < 1)
        throw new DatasetError(`${spec.path} has too few images (${all.count}) to train and test on.`);
      splits = {
        name: spec.path,
        train: subset(all, order.subarray(nTest).sort()),
        test: subset(all, order.subarray(0, nTest).sort()),
      };
    }
  } else {
    throw new DatasetError(
      `Unknown dataset "${(spec as { kind: string }).kind}"; use mnist, fashion-mnist or a folder.`,
    );
  }
  return {
    ...splits,
    train: fitSet(splits.train, h, w, c),
    test: fitSet(splits.test, h, w, c),
    ...(splits.validation ? { validation: fitSet(splits.validation, h, w, c) } : {}),
  };
}

/** Parses the CLI's --dataset value: a built-in name or a folder path. */
export function datasetSpecFrom(value: string, limit?: number): DatasetSpec {
  if (value === 'mnist' || value === 'fashion-mnist')
    return { kind: value, ...(limit !== undefined ? { limit } : {}) };
  return { kind: 'folder', path: value, ...(limit !== undefined ? { limit } : {}) };
}
