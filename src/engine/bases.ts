// Pretrained bases on the engine side: load a saved model from a run, a file or a URL, and copy its weights in.
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { placeBase, type PlaceBaseOptions, type PlacedBase } from '../shared/graph/bases.ts';
import { fromKerasJson } from '../shared/graph/keras.ts';
import type { BaseSource, GraphDoc } from '../shared/graph/schema.ts';
import { buildModel } from './build-model.ts';
import { loadModelFromDir } from './model-io.ts';

/** Says where a base comes from, for messages. */
export function describeSource(s: BaseSource): string {
  if (s.kind === 'run') return `the run at ${s.runDir}`;
  if (s.kind === 'file') return s.path;
  return s.url;
}

/** Loads the saved model a base points at. Errors say what to fix. */
export async function loadBaseModel(source: BaseSource): Promise<tf.LayersModel> {
  try {
    if (source.kind === 'run') return await loadModelFromDir(join(source.runDir, source.which ?? 'best'));
    if (source.kind === 'file') return await loadModelFromDir(source.path);
    return await tf.loadLayersModel(source.url);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      `The pretrained base could not be loaded from ${describeSource(source)}: ${why} Check that it is a tfjs model.json with its weight files, or pick another base.`,
    );
  }
}

/** The graph of a saved model, laid out, named after the source. */
export function graphOfModel(model: tf.LayersModel, name?: string): GraphDoc {
  const doc = fromKerasJson(model.toJSON(null, false));
  return name ? { ...doc, name } : doc;
}

/** Loads a base and places its layers (frozen) into `doc`; see placeBase for the options. */
export async function addBaseFrom(
  doc: GraphDoc,
  source: BaseSource,
  opts: PlaceBaseOptions = {},
): Promise<PlacedBase> {
  const model = await loadBaseModel(source);
  try {
    return placeBase(doc, graphOfModel(model), source, opts);
  } finally {
    model.dispose();
  }
}

/**
 * Copies each base layer's weights from its saved model into `model` (built from `doc`), checking
 * every shape. Throws a sentence naming the layer when the saved model no longer matches the graph.
 */
export async function loadBaseWeights(model: tf.LayersModel, doc: GraphDoc): Promise<void> {
  for (const base of doc.bases ?? []) {
    const members = doc.nodes.filter((n) => n.base?.id === base.id);
    if (!members.length) continue;
    const saved = await loadBaseModel(base.source);
    try {
      for (const node of members) {
        const from = saved.layers.find((l) => l.name === node.base!.layer);
        if (!from)
          throw new Error(
            `The base "${base.name}" (${describeSource(base.source)}) has no layer "${node.base!.layer}" any more: remove the base and place it again.`,
          );
        const values = from.getWeights();
        const target = model.getLayer(node.name);
        const want = target.weights.map((w) => w.shape.join('x'));
        const have = values.map((v) => v.shape.join('x'));
        if (want.join() !== have.join())
          throw new Error(
            `Layer ${node.name} of the base "${base.name}" has weights ${want.join(', ') || 'none'} in this graph but ${have.join(', ') || 'none'} in the saved model: keep the base layers' params as they were saved.`,
          );
        if (values.length) target.setWeights(values);
      }
    } finally {
      saved.dispose();
    }
  }
}

/** buildModel, then the pretrained weights of every base block. */
export async function buildModelWithBases(doc: GraphDoc): Promise<tf.LayersModel> {
  const model = buildModel(doc);
  try {
    await loadBaseWeights(model, doc);
  } catch (err) {
    model.dispose();
    throw err;
  }
  return model;
}
