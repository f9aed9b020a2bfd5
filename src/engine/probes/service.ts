// The probes behind the Inspect view: finds and caches the model a request names, answers with typed arrays.
import * as tf from '@tensorflow/tfjs';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProbeInput, ProbeModelInfo, ProbeSource, ProbedInput } from '../../shared/ipc/channels/probe';
import type { ConvKernels, FeatureMaps, FilterPatterns, GradCam } from '../../shared/probes';
import { getTemplate, TEMPLATES } from '../../shared/graph/templates';
import { buildModel } from '../build-model';
import { listRuns, runsDir } from '../runs';
import { featureMapProbe, type FeatureMapProbe } from './feature-maps';
import { gradCam } from './gradcam';
import { mnistTestImage } from './inputs';
import { convKernels } from './kernels';
import { loadModelFromDir } from '../model-io';
import { filterPatterns } from './patterns';

interface Loaded {
  model: tf.LayersModel;
  /** model.json's modification time, so a run that is still training is reloaded when it saves. */
  stamp: number;
  maps: FeatureMapProbe | null;
}

export interface ProbeService {
  models(): Promise<ProbeModelInfo[]>;
  featureMaps(source: ProbeSource, input: ProbeInput): Promise<ProbedInput & { maps: FeatureMaps }>;
  kernels(source: ProbeSource): Promise<ConvKernels[]>;
  filters(source: ProbeSource, layer: string, count?: number): Promise<FilterPatterns & { ms: number }>;
  gradcam(
    source: ProbeSource,
    input: ProbeInput,
    classIndex?: number,
  ): Promise<ProbedInput & { cam: GradCam }>;
  /** Frees every cached model. */
  dispose(): void;
}

const KEEP = 3;

export interface ProbeServiceOptions {
  dataDir: string;
  /** Called once before the first probe, to pick the fastest tfjs backend. */
  initBackend?: () => Promise<unknown>;
}

export function createProbeService(opts: ProbeServiceOptions): ProbeService {
  const cache = new Map<string, Loaded>();
  let ready: Promise<unknown> | null = null;

  function modelJson(source: Extract<ProbeSource, { kind: 'run' }>): string {
    const dir = join(runsDir(opts.dataDir), source.id);
    const order = source.which === 'last' ? ['last', 'best'] : ['best', 'last'];
    for (const which of order) {
      const file = join(dir, which, 'model.json');
      if (existsSync(file)) return file;
    }
    throw new Error(
      `Run "${source.id}" has no saved model yet: wait for its first epoch to finish, or pick another run.`,
    );
  }

  async function load(source: ProbeSource): Promise<Loaded> {
    ready ??= opts.initBackend?.() ?? Promise.resolve();
    await ready;
    const key =
      source.kind === 'run' ? `run:${source.id}:${source.which ?? 'best'}` : `template:${source.name}`;
    const file = source.kind === 'run' ? modelJson(source) : null;
    const stamp = file ? statSync(file).mtimeMs : 0;
    const hit = cache.get(key);
    if (hit && hit.stamp === stamp) {
      cache.delete(key); // re-insert: the map's order is the least-recently-used order
      cache.set(key, hit);
      return hit;
    }
    if (hit) {
      hit.model.dispose();
      cache.delete(key);
    }
    let model: tf.LayersModel;
    if (file) model = await loadModelFromDir(file);
    else {
      const name = (source as Extract<ProbeSource, { kind: 'template' }>).name;
      const doc = getTemplate(name);
      if (!doc)
        throw new Error(
          `There is no template named "${name}": choose one of ${TEMPLATES.map((t) => t.name).join(', ')}.`,
        );
      model = buildModel(doc);
    }
    const loaded: Loaded = { model, stamp, maps: null };
    cache.set(key, loaded);
    while (cache.size > KEEP) {
      const [oldKey, old] = cache.entries().next().value as [string, Loaded];
      old.model.dispose();
      cache.delete(oldKey);
    }
    return loaded;
  }

  function readImage(input: ProbeInput): ProbedInput {
    if (input.kind === 'pixels') return { image: input.image, label: null };
    const { image, label } = mnistTestImage(input.index);
    return { image, label };
  }

  return {
    async models() {
      const runs: ProbeModelInfo[] = listRuns(opts.dataDir).map((r) => ({
        source: { kind: 'run', id: r.id },
        label: r.name,
        accuracy: r.testAccuracy,
        createdAt: r.createdAt,
      }));
      const templates: ProbeModelInfo[] = TEMPLATES.filter((t) => /convnet/.test(t.name)).map((t) => ({
        source: { kind: 'template', name: t.name },
        label: t.name,
        accuracy: null,
        createdAt: null,
      }));
      return [...runs, ...templates];
    },
    async featureMaps(source, input) {
      const loaded = await load(source);
      loaded.maps ??= featureMapProbe(loaded.model);
      const picked = readImage(input);
      return { ...picked, maps: loaded.maps.run(picked.image) };
    },
    async kernels(source) {
      return convKernels((await load(source)).model);
    },
    async filters(source, layer, count) {
      const { model } = await load(source);
      const started = performance.now();
      const patterns = filterPatterns(model, layer, { count: count ?? 16 });
      return { ...patterns, ms: performance.now() - started };
    },
    async gradcam(source, input, classIndex) {
      const { model } = await load(source);
      const picked = readImage(input);
      return { ...picked, cam: gradCam(model, picked.image, { classIndex }) };
    },
    dispose() {
      for (const l of cache.values()) l.model.dispose();
      cache.clear();
    },
  };
}
