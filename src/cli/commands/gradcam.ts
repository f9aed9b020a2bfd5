// `gradcam`: the class-activation heatmap of one input, alone and over the input.
import { gradCam } from '../../engine/probes/gradcam';
import { readInput } from '../../engine/probes/inputs';
import { loadModelFromDir } from '../../engine/model-io';
import { encodePng, imageGrid, mapGrid, overlayHeatmap } from '../../engine/probes/png';
import {
  intOption,
  parseArgs,
  startBackend,
  tileScale,
  withQuietStdout,
  writeOut,
  modelInputOut,
} from '../probe-args';

export const summary =
  'class-activation heatmap: gradcam <run dir | model.json> --input <png | mnist-test:N> [--class K] --out DIR';

const USAGE =
  'usage: npm run cli -- gradcam <run dir | model.json> --input <image.png | mnist-test:INDEX> [--class K] [--layer NAME] [--opacity 0.5] --out DIR [--json] [--backend NAME]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  const given = modelInputOut(args, USAGE);
  if (!given) return 2;
  const { modelPath, inputSpec, out } = given;
  const classIndex = intOption(args, 'class', undefined, 0, 100_000);
  const opacity = Number(args.options.get('opacity') ?? '0.5');
  if (!(opacity >= 0 && opacity <= 1))
    throw new Error(`--opacity should be a number from 0 to 1, got "${args.options.get('opacity')}".`);
  const report = await withQuietStdout(async () => {
    await startBackend(args);
    const model = await loadModelFromDir(modelPath);
    const input = readInput(inputSpec);
    const cam = gradCam(model, input.image, { classIndex, layerName: args.options.get('layer') });
    const [h, w] = cam.shape;
    // The overlay is drawn on the image as the model saw it (its size, its channels).
    const [ih, iw, ic] = input.image.shape;
    const base = ih === h && iw === w ? input.image.data : null;
    const scale = tileScale(h, w, 280);
    const files: [string, Buffer][] = [
      [
        'heatmap.png',
        encodePng(mapGrid(cam.heatmap, 0, 1, h, w, 'turbo', { lo: 0, hi: 1 }, { cols: 1, scale, gap: 0 })),
      ],
    ];
    if (base) {
      const over = overlayHeatmap(base, ic, cam.heatmap, h, w, opacity);
      files.push(['overlay.png', encodePng(imageGrid(over, 1, h, w, 3, { cols: 1, scale, gap: 0 }))]);
      files.push(['input.png', encodePng(imageGrid(base, 1, h, w, ic, { cols: 1, scale, gap: 0 }))]);
    } else {
      files.push([
        'input.png',
        encodePng(
          imageGrid(input.image.data, 1, ih, iw, ic, { cols: 1, scale: tileScale(ih, iw, 280), gap: 0 }),
        ),
      ]);
    }
    const output = Array.from(cam.output);
    return {
      input: input.source,
      label: input.label,
      layer: cam.layer,
      class: cam.classIndex,
      score: output[cam.classIndex],
      predicted: output.indexOf(Math.max(...output)),
      cam_shape: cam.camShape,
      files: writeOut(out, files),
    };
  });
  if (args.flags.has('json')) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    process.stdout.write(
      `${report.input}: Grad-CAM of class ${report.class} (output ${report.score?.toFixed(3)}, predicted ${report.predicted}) on ${report.layer} ${report.cam_shape.join('x')}\n`,
    );
    for (const f of report.files) process.stdout.write(`  ${f}\n`);
  }
  return 0;
}
