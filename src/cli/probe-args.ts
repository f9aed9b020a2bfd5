// Argument parsing and output helpers shared by the probe, filters and gradcam commands.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** Splits argv into positionals, `--name value` options and bare `--flag`s (those named in `flagNames`). */
export function parseArgs(argv: string[], flagNames: string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (flagNames.includes(name)) flags.add(name);
    else if (inline !== undefined) options.set(name, inline);
    else if (i + 1 < argv.length) options.set(name, argv[++i]!);
    else throw new Error(`--${name} needs a value.`);
  }
  return { positional, options, flags };
}

/** The model, `--input` and `--out` that probe and gradcam both need; null (after printing `usage`) when one is missing. */
export function modelInputOut(
  args: ParsedArgs,
  usage: string,
): { modelPath: string; inputSpec: string; out: string } | null {
  const [modelPath] = args.positional;
  const inputSpec = args.options.get('input');
  const out = args.options.get('out');
  if (!modelPath || !inputSpec || !out) {
    process.stderr.write(`${usage}\nGive the model, the input and the output directory.\n`);
    return null;
  }
  return { modelPath, inputSpec, out };
}

/** A whole number option within bounds, or a sentence saying what is wrong. */
export function intOption(
  args: ParsedArgs,
  name: string,
  fallback: number | undefined,
  min: number,
  max: number,
): number | undefined {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} should be a whole number from ${min} to ${max}, got "${raw}".`);
  return n;
}

/** A file-name-safe version of a layer name. */
export function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]+/g, '_');
}

/** Writes files under `dir` (created if needed), returning their paths. */
export function writeOut(dir: string, files: [string, Buffer | string][]): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map(([name, body]) => {
    const p = join(dir, name);
    writeFileSync(p, body);
    return p;
  });
}

/** Pixels per value so that a tile is about `target` pixels wide. */
export function tileScale(h: number, w: number, target = 96): number {
  return Math.max(1, Math.min(16, Math.round(target / Math.max(h, w))));
}

/**
 * Runs `work` with console.log sent to stderr, so that a `--json` stdout holds the JSON alone
 * (tfjs and its backends may print notices while they start).
 */
export async function withQuietStdout<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = (...a: unknown[]) => console.error(...a);
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

/** Starts the fastest tfjs backend (or `--backend NAME`) and returns its name. */
export async function startBackend(args: ParsedArgs): Promise<string> {
  const { initBackend } = await import('../engine/backend');
  return (await initBackend({ prefer: args.options.get('backend') })).name;
}
