// Tiny run-time validators for IPC payloads: each checks an unknown value and carries its static type.

/** A run-time check that also names the static type it admits. `check` returns null or a problem sentence. */
export interface Validator<T> {
  readonly check: (value: unknown, path: string) => string | null;
  /** Phantom field: never set, only carries T for the type checker. */
  readonly __type?: () => T;
}

/** The static type a validator admits. */
export type Infer<V> = V extends Validator<infer T> ? T : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<S> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
/** An object type from a shape of validators; fields that admit undefined become optional. */
export type ObjectOf<S> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

function make<T>(check: (value: unknown, path: string) => string | null): Validator<T> {
  return { check };
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  return typeof value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/** Runs a validator; returns the problem sentence or null. */
export function validate<T>(validator: Validator<T>, value: unknown, path = 'payload'): string | null {
  return validator.check(value, path);
}

/** Throws a TypeError naming the first problem, else narrows `value` to T. */
export function assertValid<T>(
  validator: Validator<T>,
  value: unknown,
  path = 'payload',
): asserts value is T {
  const problem = validator.check(value, path);
  if (problem) throw new TypeError(problem);
}

export const v = {
  /** No argument: undefined or null. */
  none: (): Validator<void> =>
    make((x, p) => (x === undefined || x === null ? null : `${p} should be empty, got ${kind(x)}`)),
  string: (opts: { maxLength?: number; nonEmpty?: boolean } = {}): Validator<string> =>
    make((x, p) => {
      if (typeof x !== 'string') return `${p} should be a string, got ${kind(x)}`;
      if (opts.nonEmpty && x.length === 0) return `${p} should not be empty`;
      if (opts.maxLength !== undefined && x.length > opts.maxLength)
        return `${p} is longer than ${opts.maxLength} characters`;
      return null;
    }),
  number: (opts: { integer?: boolean; min?: number; max?: number } = {}): Validator<number> =>
    make((x, p) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        return `${p} should be a finite number, got ${kind(x)}`;
      if (opts.integer && !Number.isInteger(x)) return `${p} should be a whole number, got ${x}`;
      if (opts.min !== undefined && x < opts.min) return `${p} should be at least ${opts.min}, got ${x}`;
      if (opts.max !== undefined && x > opts.max) return `${p} should be at most ${opts.max}, got ${x}`;
      return null;
    }),
  boolean: (): Validator<boolean> =>
    make((x, p) => (typeof x === 'boolean' ? null : `${p} should be true or false, got ${kind(x)}`)),
  literal: <const L extends readonly (string | number | boolean | null)[]>(
    ...values: L
  ): Validator<L[number]> =>
    make((x, p) =>
      values.some((val) => val === x)
        ? null
        : `${p} should be one of ${values.map((val) => JSON.stringify(val)).join(', ')}`,
    ),
  array: <T>(item: Validator<T>, opts: { maxLength?: number } = {}): Validator<T[]> =>
    make((x, p) => {
      if (!Array.isArray(x)) return `${p} should be an array, got ${kind(x)}`;
      if (opts.maxLength !== undefined && x.length > opts.maxLength)
        return `${p} has more than ${opts.maxLength} items`;
      for (let i = 0; i < x.length; i++) {
        const problem = item.check(x[i], `${p}[${i}]`);
        if (problem) return problem;
      }
      return null;
    }),
  /** A plain object with these fields; unknown extra fields are allowed (forward compatibility). */
  object: <S extends Record<string, Validator<unknown>>>(shape: S): Validator<ObjectOf<S>> =>
    make((x, p) => {
      if (!isRecord(x)) return `${p} should be an object, got ${kind(x)}`;
      for (const key of Object.keys(shape)) {
        const problem = shape[key].check(x[key], `${p}.${key}`);
        if (problem) return problem;
      }
      return null;
    }),
  /** A string-keyed map whose values all pass `value`. */
  record: <T>(value: Validator<T>): Validator<Record<string, T>> =>
    make((x, p) => {
      if (!isRecord(x)) return `${p} should be an object, got ${kind(x)}`;
      for (const [key, val] of Object.entries(x)) {
        const problem = value.check(val, `${p}.${key}`);
        if (problem) return problem;
      }
      return null;
    }),
  optional: <T>(inner: Validator<T>): Validator<T | undefined> =>
    make((x, p) => (x === undefined ? null : inner.check(x, p))),
  nullable: <T>(inner: Validator<T>): Validator<T | null> =>
    make((x, p) => (x === null ? null : inner.check(x, p))),
  union: <T extends readonly Validator<unknown>[]>(...options: T): Validator<Infer<T[number]>> =>
    make((x, p) => {
      const problems: string[] = [];
      for (const option of options) {
        const problem = option.check(x, p);
        if (!problem) return null;
        problems.push(problem);
      }
      return problems.join('; or ');
    }),
  /** Any JSON-like value, checked only for being present. Use for data another layer validates in depth. */
  unknown: (): Validator<unknown> => make(() => null),
  /** A check written by hand, for shapes the combinators cannot express. */
  custom: <T>(check: (value: unknown, path: string) => string | null): Validator<T> => make(check),
  /** Declares a result type without a run-time check: results come from our own trusted side. */
  returns: <T>(): Validator<T> => make(() => null),
};
