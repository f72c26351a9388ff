/**
 * The business clock: "now" for the seed, for which slots are past and for "today". It is the source
 * clock (the wall clock, or an injected `now`) plus an offset the test controls can move. JWT checks
 * never use it: they use the wall clock, so moving business time never breaks a signature.
 */
import type { SandboxClock } from "./types.js";

/** Creates a business clock over `source`. */
export function createClock(source: () => Date = () => new Date()): SandboxClock {
  let offset = 0;
  return {
    now: () => new Date(source().getTime() + offset),
    set(d: Date) {
      if (Number.isNaN(d.getTime())) throw new RangeError("clock.set: invalid date");
      offset = d.getTime() - source().getTime();
    },
    advance(ms: number) {
      if (!Number.isFinite(ms)) throw new RangeError("clock.advance: ms must be a finite number");
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}
