// tfjs Layers models on the local disk (model.json + weights.bin) through our own IOHandlers, written atomically.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

/** Writes a file so that readers see the old or the new content, never half of it (temp file + rename). */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

const WEIGHTS_FILE = 'weights.bin';

interface ModelJson {
  modelTopology: object;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  trainingConfig?: tf.io.TrainingConfig;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

function joinBuffers(data: ArrayBuffer | ArrayBuffer[]): Uint8Array {
  if (!Array.isArray(data)) return new Uint8Array(data);
  const total = data.reduce((a, b) => a + b.byteLength, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), off);
    off += b.byteLength;
  }
  return out;
}

/**
 * Saves `model` as dir/model.json + dir/weights.bin. Each file is replaced atomically, weights first:
 * a run's models keep one topology, so any complete model.json fits any complete weights.bin.
 */
export async function saveModelToDir(model: tf.LayersModel, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.modelTopology || artifacts.modelTopology instanceof ArrayBuffer) {
        throw new Error('Only Layers models with a JSON topology can be saved.');
      }
      const weights = artifacts.weightData
        ? joinBuffers(artifacts.weightData as ArrayBuffer | ArrayBuffer[])
        : new Uint8Array(0);
      const json: ModelJson = {
        modelTopology: artifacts.modelTopology,
        format: 'layers-model',
        generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
        convertedBy: null,
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
      };
      writeFileAtomic(join(dir, WEIGHTS_FILE), weights);
      writeFileAtomic(join(dir, 'model.json'), JSON.stringify(json));
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          modelTopologyBytes: JSON.stringify(artifacts.modelTopology).length,
          weightSpecsBytes: JSON.stringify(artifacts.weightSpecs ?? []).length,
          weightDataBytes: weights.byteLength,
        },
      };
    }),
  );
}

/** The model.json a path names: the file, DIR/model.json, or a run's best/ then last/ model. */
export function findModelJson(path: string): string {
  if (!existsSync(path))
    throw new Error(`${path} does not exist: give a run folder, a model folder or a model.json file.`);
  if (statSync(path).isFile()) return path;
  for (const c of [
    join(path, 'model.json'),
    join(path, 'best', 'model.json'),
    join(path, 'last', 'model.json'),
  ]) {
    if (existsSync(c)) return c;
  }
  throw new Error(
    `${path} holds no model.json (nor best/model.json or last/model.json); it may be a run that never finished an epoch.`,
  );
}

/** An IOHandler that loads model.json and its weight files from disk. */
export function diskModelHandler(modelJsonPath: string): tf.io.IOHandler {
  return {
    load: async () => {
      let json: ModelJson;
      try {
        json = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as ModelJson;
      } catch (err) {
        throw new Error(`${modelJsonPath} is not a readable model.json (${(err as Error).message}).`);
      }
      if (!json.modelTopology)
        throw new Error(`${modelJsonPath} has no modelTopology: it is not a tfjs Layers model.`);
      const specs: tf.io.WeightsManifestEntry[] = [];
      const parts: ArrayBuffer[] = [];
      const base = join(modelJsonPath, '..');
      for (const group of json.weightsManifest ?? []) {
        specs.push(...group.weights);
        for (const p of group.paths) {
          const file = join(base, p);
          if (!existsSync(file))
            throw new Error(`${modelJsonPath} refers to ${p}, which is missing next to it.`);
          const b = readFileSync(file);
          parts.push(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
        }
      }
      const weightData = joinBuffers(parts).buffer as ArrayBuffer;
      const expected = specs.reduce(
        (a, s) =>
          a + s.shape.reduce((x, y) => x * y, 1) * (s.dtype === 'int32' || s.dtype === 'float32' ? 4 : 1),
        0,
      );
      if (weightData.byteLength !== expected) {
        throw new Error(
          `${modelJsonPath}: the weight files hold ${weightData.byteLength} bytes but the manifest needs ${expected}; the model is damaged.`,
        );
      }
      return {
        modelTopology: json.modelTopology,
        weightSpecs: specs,
        weightData,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy ?? null,
        ...(json.trainingConfig ? { trainingConfig: json.trainingConfig } : {}),
      };
    },
  };
}

/** Loads a saved model from a run folder (best/, else last/), a model folder or a model.json path. */
export async function loadModelFromDir(path: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(diskModelHandler(findModelJson(path)));
}
