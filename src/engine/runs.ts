// Runs on disk: <dataDir>/runs/<id>/ with config, graph, metrics.jsonl, best/ and last/ models, result.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { GraphDoc } from '../shared/graph/schema.ts';
import type { RunMeta, RunRecord, RunResult, RunSummary } from '../shared/runs.ts';
import type { DatasetSpec, TrainConfig, TrainEvent } from '../shared/training.ts';

import { writeFileAtomic } from './model-io.ts';

export { loadModelFromDir, saveModelToDir, writeFileAtomic } from './model-io.ts';
export type { RunMeta, RunRecord, RunResult, RunSummary } from '../shared/runs.ts';

/** The folder that holds the app's runs: $CONVNET_STUDIO_DATA, else the platform's app-data place. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.CONVNET_STUDIO_DATA) return resolve(env.CONVNET_STUDIO_DATA);
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Convnet Studio');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Convnet Studio');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'convnet-studio');
}

function writeJson(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function runsDir(dataDir: string): string {
  return join(dataDir, 'runs');
}

/** Ids sort by time: 2026-11-28T19-40-12Z-3fa9c1 (crypto randomness: Math.random is seeded during a run). */
function newRunId(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/:/g, '-')}Z-${randomBytes(3).toString('hex')}`;
}

/** Creates the run folder with config.json and graph.json; returns its id and path. */
export function createRun(
  dataDir: string,
  init: { name?: string; graph: GraphDoc; config: TrainConfig; dataset: DatasetSpec; backend?: string },
): { id: string; dir: string } {
  const createdAt = new Date();
  const id = newRunId(createdAt);
  const dir = join(runsDir(dataDir), id);
  mkdirSync(dir, { recursive: true });
  const meta: RunMeta = {
    id,
    name:
      init.name ??
      `${init.graph.name} on ${init.dataset.kind === 'folder' ? init.dataset.path : init.dataset.kind}`,
    createdAt: createdAt.toISOString(),
    config: init.config,
    dataset: init.dataset,
    ...(init.backend ? { backend: init.backend } : {}),
  };
  writeJson(join(dir, 'config.json'), meta);
  writeJson(join(dir, 'graph.json'), init.graph);
  return { id, dir };
}

/** Appends one event as a line of metrics.jsonl. */
export function appendMetric(dir: string, event: TrainEvent): void {
  appendFileSync(join(dir, 'metrics.jsonl'), `${JSON.stringify(event)}\n`);
}

export function writeResult(dir: string, result: RunResult): void {
  writeJson(join(dir, 'result.json'), result);
}

function isRunDir(dir: string): boolean {
  return existsSync(join(dir, 'config.json')) && existsSync(join(dir, 'graph.json'));
}

/** Reads a run folder; throws a sentence naming the folder when it is not a run. */
export function readRun(dir: string): RunRecord {
  if (!isRunDir(dir)) throw new Error(`${dir} is not a training run (config.json or graph.json is missing).`);
  const events: TrainEvent[] = [];
  const metricsFile = join(dir, 'metrics.jsonl');
  if (existsSync(metricsFile)) {
    for (const line of readFileSync(metricsFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        events.push(JSON.parse(line) as TrainEvent);
      } catch {
        // A process killed mid-write leaves at most one partial last line.
      }
    }
  }
  const resultFile = join(dir, 'result.json');
  return {
    dir,
    meta: readJson<RunMeta>(join(dir, 'config.json')),
    graph: readJson<GraphDoc>(join(dir, 'graph.json')),
    events,
    result: existsSync(resultFile) ? readJson<RunResult>(resultFile) : null,
    hasBest: existsSync(join(dir, 'best', 'model.json')),
    hasLast: existsSync(join(dir, 'last', 'model.json')),
  };
}

/** All runs under dataDir, newest first; folders that are not runs are skipped. */
export function listRuns(dataDir: string): RunSummary[] {
  const root = runsDir(dataDir);
  if (!existsSync(root)) return [];
  const out: RunSummary[] = [];
  for (const id of readdirSync(root)) {
    const dir = join(root, id);
    if (!isRunDir(dir)) continue;
    try {
      const run = readRun(dir);
      const ds = run.meta.dataset;
      out.push({
        id: run.meta.id,
        name: run.meta.name,
        dir,
        createdAt: run.meta.createdAt,
        status: run.result?.status ?? 'interrupted',
        epochsCompleted: run.events.filter((e) => e.type === 'epoch').length,
        testAccuracy: run.result?.test_accuracy ?? null,
        dataset: ds.kind === 'folder' ? ds.path : ds.kind,
      });
    } catch {
      // A run whose config.json is damaged is not listed rather than breaking the list.
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function renameRun(dir: string, name: string): void {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A run needs a name: type at least one character.');
  if (!isRunDir(dir)) throw new Error(`${dir} is not a training run; nothing was renamed.`);
  const meta = readJson<RunMeta>(join(dir, 'config.json'));
  writeJson(join(dir, 'config.json'), { ...meta, name: trimmed });
}

/** Deletes a run folder; refuses folders that are not runs, so a wrong path cannot wipe other data. */
export function deleteRun(dir: string): void {
  if (!isRunDir(dir)) throw new Error(`${dir} is not a training run; nothing was deleted.`);
  rmSync(dir, { recursive: true, force: true });
}
