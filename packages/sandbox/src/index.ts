/**
 * @coreplus-kit/sandbox: a faithful local coreplus (the contract in coreplus-api.md, JWT checks
 * included), seeded with the "Harbourside Health" clinic group. Web APIs only: it runs on Node
 * (see `@coreplus-kit/sandbox/node`), workerd, Deno and Bun.
 *
 * @example
 * const sandbox = createSandbox({ now: () => new Date("2026-05-20T09:00:00+10:00"), rateLimit: false });
 * const res = await sandbox.app.fetch(new Request("http://sandbox/API/Core/v2.1/Location/", { headers }));
 */
import {
  DEV_ACCESS_TOKEN,
  DEV_CONSUMER_ID,
  DEV_CONSUMER_SECRET,
  DEV_SANDBOX_ADMIN_TOKEN,
} from "@coreplus-kit/core/dev";
import { createSandboxApp } from "./app.js";
import { createRuntime } from "./internal/runtime.js";
import { summarizeSeed } from "./seed/seed.js";
import type { SandboxStore } from "./store.js";
import type { SandboxClock, SandboxCredentials, SandboxOptions, SeedSummary } from "./types.js";

export {
  createSandboxControls,
  type ForcedStatus,
  type Match,
  SandboxControlError,
  type SandboxControls,
  type SandboxControlsOptions,
  type SandboxStats,
} from "./controls/client.js";
export type { SandboxErrorCode } from "./errors.js";
export { NOT_AVAILABLE } from "./http/result.js";
export { SandboxStore, type StoreSnapshot } from "./store.js";
export type {
  AddressRecord,
  AppointmentHistoryEntry,
  AppointmentRecord,
  AppointmentStatus,
  AppointmentTypeRecord,
  ClientRecord,
  FamilyJson,
  FamilyRecord,
  HistoryValue,
  LocationRecord,
  PractitionerRecord,
  RosterEntry,
  SandboxClock,
  SandboxCredentials,
  SandboxOptions,
  SeedSummary,
  Weekday,
} from "./types.js";

/** A running sandbox: its app and the state behind it. */
export interface Sandbox {
  /** The Hono app (`app.fetch(request)`, or `app.request(path, init)` in tests). */
  app: {
    fetch(req: Request, ...rest: unknown[]): Response | Promise<Response>;
    request: (input: string | Request | URL, init?: RequestInit) => Response | Promise<Response>;
  };
  credentials: SandboxCredentials;
  adminToken: string;
  store: SandboxStore;
  clock: SandboxClock;
  /** Facts about the seeded clinic (recomputed on each read, so counts follow the store). */
  readonly seed: SeedSummary;
  /** Back to the seed (same as the `reset` control). */
  reset(): void;
}

/** Creates a sandbox: seeded store, business clock, and the Hono app serving coreplus's API. */
export function createSandbox(opts: SandboxOptions = {}): Sandbox {
  const seed = opts.seed ?? 1;
  const runtime = createRuntime({
    seed,
    now: opts.now ?? (() => new Date()),
    credentials: opts.credentials ?? {
      consumerId: DEV_CONSUMER_ID,
      consumerSecret: DEV_CONSUMER_SECRET,
      accessToken: DEV_ACCESS_TOKEN,
    },
    adminToken: opts.adminToken ?? DEV_SANDBOX_ADMIN_TOKEN,
    rateLimit: opts.rateLimit ?? true,
  });
  const app = createSandboxApp(runtime);
  return {
    app,
    credentials: { ...runtime.credentials },
    adminToken: runtime.adminToken,
    store: runtime.store,
    clock: runtime.clock,
    get seed() {
      return summarizeSeed(runtime.store, seed);
    },
    reset: () => runtime.reset(),
  };
}
