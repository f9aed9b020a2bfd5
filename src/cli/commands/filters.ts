// `filters`: a Conv2D layer's kernel weights and the input patterns its filters respond to most.
import { convKernels } from '../../engine/probes/kernels';
import { loadModelFromDir } from '../../engine/model-io';
import { filterPatterns } from '../../engine/probes/patterns';
import { encodePng, imageGrid, tileGrid } from '../../engine/probes/png';
import { paintRgba, symmetricRange } from '../../shared/colormap';
import type { ConvKernels } from '../../shared/probes';
import {
  fileSafe,
  intOption,
  parseArgs,
  startBackend,
  tileScale,
  withQuietStdout,
  writeOut,
} from '../probe-args';

export const summary =
  'kernel images and gradient-ascent patterns: filters <run dir | model.json> --layer NAME [--count N] --out DIR';

const USAGE =
  'usage: npm run cli -- filters <run dir | model.json> --layer NAME [--count N] [--steps N] --out DIR [--json] [--backend NAME]';

/** One tile per (input channel, filter): rows are input channels, columns filters; signed, blue-white-red. */
function kernelPicture(k: ConvKernels): Buffer {
  const [kh, kw, cin, cout] = k.shape;
  const range = symmetricRange({ lo: k.min, hi: k.max });
  const plane = new Float32Array(kh * kw);
  const grid = tileGrid(
    cin * cout,
    kh,
    kw,
    { cols: cout, scale: tileScale(kh, kw, cin === 1 ? 48 : 15), gap: 2 },
    (i, out) => {
      const ci = Math.floor(i / cout);
      const co = i % cout;
      for (let p = 0; p < kh * kw; p++) plane[p] = k.data[(p * cin + ci) * cout + co]!;
      paintRgba(plane, 0, kh * kw, range, 'diverging', out);
    },
  );
  return encodePng(grid);
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  const [modelPath] = args.positional;
  const layer = args.options.get('layer');
  const out = args.options.get('out');
  if (!modelPath || !layer || !out) {
    process.stderr.write(`${USAGE}\nGive the model, the layer and the output directory.\n`);
    return 2;
  }
  const count = intOption(args, 'count', 16, 1, 512)!;
  const steps = intOption(args, 'steps', 40, 1, 1000)!;
  const report = await withQuietStdout(async () => {
    await startBackend(args);
    const model = await loadModelFromDir(modelPath);
    const files: [string, Buffer | string][] = [];
    const isConv = model.layers.some((l) => l.name === layer && l.getClassName() === 'Conv2D');
    if (isConv) {
      const [k] = convKernels(model, layer);
      files.push([`kernels-${fileSafe(layer)}.png`, kernelPicture(k!)]);
    }
    const started = performance.now();
    const p = filterPatterns(model, layer, { count, steps });
    const ms = performance.now() - started;
    const [n, h, w, c] = p.shape;
    files.push([
      `patterns-${fileSafe(layer)}.png`,
      encodePng(imageGrid(p.data, n, h, w, c, { scale: tileScale(h, w, 112), gap: 6 })),
    ]);
    return { layer, count: n, steps, ms, activation: Array.from(p.activation), files: writeOut(out, files) };
  });
  if (args.flags.has('json')) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    process.stdout.write(
      `${report.layer}: ${report.count} patterns, ${report.steps} steps, ${(report.ms / 1000).toFixed(1)} s\n`,
    );
    for (const f of report.files) process.stdout.write(`  ${f}\n`);
  }
  return 0;
}
