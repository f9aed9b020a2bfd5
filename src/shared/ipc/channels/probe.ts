// Channels of the Inspect view: feature maps, kernels, filter patterns and Grad-CAM of a run's model.
import type { ConvKernels, FeatureMaps, FilterPatterns, GradCam, ProbeImage } from '../../probes';
import { isRecord, v, type Validator } from '../check';

/** Which model to look inside: a run's best (default) or last saved model, or an untrained template. */
export type ProbeSource =
  { kind: 'run'; id: string; which?: 'best' | 'last' } | { kind: 'template'; name: string };

/** What to show it: an MNIST test image by index, or pixels the UI has (a drawn digit, an image file). */
export type ProbeInput = { kind: 'mnist-test'; index: number } | { kind: 'pixels'; image: ProbeImage };

export interface ProbeModelInfo {
  source: ProbeSource;
  /** What the picker shows: the run's name, or the template's. */
  label: string;
  /** Test accuracy of a finished run, when known. */
  accuracy: number | null;
  createdAt: string | null;
}

export interface ProbedInput {
  /** The input as the probe took it (pixels in [0, 1]) and its true class when the source knows it. */
  image: ProbeImage;
  label: number | null;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;

const sourceValidator: Validator<ProbeSource> = v.custom<ProbeSource>((x, p) => {
  if (!isRecord(x)) return `${p} should say which model: {kind: 'run', id} or {kind: 'template', name}`;
  if (x.kind === 'run') {
    if (typeof x.id !== 'string' || !ID.test(x.id)) return `${p}.id should be a run id`;
    if (x.which !== undefined && x.which !== 'best' && x.which !== 'last')
      return `${p}.which should be 'best' or 'last'`;
    return null;
  }
  if (x.kind === 'template')
    return typeof x.name === 'string' && ID.test(x.name) ? null : `${p}.name should be a template name`;
  return `${p}.kind should be 'run' or 'template'`;
});

const MAX_SIDE = 1024;

export const inputValidator: Validator<ProbeInput> = v.custom<ProbeInput>((x, p) => {
  if (!isRecord(x)) return `${p} should be {kind: 'mnist-test', index} or {kind: 'pixels', image}`;
  if (x.kind === 'mnist-test')
    return v.number({ integer: true, min: 0, max: 9999 }).check(x.index, `${p}.index`);
  if (x.kind !== 'pixels') return `${p}.kind should be 'mnist-test' or 'pixels'`;
  const img = x.image;
  if (!isRecord(img) || !Array.isArray(img.shape) || img.shape.length !== 3)
    return `${p}.image should be {shape: [h, w, c], data}`;
  const [h, w, c] = img.shape as unknown[];
  const ok = (n: unknown, max: number) => Number.isInteger(n) && (n as number) > 0 && (n as number) <= max;
  if (!ok(h, MAX_SIDE) || !ok(w, MAX_SIDE) || (c !== 1 && c !== 3))
    return `${p}.image.shape should be [h, w, 1 or 3] up to ${MAX_SIDE} pixels a side`;
  if (
    !(img.data instanceof Float32Array) ||
    img.data.length !== (h as number) * (w as number) * (c as number)
  ) {
    return `${p}.image.data should be a Float32Array of h*w*c values`;
  }
  return null;
});

export const probeInvoke = {
  /** The models there are to inspect: saved runs (newest first), then the templates. */
  'probe:models': { arg: v.none(), result: v.returns<ProbeModelInfo[]>() },
  'probe:feature-maps': {
    arg: v.object({ source: sourceValidator, input: inputValidator }),
    result: v.returns<ProbedInput & { maps: FeatureMaps }>(),
  },
  'probe:kernels': { arg: v.object({ source: sourceValidator }), result: v.returns<ConvKernels[]>() },
  'probe:filters': {
    arg: v.object({
      source: sourceValidator,
      layer: v.string({ nonEmpty: true, maxLength: 200 }),
      count: v.optional(v.number({ integer: true, min: 1, max: 64 })),
    }),
    result: v.returns<FilterPatterns & { ms: number }>(),
  },
  'probe:gradcam': {
    arg: v.object({
      source: sourceValidator,
      input: inputValidator,
      classIndex: v.optional(v.number({ integer: true, min: 0, max: 10_000 })),
    }),
    result: v.returns<ProbedInput & { cam: GradCam }>(),
  },
};
