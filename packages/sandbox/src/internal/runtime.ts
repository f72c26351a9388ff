/**
 * Everything one sandbox instance holds besides its routes: the store, the clocks, the credentials,
 * the switches the test controls flip, faults, stats and the rate-limit window.
 */
import { createClock } from "../clock.js";
import { Faults } from "../controls/faults.js";
import { Stats } from "../controls/stats.js";
import { ConsumerWindow } from "../http/rate-limit.js";
import { buildSeed } from "../seed/seed.js";
import { SandboxStore } from "../store.js";
import type { SandboxClock, SandboxCredentials } from "../types.js";

/** The mutable state behind one sandbox app. */
export interface SandboxRuntime {
  readonly store: SandboxStore;
  readonly clock: SandboxClock;
  readonly credentials: SandboxCredentials;
  readonly adminToken: string;
  readonly seedNumber: number;
  rateLimit: boolean;
  accessTokenExpired: boolean;
  readonly faults: Faults;
  readonly stats: Stats;
  readonly window: ConsumerWindow;
  /** Back to the seed: data reseeded around the (reset) business clock, faults, stats and switches cleared. */
  reset(): void;
}

/** Builds a runtime and seeds its store. */
export function createRuntime(opts: {
  seed: number;
  now: () => Date;
  credentials: SandboxCredentials;
  adminToken: string;
  rateLimit: boolean;
}): SandboxRuntime {
  const clock = createClock(opts.now);
  const store = new SandboxStore();
  store.load(buildSeed(opts.seed, clock.now()));
  const runtime: SandboxRuntime = {
    store,
    clock,
    credentials: { ...opts.credentials },
    adminToken: opts.adminToken,
    seedNumber: opts.seed,
    rateLimit: opts.rateLimit,
    accessTokenExpired: false,
    faults: new Faults(),
    stats: new Stats(),
    window: new ConsumerWindow(),
    reset() {
      clock.reset();
      store.load(buildSeed(opts.seed, clock.now()));
      runtime.rateLimit = opts.rateLimit;
      runtime.accessTokenExpired = false;
      runtime.faults.clear();
      runtime.stats.reset();
      runtime.window.reset();
    },
  };
  return runtime;
}
