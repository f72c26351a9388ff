/**
 * A small seeded random number generator (mulberry32). The sandbox must give the same data for the
 * same seed on every runtime, so it never touches Math.random or crypto for anything it stores.
 */

/** A deterministic random source; `state` can be saved and restored (state files). */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A lower-case version 4 GUID built from this stream. */
  uuid(): string;
  /** The current internal state (a 32-bit integer). */
  readonly state: number;
}

/** Mixes a seed and a stream name into one 32-bit state, so independent streams never overlap. */
export function streamSeed(seed: number, stream: string): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x85ebca6b) >>> 0;
  for (let i = 0; i < stream.length; i++) {
    h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Creates a generator from a 32-bit state. */
export function createRng(initialState: number): Rng {
  let s = initialState >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError("pick() needs at least one item");
      return items[int(0, items.length - 1)] as T;
    },
    chance: (p) => next() < p,
    uuid() {
      const bytes = new Uint8Array(16);
      for (let i = 0; i < 16; i++) bytes[i] = int(0, 255);
      bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
      bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
      const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    get state() {
      return s;
    },
  };
}
