// `npm run cli -- conv`: one convolution (then ReLU, then pooling) of a JSON matrix or an image, through tf.conv2d.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { GALLERY_NAMES, galleryKernel } from '../../shared/conv-lab/kernels.ts';
import {
  checkKernel,
  gridRange,
  gridToMatrix,
  matrixToGrid,
  parseMatrix,
} from '../../shared/conv-lab/matrix.ts';
import type { PipelineOptions } from '../../shared/conv-lab/ops.ts';
import type { Matrix, Padding, PoolKind } from '../../shared/conv-lab/types.ts';

export const summary =
  'convolve a JSON matrix or an image with a kernel (then --relu, --pool): prints JSON or writes a PNG';

const USAGE = `usage: npm run cli -- conv --input <JSON matrix | matrix.json | image.png|.jpg> --kernel <JSON matrix | gallery name>
       [--stride N] [--padding valid|same] [--relu] [--pool max|avg] [--pool-size N] [--pool-stride N] [--out FILE]
gallery: ${GALLERY_NAMES.join(', ')}
A matrix input prints the output matrix as JSON (also written to --out if given); an image input writes a PNG
(--out, default <name>-conv.png): blue–white–red when values are signed, grey otherwise.
`;

const FLAGS = new Set([
  '--input',
  '--kernel',
  '--stride',
  '--padding',
  '--pool',
  '--pool-size',
  '--pool-stride',
  '--out',
]);

function parseArgs(argv: string[]): Map<string, string> {
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--relu' || a === '--help' || a === '-h') opts.set(a, 'true');
    else if (FLAGS.has(a)) {
      const v = argv[++i];
      if (v === undefined)
        throw new Error(`${a} needs a value. Run "npm run cli -- conv --help" for the options.`);
      opts.set(a, v);
    } else throw new Error(`Unknown option "${a}". Run "npm run cli -- conv --help" for the options.`);
  }
  return opts;
}

function positiveInt(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a whole number of at least 1 (got "${v}").`);
  return n;
}

function readKernel(spec: string): Matrix {
  const named = galleryKernel(spec);
  if (named) return named.kernel;
  if (spec.trim().startsWith('[')) return checkKernel(parseMatrix(spec, 'kernel'));
  if (existsSync(spec) && extname(spec).toLowerCase() === '.json')
    return checkKernel(parseMatrix(readFileSync(spec, 'utf8'), 'kernel'));
  throw new Error(
    `Unknown kernel "${spec}": give a JSON matrix like [[1,0,-1],[1,0,-1],[1,0,-1]] or one of: ${GALLERY_NAMES.join(', ')}.`,
  );
}

function options(opts: Map<string, string>): PipelineOptions {
  const padding = (opts.get('--padding') ?? 'valid') as Padding;
  if (padding !== 'valid' && padding !== 'same')
    throw new Error(`--padding must be "valid" or "same" (got "${padding}").`);
  const result: PipelineOptions = {
    stride: positiveInt(opts.get('--stride'), '--stride', 1),
    padding,
    relu: opts.has('--relu'),
  };
  const kind = opts.get('--pool') as PoolKind | undefined;
  if (kind !== undefined) {
    if (kind !== 'max' && kind !== 'avg') throw new Error(`--pool must be "max" or "avg" (got "${kind}").`);
    const size = positiveInt(opts.get('--pool-size'), '--pool-size', 2);
    result.pool = { kind, size, stride: positiveInt(opts.get('--pool-stride'), '--pool-stride', size) };
  } else if (opts.has('--pool-size') || opts.has('--pool-stride')) {
    throw new Error('--pool-size and --pool-stride need --pool max or --pool avg.');
  }
  return result;
}

export async function run(argv: string[]): Promise<number> {
  let opts: Map<string, string>;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  if (opts.has('--help') || opts.has('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const input = opts.get('--input');
  const kernelSpec = opts.get('--kernel');
  if (!input || !kernelSpec) {
    process.stderr.write(`conv needs --input and --kernel.\n${USAGE}`);
    return 2;
  }
  try {
    const kernel = readKernel(kernelSpec);
    const settings = options(opts);
    // Loaded only once the arguments are known good: importing tfjs takes seconds.
    const { convLab, readImageFile, useLabBackend, writeGridPng } = await import('../../engine/conv-lab.ts');
    await useLabBackend();
    const ext = extname(input).toLowerCase();
    const isImage = ['.png', '.jpg', '.jpeg'].includes(ext);
    if (!isImage) {
      const text = input.trim().startsWith('[')
        ? input
        : existsSync(input)
          ? readFileSync(input, 'utf8')
          : undefined;
      if (text === undefined)
        throw new Error(
          `"${input}" is neither a JSON matrix nor an existing file: give [[...],[...]], a .json file, or a PNG/JPEG image.`,
        );
      const result = await convLab(matrixToGrid(parseMatrix(text, 'input')), kernel, settings);
      const json = JSON.stringify(gridToMatrix(result.final));
      if (opts.has('--out')) await writeFile(opts.get('--out') as string, `${json}\n`);
      process.stdout.write(`${json}\n`);
      return 0;
    }
    if (!existsSync(input)) throw new Error(`The image "${input}" does not exist: check the path.`);
    const result = await convLab(await readImageFile(input), kernel, settings);
    const out = opts.get('--out') ?? `${basename(input, extname(input))}-conv.png`;
    await writeGridPng(result.final, out);
    const { min, max } = gridRange(result.final);
    process.stdout.write(
      `${JSON.stringify({ out, height: result.final.height, width: result.final.width, min, max })}\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
