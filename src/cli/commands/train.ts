// `npm run cli -- train`: trains a project, graph JSON or template in the engine process, with a progress bar or JSON lines.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { graphProblem, parseProject, PROJECT_FORMAT } from '../../shared/project/project-file.ts';
import type { GraphDoc } from '../../shared/graph/schema.ts';
import { getTemplate, TEMPLATE_NAMES } from '../../shared/graph/templates/index.ts';
import {
  DEFAULT_TRAIN_CONFIG,
  LOSSES,
  OPTIMIZERS,
  type DatasetSpec,
  type TrainConfig,
  type TrainEvent,
} from '../../shared/training.ts';
import { EngineHost } from '../../engine/process/host.ts';
import { defaultDataDir } from '../../engine/runs.ts';

export const summary = 'train a project, graph JSON or template on MNIST, Fashion-MNIST or an image folder';

const USAGE = `usage: npm run cli -- train <project.convnet.json | graph.json | template> [options]
  --dataset mnist|fashion-mnist|DIR   DIR has one sub-folder of images per class (default mnist)
  --epochs N  --batch-size N  --limit N (training images; the test set gets N/4)
  --optimizer ${OPTIMIZERS.join('|')}  --learning-rate X  --loss ${LOSSES.join('|')}
  --validation-split X  --seed N  --patience N (early stopping)  --name TEXT
  --backend NAME  --data-dir DIR (default ${defaultDataDir()})
  --json   one JSON event per line on stdout, ending with {"type":"done",...}
templates: ${TEMPLATE_NAMES.join(', ')}
`;

/** Number option: finite, and a whole number >= 1 when `int`. */
function num(v: string | undefined, name: string, int: boolean): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || (int && (!Number.isInteger(n) || n < 1)) || (!int && n < 0)) {
    throw new Error(
      `--${name} must be ${int ? 'a whole number of at least 1' : 'a number of 0 or more'} (got "${v}").`,
    );
  }
  return n;
}

/** The graph (and any training settings) a source names: a project file, a graph JSON file or a template. */
export function resolveSource(source: string): { graph: GraphDoc; training: Partial<TrainConfig> } {
  if (!existsSync(source)) {
    const t = getTemplate(source);
    if (t) return { graph: t, training: {} };
    throw new Error(`"${source}" is neither a file nor a template. Templates: ${TEMPLATE_NAMES.join(', ')}.`);
  }
  const text = readFileSync(source, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(
      `${source} is not valid JSON: give a project file, a graph JSON file or a template name.`,
    );
  }
  const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (obj.format === PROJECT_FORMAT) {
    const parsed = parseProject(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return { graph: parsed.project.graph, training: pickTraining(parsed.project.training) };
  }
  if ('nodes' in obj && 'edges' in obj) {
    const problem = graphProblem(obj);
    if (problem) throw new Error(`${source} is not a usable graph: ${problem[0]}.`);
    return { graph: obj as unknown as GraphDoc, training: {} };
  }
  if ('modelTopology' in obj || 'class_name' in obj) {
    throw new Error(
      `${source} is a Keras/tfjs model JSON: import it in the app (Import Keras JSON) and save a project, then train that.`,
    );
  }
  throw new Error(`${source} is not a Convnet Studio project or graph JSON.`);
}

/** Training settings saved in a project, keeping only known keys with the right type. */
function pickTraining(saved: Record<string, unknown>): Partial<TrainConfig> {
  const src = (typeof saved.config === 'object' && saved.config !== null ? saved.config : saved) as Record<
    string,
    unknown
  >;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(DEFAULT_TRAIN_CONFIG)) {
    if (k in src && typeof src[k] === typeof v && src[k] !== null) out[k] = src[k];
  }
  return out as Partial<TrainConfig>;
}

