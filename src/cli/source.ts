// What a command's <source> argument names: a template, a project, a graph or Keras/tfjs JSON file, or a run folder.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromKerasJson } from '../shared/graph/keras.ts';
import type { GraphDoc } from '../shared/graph/schema.ts';
import { TEMPLATE_NAMES, getTemplate } from '../shared/graph/templates/index.ts';
import { PROJECT_FORMAT, graphProblem, parseProject } from '../shared/project/project-file.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../shared/training.ts';

/** A source's problem the user can fix; commands print its message and exit 2. */
export class SourceError extends Error {
  override name = 'SourceError';
}

export interface GraphSource {
  graph: GraphDoc;
  /** Training settings the source carries (a project's or a run's). */
  training: Partial<TrainConfig>;
  /** For a run folder: the folder, and the model.json of its best (else last) model when one was saved. */
  run?: { dir: string; modelJson: string | null };
  kind: 'template' | 'project' | 'graph' | 'keras' | 'run';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Training settings saved in a project or run, keeping only known keys with the right type. */
export function pickTraining(saved: unknown): Partial<TrainConfig> {
  if (!isObject(saved)) return {};
  const src = isObject(saved.config) ? saved.config : saved;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(DEFAULT_TRAIN_CONFIG)) {
    if (k in src && src[k] !== null && typeof src[k] === typeof v) out[k] = src[k];
  }
  return out as Partial<TrainConfig>;
}

function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new SourceError(
      `${path} is not valid JSON: give a project file, a graph JSON, or a Keras/tfjs model JSON.`,
    );
  }
}

function fromRunDir(dir: string): GraphSource {
  const graphFile = join(dir, 'graph.json');
  if (!existsSync(graphFile))
    throw new SourceError(
      `${dir} is a folder but not a training run (it has no graph.json): give a run folder or a file.`,
    );
  const graph = readJsonFile(graphFile);
  const problem = graphProblem(graph);
  if (problem) throw new SourceError(`${graphFile} is damaged: ${problem[0]}.`);
  const config = existsSync(join(dir, 'config.json')) ? readJsonFile(join(dir, 'config.json')) : {};
  const modelJson =
    ['best', 'last'].map((w) => join(dir, w, 'model.json')).find((p) => existsSync(p)) ?? null;
  return { graph: graph as GraphDoc, training: pickTraining(config), run: { dir, modelJson }, kind: 'run' };
}

/** Resolves a source argument; throws SourceError with a sentence saying what to give instead. */
export function resolveGraphSource(source: string): GraphSource {
  if (!existsSync(source)) {
    const t = getTemplate(source);
    if (t) return { graph: t, training: {}, kind: 'template' };
    throw new SourceError(
      `No file, folder or template named "${source}": give a project or model JSON file, a run folder, or one of the templates (${TEMPLATE_NAMES.join(', ')}).`,
    );
  }
  if (statSync(source).isDirectory()) return fromRunDir(source);
  const json = readJsonFile(source);
  if (isObject(json) && json.format === PROJECT_FORMAT) {
    const parsed = parseProject(readFileSync(source, 'utf8'));
    if (!parsed.ok) throw new SourceError(parsed.error.message);
    return { graph: parsed.project.graph, training: pickTraining(parsed.project.training), kind: 'project' };
  }
  const bare = isObject(json) && isObject(json.graph) ? json.graph : json;
  if (isObject(bare) && Array.isArray(bare.nodes) && Array.isArray(bare.edges)) {
    const problem = graphProblem(bare);
    if (problem) throw new SourceError(`${source} is not a usable graph: ${problem[0]}.`);
    return { graph: bare as unknown as GraphDoc, training: {}, kind: 'graph' };
  }
  if (isObject(json) && (typeof json.class_name === 'string' || isObject(json.modelTopology))) {
    // A KerasJsonError (a layer that cannot be drawn) passes through: it names the layer at fault.
    return { graph: fromKerasJson(json), training: {}, kind: 'keras' };
  }
  throw new SourceError(
    `${source} is neither a Convnet Studio project, a graph document, nor a Keras/tfjs model JSON (with "class_name" or "modelTopology").`,
  );
}
