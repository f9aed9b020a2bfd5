// The course's transfer-learning experiment, offline: a conv base learnt on digits 0-4 reused, frozen, for 5-9.
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphDoc, LayerNode } from '../shared/graph/schema.ts';
import { getTemplate } from '../shared/graph/templates/index.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../shared/training.ts';
import { addBaseFrom, buildModelWithBases } from './bases.ts';
import { buildModel } from './build-model.ts';
import { loadDataset } from './datasets/index.ts';
import { seedMathRandom } from './datasets/prng.ts';
import { subset, type ImageSet } from './datasets/types.ts';
import { saveModelToDir } from './model-io.ts';
import { train } from './train.ts';

export interface TransferOptions {
  /** Images of digits 0-4 the base is trained on. */
  pretrainSamples: number;
  pretrainEpochs: number;
  /** The small set of digits 5-9 both new models learn from. */
  smallSamples: number;
  epochs: number;
  seed: number;
  /** The base is cut after this layer of mnist-convnet. */
  cutAt: string;
  /** Units of the new head's hidden Dense layer; 0 for none. */
  hidden: number;
  /** Progress lines for a terminal. */
  log?: (line: string) => void;
}

export const DEFAULT_TRANSFER: TransferOptions = {
  pretrainSamples: 15_000,
  pretrainEpochs: 2,
  smallSamples: 100,
  epochs: 15,
  seed: 42,
  cutAt: 'max_pooling2d_1',
  hidden: 0,
};

export interface TransferResult {
  pretrain: { samples: number; testAccuracy: number };
  smallSamples: number;
  testSamples: number;
  transfer: { testAccuracy: number; trainableParams: number };
  scratch: { testAccuracy: number; trainableParams: number };
}

/** The images whose label is in [from, from + 5), relabelled 0..4, at most `n` of them. */
function fiveDigits(set: ImageSet, from: number, n = Infinity): ImageSet {
  const idx: number[] = [];
  for (let i = 0; i < set.count && idx.length < n; i++)
    if (set.labels[i] >= from && set.labels[i] < from + 5) idx.push(i);
  const s = subset(set, idx);
  return { ...s, labels: s.labels.map((l) => l - from), classNames: s.classNames.slice(from, from + 5) };
}

/** The cut base + Flatten + (Dense `hidden` relu) + Dense 5 softmax. */
function withNewHead(doc: GraphDoc, outputNodeId: string, hidden: number): GraphDoc {
  const dense = (id: string, units: number, activation: 'relu' | 'softmax', y: number): LayerNode => ({
    id,
    type: 'Dense',
    name: id,
    params: { units, activation, use_bias: true },
    position: { x: 0, y },
  });
  const head: LayerNode[] = [
    { id: 'head_flatten', type: 'Flatten', name: 'head_flatten', params: {}, position: { x: 0, y: 700 } },
    ...(hidden > 0 ? [dense('head_dense', hidden, 'relu', 800)] : []),
    dense('head_out', 5, 'softmax', 900),
  ];
  const chain = [outputNodeId, ...head.map((n) => n.id)];
  return {
    ...doc,
    name: 'digits 5-9 on a pretrained base',
    nodes: [...doc.nodes, ...head],
    edges: [
      ...doc.edges,
      ...chain.slice(1).map((target, i) => ({ id: `head_e${i}`, source: chain[i], target })),
    ],
  };
}

function trainableCount(model: tf.LayersModel): number {
  return model.trainableWeights.reduce((a, w) => a + w.shape.reduce<number>((x, y) => x * (y ?? 1), 1), 0);
}

/**
 * Pretrains mnist-convnet on digits 0-4, then trains two models on a few hundred images of 5-9:
 * the frozen pretrained base with a new head, and the same architecture from scratch.
 */
export async function runTransferExample(opts: Partial<TransferOptions> = {}): Promise<TransferResult> {
  // Options left undefined (a flag not given) keep their defaults.
  const given = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
  const o: TransferOptions = { ...DEFAULT_TRANSFER, ...given };
  const log = o.log ?? (() => {});
  const data = loadDataset({ kind: 'mnist' }, [28, 28, 1], o.seed);
  const cfg = (epochs: number): TrainConfig => ({
    ...DEFAULT_TRAIN_CONFIG,
    epochs,
    seed: o.seed,
    validationSplit: 0,
    keepBest: false,
  });
  const quiet = () => {};
  const dir = mkdtempSync(join(tmpdir(), 'convnet-transfer-'));
  // Weight initialisers draw from Math.random: seeding it makes the comparison repeatable.
  const restoreRandom = seedMathRandom(o.seed);
  try {
    log(`1/3 pretraining mnist-convnet on ${o.pretrainSamples} images of digits 0-4…`);
    const low = {
      name: 'mnist 0-4',
      train: fiveDigits(data.train, 0, o.pretrainSamples),
      test: fiveDigits(data.test, 0),
    };
    const pre = buildModel(getTemplate('mnist-convnet')!);
    const preRun = await train(pre, low, cfg(o.pretrainEpochs), quiet);
    if (preRun.status !== 'completed')
      throw new Error(`Pretraining did not complete: ${preRun.error?.message ?? preRun.status}`);
    await saveModelToDir(pre, join(dir, 'best'));
    pre.dispose();

    const high = {
      name: 'mnist 5-9 (small)',
      train: fiveDigits(data.train, 5, o.smallSamples),
      test: fiveDigits(data.test, 5),
    };
    const placed = await addBaseFrom(
      { version: 1, name: 'transfer', nodes: [], edges: [] },
      { kind: 'run', runDir: dir },
      { upTo: o.cutAt },
    );
    const transferDoc = withNewHead(placed.doc, placed.outputNodeId, o.hidden);

    log(`2/3 training a new head on the frozen base with ${high.train.count} images of digits 5-9…`);
    const tm = await buildModelWithBases(transferDoc);
    const transferTrainable = trainableCount(tm);
    const tr = await train(tm, high, cfg(o.epochs), quiet);
    tm.dispose();

    log(`3/3 training the same architecture from scratch on the same ${high.train.count} images…`);
    const scratchDoc: GraphDoc = {
      ...transferDoc,
      bases: [],
      nodes: transferDoc.nodes.map((n) => {
        const { base: _base, trainable: _trainable, ...rest } = n;
        return rest as typeof n;
      }),
    };
    const sm = buildModel(scratchDoc);
    const scratchTrainable = trainableCount(sm);
    const sc = await train(sm, high, cfg(o.epochs), quiet);
    sm.dispose();

    const acc = (r: typeof tr) => {
      if (r.status !== 'completed' || r.test?.accuracy == null)
        throw new Error(`A training did not complete: ${r.error?.message ?? r.status}`);
      return r.test.accuracy;
    };
    return {
      pretrain: { samples: low.train.count, testAccuracy: acc(preRun) },
      smallSamples: high.train.count,
      testSamples: high.test.count,
      transfer: { testAccuracy: acc(tr), trainableParams: transferTrainable },
      scratch: { testAccuracy: acc(sc), trainableParams: scratchTrainable },
    };
  } finally {
    restoreRandom();
    rmSync(dir, { recursive: true, force: true });
  }
}
