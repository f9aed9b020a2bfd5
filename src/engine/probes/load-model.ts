// Loads a tfjs Layers model from disk for the probes: a run directory or a model.json path.
import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The model.json a path points at: the file itself, DIR/model.json, or a run's best/ then last/ model. */
export function resolveModelJson(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} does not exist: give a run directory or a model.json file.`);
  if (statSync(path).isFile()) return path;
  for (const candidate of [join(path, 'model.json'), join(path, 'best', 'model.json'), join(path, 'last', 'model.json')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${path} holds no model.json (nor best/model.json or last/model.json): give a run directory or a model.json file.`);
}

interface ModelJson {
  modelTopology: object;
  weightsManifest?: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
}

/** An IOHandler that reads model.json and its weight shards from the local disk. */
export function fileModelHandler(modelJsonPath: string): tf.io.IOHandler {
  return {
    async load(): Promise<tf.io.ModelArtifacts> {
      let json: ModelJson;
      try {
        json = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as ModelJson;
      } catch (err) {
        throw new Error(`${modelJsonPath} is not a readable model.json (${(err as Error).message}).`);
      }
      if (!json.modelTopology) throw new Error(`${modelJsonPath} has no modelTopology: it is not a tfjs Layers model.`);
      const weightSpecs: tf.io.WeightsManifestEntry[] = [];
      const buffers: Buffer[] = [];
      for (const group of json.weightsManifest ?? []) {
        weightSpecs.push(...group.weights);
        for (const p of group.paths) {
          const file = join(dirname(modelJsonPath), p);
          if (!existsSync(file)) throw new Error(`${modelJsonPath} needs the weights file ${file}, which is missing.`);
          buffers.push(readFileSync(file));
        }
      }
      const all = Buffer.concat(buffers);
      const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
      return { modelTopology: json.modelTopology, weightSpecs, weightData, format: json.format, generatedBy: json.generatedBy };
    },
  };
}

/** Loads the model a run directory or model.json path names. */
export async function loadProbeModel(path: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileModelHandler(resolveModelJson(path)));
}

/** An IOHandler that writes model.json and weights.bin into `dir` (for tests and scripts). */
export function fileSaveHandler(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      mkdirSync(dir, { recursive: true });
      const weights = artifacts.weightData
        ? Buffer.concat((Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData]).map((b) => Buffer.from(b)))
        : Buffer.alloc(0);
      writeFileSync(join(dir, 'weights.bin'), weights);
      const json = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
      };
      writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.length } };
    },
  };
}
