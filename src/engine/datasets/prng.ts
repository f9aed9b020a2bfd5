// A small seeded PRNG (mulberry32) so shuffles, splits and augmentation repeat exactly for one seed.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => Math.floor(next() * n),
  };
}

/** Fisher-Yates shuffle in place. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(arr: T, rng: Rng): T {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = arr[i]!;
    arr[i] = arr[j]!;
    arr[j] = t;
  }
  return arr;
}

/** A seed derived from a base seed and a purpose (epoch number, split), so streams don't overlap. */
export function deriveSeed(seed: number, salt: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + Math.imul(salt + 1, 0x165667b1)) >>> 0;
}

/**
 * Makes Math.random a seeded stream until the returned function is called. tfjs seeds its weight
 * initialisers and dropout masks from Math.random, so this is what makes a whole run repeat.
 */
export function seedMathRandom(seed: number): () => void {
  const original = Math.random;
  const rng = createRng(deriveSeed(seed, 0x5eed));
  Math.random = rng.next;
  return () => {
    Math.random = original;
  };
}
