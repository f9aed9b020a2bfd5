// `export`: a graph (with its trained weights, from a run) as a Keras Python script, Keras JSON, or a tfjs model.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { plan } from '../../shared/graph/plan.ts';
import { toKerasJson } from '../../shared/graph/keras.ts';
import { toKerasPython } from '../../shared/graph/keras-py.ts';
import { pySettingsOf } from '../../shared/export/py-settings.ts';
import { resolveGraphSource, SourceError, type GraphSource } from '../source.ts';

export const summary = 'export <project | run dir | template> --format keras-py|keras-json|tfjs --out PATH';

const FORMATS = ['keras-py', 'keras-json', 'tfjs'] as const;
type Format = (typeof FORMATS)[number];

/** Copies a tfjs model (model.json + the weight files it names) into `dir`. */
function copyTfjsModel(modelJson: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const json = JSON.parse(readFileSync(modelJson, 'utf8')) as { weightsManifest?: { paths: string[] }[] };
  for (const group of json.weightsManifest ?? [])
    for (const p of group.paths) copyFileSync(join(dirname(modelJson), p), join(dir, p));
  copyFileSync(modelJson, join(dir, 'model.json'));
  return join(dir, 'model.json');
}

async function writeTfjs(src: GraphSource, out: string): Promise<string[]> {
  if (src.run?.modelJson) return [copyTfjsModel(src.run.modelJson, out)];
  const { silenceTfjsBanner } = await import('../../engine/backend.ts');
  silenceTfjsBanner();
  // Building and saving an untrained model is light work: the pure-JS backend needs no set-up.
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const { buildModelWithBases } = await import('../../engine/bases.ts');
  const { saveModelToDir } = await import('../../engine/model-io.ts');
  const model = await buildModelWithBases(src.graph);
  try {
    await saveModelToDir(model, out);
  } finally {
    model.dispose();
  }
  return [join(out, 'model.json')];
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' } },
  });
  const format = values.format as Format | undefined;
  if (positionals.length !== 1 || !format || !values.out) {
    process.stderr.write(`usage: npm run cli -- ${summary}\n`);
    return 2;
  }
  if (!FORMATS.includes(format)) {
    process.stderr.write(`Unknown format "${format}": use ${FORMATS.join(', ')}.\n`);
    return 2;
  }
  let src: GraphSource;
  try {
    src = resolveGraphSource(positionals[0]);
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  const p = plan(src.graph);
  if (!p.ok) {
    process.stderr.write(`The graph has errors; fix them before exporting:\n`);
    for (const e of p.errors) process.stderr.write(`  - ${e.message}\n`);
    return 1;
  }
  const out = values.out;
  const written: string[] = [];
  if (format === 'tfjs') written.push(...(await writeTfjs(src, out)));
  else if (format === 'keras-json') {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(toKerasJson(src.graph), null, 2)}\n`);
    written.push(out);
    if (src.run?.modelJson) {
      const weightsDir = out.replace(/\.json$/, '') + '_weights';
      written.push(copyTfjsModel(src.run.modelJson, weightsDir));
    }
  } else {
    mkdirSync(dirname(out), { recursive: true });
    let weights: string | undefined;
    if (src.run?.modelJson) {
      const weightsDir = out.replace(/\.py$/, '') + '_weights';
      const copied = copyTfjsModel(src.run.modelJson, weightsDir);
      weights = relative(dirname(out), copied);
      written.push(copied);
    }
    writeFileSync(
      out,
      toKerasPython(src.graph, { settings: pySettingsOf(src.training), weightsModelJson: weights }),
    );
    written.unshift(out);
  }
  const note =
    format === 'keras-py'
      ? `Run it with: python3 ${basename(out)} path/to/images (add --strategy mirrored for several GPUs).`
      : format === 'keras-json'
        ? 'Load it with keras.models.model_from_json(open(path).read()) or tf.models.modelFromJSON.'
        : 'Load it with tf.loadLayersModel(url or file) or place it as a pretrained base.';
  process.stdout.write(`${written.map((w) => `wrote ${w}`).join('\n')}\n${note}\n`);
  if (!existsSync(written[0])) return 1;
  return 0;
}