function clock(sec: number): string {
  if (!Number.isFinite(sec)) return '--:--';
  const s = Math.round(sec);
  return s >= 3600
    ? `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const f4 = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : v.toFixed(4));

/** Renders events for a person on stderr: a redrawn bar on a TTY, a line per epoch otherwise. */
function progressPrinter(out: NodeJS.WriteStream): (e: TrainEvent) => void {
  const tty = out.isTTY === true;
  let epochs = 0;
  let barShown = false;
  const line = (s: string): void => {
    out.write(`${barShown ? '\r\x1b[K' : ''}${s}\n`);
    barShown = false;
  };
  return (e) => {
    switch (e.type) {
      case 'start':
        epochs = e.epochs;
        line(
          `Training ${e.trainSamples} images (${e.validationSamples} validation, ${e.testSamples} test) for ${e.epochs} epoch(s) of ${e.batchesPerEpoch} batches on ${e.backend}.`,
        );
        break;
      case 'batch': {
        if (!tty) break;
        const width = 24;
        const filled = Math.round((e.batch / e.batches) * width);
        const acc = e.accuracy === null ? '' : ` acc ${e.accuracy.toFixed(4)}`;
        out.write(
          `\r\x1b[Kepoch ${e.epoch}/${epochs} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${e.batch}/${e.batches} loss ${e.loss.toFixed(4)}${acc} ${Math.round(e.samplesPerSec)} samples/s ETA ${clock(e.etaSec)}`,
        );
        barShown = true;
        break;
      }
      case 'epoch':
        line(
          `epoch ${e.epoch}/${epochs}: loss ${f4(e.loss)} acc ${f4(e.accuracy)} val_loss ${f4(e.val_loss)} val_acc ${f4(e.val_accuracy)} (${e.seconds.toFixed(1)} s)${e.best ? ' *best' : ''}`,
        );
        break;
      case 'test':
        line(`test (epoch ${e.epoch} model): loss ${f4(e.loss)} accuracy ${f4(e.accuracy)}`);
        break;
      case 'run':
        line(`Run folder: ${e.runDir}`);
        break;
      case 'info':
      case 'stopped':
        line(e.message);
        break;
      case 'error':
        line(`Error: ${e.message}`);
        break;
      case 'done':
        line(`Done (${e.status}): ${e.epochs_completed} epoch(s), test accuracy ${f4(e.test_accuracy)}.`);
        break;
      default:
        break;
    }
  };
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dataset: { type: 'string' },
        epochs: { type: 'string' },
        'batch-size': { type: 'string' },
        limit: { type: 'string' },
        backend: { type: 'string' },
        json: { type: 'boolean' },
        optimizer: { type: 'string' },
        'learning-rate': { type: 'string' },
        loss: { type: 'string' },
        'validation-split': { type: 'string' },
        seed: { type: 'string' },
        patience: { type: 'string' },
        name: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values: o, positionals } = parsed;
  if (o.help || positionals.length !== 1) {
    process.stderr.write(USAGE);
    return o.help ? 0 : 2;
  }
  let config: TrainConfig;
  let graph: GraphDoc;
  let dataset: DatasetSpec;
  try {
    const src = resolveSource(positionals[0]!);
    graph = src.graph;
    if (o.optimizer && !(OPTIMIZERS as readonly string[]).includes(o.optimizer))
      throw new Error(`--optimizer must be one of ${OPTIMIZERS.join(', ')}.`);
    if (o.loss && !(LOSSES as readonly string[]).includes(o.loss))
      throw new Error(`--loss must be one of ${LOSSES.join(', ')}.`);
    const patience = num(o.patience, 'patience', true);
    const split = num(o['validation-split'], 'validation-split', false);
    if (split !== undefined && split >= 1)
      throw new Error('--validation-split must be below 1 (for example 0.1).');
    const pick = <T>(...vals: (T | undefined)[]): T => vals.find((v) => v !== undefined) as T;
    config = {
      ...DEFAULT_TRAIN_CONFIG,
      ...src.training,
      epochs: pick(num(o.epochs, 'epochs', true), src.training.epochs, DEFAULT_TRAIN_CONFIG.epochs),
      batchSize: pick(
        num(o['batch-size'], 'batch-size', true),
        src.training.batchSize,
        DEFAULT_TRAIN_CONFIG.batchSize,
      ),
      optimizer: pick(
        o.optimizer as TrainConfig['optimizer'] | undefined,
        src.training.optimizer,
        DEFAULT_TRAIN_CONFIG.optimizer,
      ),
      learningRate: pick(
        num(o['learning-rate'], 'learning-rate', false),
        src.training.learningRate,
        DEFAULT_TRAIN_CONFIG.learningRate,
      ),
      loss: pick(o.loss as TrainConfig['loss'] | undefined, src.training.loss, DEFAULT_TRAIN_CONFIG.loss),
      validationSplit: pick(split, src.training.validationSplit, DEFAULT_TRAIN_CONFIG.validationSplit),
      seed: pick(num(o.seed, 'seed', false), src.training.seed, DEFAULT_TRAIN_CONFIG.seed),
      earlyStopping: patience !== undefined ? { patience } : (src.training.earlyStopping ?? null),
    };
    const limit = num(o.limit, 'limit', true);
    const ds = o.dataset ?? 'mnist';
    dataset = ds === 'mnist' || ds === 'fashion-mnist' ? { kind: ds } : { kind: 'folder', path: ds };
    if (dataset.kind === 'folder' && !existsSync(dataset.path)) {
      throw new Error(
        `--dataset ${ds}: no such folder. Use mnist, fashion-mnist or a folder with one sub-folder per class.`,
      );
    }
    if (limit !== undefined) dataset.limit = limit;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const host = new EngineHost();
  const print = o.json
    ? (e: TrainEvent) => process.stdout.write(`${JSON.stringify(e)}\n`)
    : progressPrinter(process.stderr);
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    if (interrupts === 1) {
      process.stderr.write(
        '\nStopping after this batch (completed epochs are kept); press Ctrl-C again to abort.\n',
      );
      host.stop();
    } else host.dispose();
  };
  process.on('SIGINT', onSigint);
  try {
    const done = await host.train(
      {
        graph,
        config,
        dataset,
        dataDir: o['data-dir'] ?? defaultDataDir(),
        ...(o.name ? { name: o.name } : {}),
        ...(o.backend ? { backend: o.backend } : {}),
      },
      print,
    );
    return done.status === 'completed' ? 0 : done.status === 'stopped' ? 130 : 1;
  } finally {
    process.off('SIGINT', onSigint);
    host.dispose();
  }
}
