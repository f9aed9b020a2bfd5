// Live feature maps while a run trains: the watched input's maps on the live model every few batches.
import type * as tf from '@tensorflow/tfjs';
import type { ProbeImage } from '../../shared/probes.ts';
import { featureMapProbe, type FeatureMapProbe } from '../probes/feature-maps.ts';
import { mnistTestImage } from '../probes/inputs.ts';
import type { LiveMaps, WatchRequest } from './protocol.ts';

/** Batches between two probes unless the watch request says otherwise. */
export const DEFAULT_WATCH_EVERY = 10;
/** Never probe more often than this (milliseconds): at most ~4 maps a second. */
export const MIN_WATCH_INTERVAL_MS = 250;

/**
 * Keeps the latest watch request of a job and, called after each batch, probes the live model when
 * enough batches and time have passed. The probe runs in one tidy, so it leaves no tensors behind.
 */
export class LiveWatch {
  private image: ProbeImage | null = null;
  private every = DEFAULT_WATCH_EVERY;
  private sinceLast = 0;
  private lastAt = -Infinity;
  private probe: { model: tf.LayersModel; probe: FeatureMapProbe } | null = null;

  constructor(
    private readonly send: (live: LiveMaps) => void,
    private readonly report: (message: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes a new request; a bad input is reported as a sentence and watches nothing. */
  set(req: WatchRequest): void {
    this.every = req.every && req.every >= 1 ? Math.floor(req.every) : DEFAULT_WATCH_EVERY;
    this.sinceLast = 0;
    this.lastAt = -Infinity;
    try {
      if (!req.input) this.image = null;
      else if (req.input.kind === 'mnist-test') this.image = mnistTestImage(req.input.index).image;
      else this.image = req.input.image;
    } catch (err) {
      this.image = null;
      this.report(err instanceof Error ? err.message : String(err));
    }
  }

  get watching(): boolean {
    return this.image !== null;
  }

  /** The first batch after a request is probed at once; then every `every` batches, time allowing. */
  onBatchEnd(model: tf.LayersModel, epoch: number, batch: number): void {
    if (!this.image) return;
    const first = this.lastAt === -Infinity;
    this.sinceLast++;
    if (!first && this.sinceLast < this.every) return;
    const t = this.now();
    if (t - this.lastAt < MIN_WATCH_INTERVAL_MS) return;
    try {
      if (this.probe?.model !== model) this.probe = { model, probe: featureMapProbe(model) };
      const maps = this.probe.probe.run(this.image);
      this.sinceLast = 0;
      this.lastAt = t;
      this.send({ epoch, batch, maps });
    } catch (err) {
      this.image = null;
      this.report(`Live feature maps stopped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
