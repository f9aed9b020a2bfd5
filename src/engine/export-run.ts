// A trained run's model as files to hand to the user: tfjs (model.json + weights), Keras Python or Keras JSON with weights.
// Reads the run folder only: no tfjs, no electron, so hosts can load it at start.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toKerasJson } from '../shared/graph/keras.ts';
import { toKerasPython } from '../shared/graph/keras-py.ts';
import { plan } from '../shared/graph/plan.ts';
import type { GraphDoc } from '../shared/graph/schema.ts';
import { fileStem } from '../shared/export/file-stem.ts';
import { pySettingsOf } from '../shared/export/py-settings.ts';
import type { ExportedFile, RunExportFormat } from '../shared/ipc/channels/export.ts';
import type { TrainConfig } from '../shared/training.ts';

export { fileStem };

const text = (s: string) => new TextEncoder().encode(s);

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(
      `The run's ${what} (${file}) could not be read: the run folder is damaged; train it again.`,
    );
  }
}

interface TfjsModelJson {
  weightsManifest?: { paths: string[] }[];
  [key: string]: unknown;
}

/**
 * The run's best (else last) model as tfjs files named `<stem>-model.json` and `<stem>-<weight file>`,
 * its manifest rewritten to the new names so the files still find each other side by side.
 */
function tfjsFiles(runDir: string, stem: string): ExportedFile[] {
  const modelJson = ['best', 'last'].map((w) => join(runDir, w, 'model.json')).find((p) => existsSync(p));
  if (!modelJson)
    throw new Error(
      'This run saved no trained model (it stopped before its first epoch ended): train it again, then export.',
    );
  const json = readJson(modelJson, 'saved model') as TfjsModelJson;
  const dir = join(modelJson, '..');
  const files: ExportedFile[] = [];
  const manifest = (json.weightsManifest ?? []).map((group) => ({
    ...group,
    paths: group.paths.map((p) => {
      const name = `${stem}-${p.replace(/[\\/]/g, '_')}`;
      files.push({ name, bytes: new Uint8Array(readFileSync(join(dir, p))) });
      return name;
    }),
  }));
  const model = { ...json, weightsManifest: manifest };
  return [{ name: `${stem}-model.json`, bytes: text(`${JSON.stringify(model)}\n`) }, ...files];
}

/** The files of one export of the run in `runDir`; throws a sentence for the user when the run cannot give them. */
export function exportRun(runDir: string, format: RunExportFormat): ExportedFile[] {
  if (!existsSync(join(runDir, 'graph.json')))
    throw new Error(
      `There is no training run at ${runDir}: pick a run from the list (it may have been deleted).`,
    );
  const graph = readJson(join(runDir, 'graph.json'), 'graph') as GraphDoc;
  const meta = existsSync(join(runDir, 'config.json'))
    ? (readJson(join(runDir, 'config.json'), 'settings') as { name?: unknown; config?: Partial<TrainConfig> })
    : {};
  const stem = fileStem(typeof meta.name === 'string' ? meta.name : graph.name);
  const p = plan(graph);
  if (!p.ok) throw new Error(`The run's graph has errors (${p.errors[0].message}): it cannot be exported.`);
  const weights = tfjsFiles(runDir, stem);
  if (format === 'tfjs') return weights;
  if (format === 'keras-json')
    return [
      { name: `${stem}.keras.json`, bytes: text(`${JSON.stringify(toKerasJson(graph), null, 2)}\n`) },
      ...weights,
    ];
  const script = toKerasPython(graph, {
    settings: pySettingsOf(meta.config ?? {}),
    weightsModelJson: weights[0].name,
  });
  return [{ name: `${stem}.py`, bytes: text(script) }, ...weights];
}
