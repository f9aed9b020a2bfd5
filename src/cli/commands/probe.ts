// `probe`: feature maps of one input through a trained model, as PNG grids and per-channel statistics.
import { channelStats, featureMapProbe } from '../../engine/probes/feature-maps';
import { readInput } from '../../engine/probes/inputs';
import { loadModelFromDir } from '../../engine/model-io';
import { encodePng, imageGrid, mapGrid } from '../../engine/probes/png';
import {
  fileSafe,
  parseArgs,
  startBackend,
  tileScale,
  withQuietStdout,
  writeOut,
  modelInputOut,
} from '../probe-args';

export const summary =
  'feature maps of one input: probe <run dir | model.json> --input <png | mnist-test:N> --out DIR [--json] [--backend NAME]';

const USAGE =
  'usage: npm run cli -- probe <run dir | model.json> --input <image.png | mnist-test:INDEX> --out DIR [--json] [--backend NAME]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  const given = modelInputOut(args, USAGE);
  if (!given) return 2;
  const { modelPath, inputSpec, out } = given;
  const json = args.flags.has('json');
  const report = await withQuietStdout(async () => {
    await startBackend(args);
    const model = await loadModelFromDir(modelPath);
    const input = readInput(inputSpec);
    const probe = featureMapProbe(model);
    const maps = probe.run(input.image);
    const stats = channelStats(maps);
    const files: [string, Buffer | string][] = [];
    const [h, w, c] = input.image.shape;
    files.push([
      'input.png',
      encodePng(imageGrid(input.image.data, 1, h, w, c, { cols: 1, scale: tileScale(h, w, 224), gap: 0 })),
    ]);
    maps.layers.forEach((l, i) => {
      const [lh, lw, lc] = l.shape;
      const grid = mapGrid(maps.data, l.offset, lc, lh, lw, 'viridis', 'layer', {
        scale: tileScale(lh, lw),
        gap: 4,
      });
      files.push([`${String(i + 1).padStart(2, '0')}-${fileSafe(l.name)}.png`, encodePng(grid)]);
    });
    const output = Array.from(maps.output);
    const predicted = output.indexOf(Math.max(...output));
    const result = {
      input: input.source,
      label: input.label,
      predicted,
      output,
      layers: stats.map((s) => ({
        name: s.name,
        class_name: s.className,
        output_shape: s.output_shape,
        mean: s.mean,
        max: s.max,
      })),
    };
    files.push(['activations.json', `${JSON.stringify(result, null, 2)}\n`]);
    const written = writeOut(out, files);
    return { result, written };
  });
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...report.result, files: report.written })}\n`);
  } else {
    const r = report.result;
    process.stdout.write(
      `${r.input}${r.label === null ? '' : ` (label ${r.label})`}: predicted ${r.predicted}\n`,
    );
    for (const l of r.layers) {
      const maxMean = Math.max(...l.mean);
      process.stdout.write(
        `  ${l.name.padEnd(28)} ${l.class_name.padEnd(18)} [${l.output_shape.join(', ')}]  strongest channel mean ${maxMean.toFixed(3)}\n`,
      );
    }
    process.stdout.write(`wrote ${report.written.length} files to ${out}\n`);
  }
  return 0;
}
