// `transfer-example`: the course's pretrained-base experiment, offline, with its figures.
import { parseArgs } from 'node:util';
import { silenceTfjsBanner } from '../../engine/backend.ts';

export const summary =
  'pretrain on digits 0-4, reuse the frozen conv base for 5-9, compare with from-scratch';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'pretrain-samples': { type: 'string' },
      'pretrain-epochs': { type: 'string' },
      'small-samples': { type: 'string' },
      epochs: { type: 'string' },
      seed: { type: 'string' },
      'cut-at': { type: 'string' },
      hidden: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const num = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`--${name} must be a positive whole number, not "${v}".`);
    return n;
  };
  silenceTfjsBanner();
  const { initBackend } = await import('../../engine/backend.ts');
  const { runTransferExample } = await import('../../engine/transfer-example.ts');
  await initBackend({ prefer: 'wasm' });
  const r = await runTransferExample({
    pretrainSamples: num(values['pretrain-samples'], 'pretrain-samples'),
    pretrainEpochs: num(values['pretrain-epochs'], 'pretrain-epochs'),
    smallSamples: num(values['small-samples'], 'small-samples'),
    epochs: num(values.epochs, 'epochs'),
    seed: num(values.seed, 'seed'),
    ...(values['cut-at'] ? { cutAt: values['cut-at'] } : {}),
    ...(values.hidden !== undefined
      ? { hidden: values.hidden === '0' ? 0 : num(values.hidden, 'hidden') }
      : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return 0;
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const err = (x: number) => 1 - x;
  process.stdout.write(
    [
      '',
      `Base: mnist-convnet trained on ${r.pretrain.samples} images of digits 0-4 (test accuracy ${pct(r.pretrain.testAccuracy)}).`,
      `Task: digits 5-9 from only ${r.smallSamples} training images; tested on ${r.testSamples}.`,
      '',
      'Model                      Trainable params   Test accuracy   Error rate',
      `Pretrained base (frozen)   ${String(r.transfer.trainableParams).padStart(16)}   ${pct(r.transfer.testAccuracy).padStart(13)}   ${pct(err(r.transfer.testAccuracy)).padStart(10)}`,
      `From scratch               ${String(r.scratch.trainableParams).padStart(16)}   ${pct(r.scratch.testAccuracy).padStart(13)}   ${pct(err(r.scratch.testAccuracy)).padStart(10)}`,
      '',
      `Error-rate reduction factor: ${(1 - err(r.transfer.testAccuracy) / err(r.scratch.testAccuracy)).toFixed(3)}`,
      '',
    ].join('\n'),
  );
  return 0;
}
