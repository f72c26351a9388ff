/**
 * Typed client for the `/_sandbox/` test controls, for other packages' tests:
 *
 * @example
 * const controls = createSandboxControls({ baseUrl: server.url });
 * await controls.forceStatus(503, { times: 2, match: { path: "/availabilityslot" } });
 */
import { DEV_SANDBOX_ADMIN_TOKEN } from "@coreplus-kit/core/dev";
import type { AppointmentHistoryEntry, FamilyJson, SeedSummary } from "../types.js";
import type { Match } from "./faults.js";
import type { SandboxStats } from "./stats.js";

export type { Match } from "./faults.js";
export type { SandboxStats } from "./stats.js";

/** Statuses `forceStatus` can answer with. */
export type ForcedStatus = 429 | 500 | 502 | 503 | 504;

/** The test controls. A fault without `times` applies to every matching /API request until cleared. */
export interface SandboxControls {
  /** Back to the seed; clears faults, stats, the clock offset, token expiry and the rate-limit switch. */
  reset(): Promise<void>;
  /** Adds `ms` of delay before answering matching /API requests (0 removes it). */
  setLatency(ms: number, match?: Match): Promise<void>;
  /** Answers matching /API requests with `status` and the `result` body (429 carries Retry-After, default 1). */
  forceStatus(
    status: ForcedStatus,
    opts?: { times?: number; match?: Match; retryAfter?: number },
  ): Promise<void>;
  /** Processes matching requests, then answers 200 with a truncated (invalid) JSON body. */
  malformedBody(opts?: { times?: number; match?: Match }): Promise<void>;
  /** "before" (default): drop without processing; "after": process (e.g. book), then drop the response. */
  dropConnection(opts?: { times?: number; match?: Match; after?: "before" | "after" }): Promise<void>;
  /** Removes every fault and latency. */
  clearFaults(): Promise<void>;
  /** Makes the access token count as expired (every /API request → 401 Invalid token). */
  expireAccessToken(): Promise<void>;
  restoreAccessToken(): Promise<void>;
  /** Moves the business clock to `iso` (it keeps ticking from there). */
  setClock(iso: string): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  /** The business clock's current time (ISO). */
  now(): Promise<string>;
  setRateLimit(enabled: boolean): Promise<void>;
  /** /API requests since the last reset or resetStats. */
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
  /** Facts about the seeded clinic (ids, names, zones, emails). */
  seed(): Promise<SeedSummary>;
  /**
   * Each create, update and cancel of an appointment made through the API, oldest first, with the
   * business time and the fields it changed (seeded appointments start empty; no-ops add nothing).
   */
  appointmentHistory(appointmentId: string): Promise<AppointmentHistoryEntry[]>;
  /** A client's family records (`POST /ClientFamily/`), oldest first, as the API answers them. */
  clientFamily(clientId: string): Promise<FamilyJson[]>;
}

/** Error thrown when a control request fails. */
export class SandboxControlError extends Error {
  readonly code = "ERR_SANDBOX_CONTROL";
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = this.constructor.name;
    this.status = status;
  }
}

/** Options of {@link createSandboxControls}. */
export interface SandboxControlsOptions {
  /** The sandbox origin, e.g. "http://127.0.0.1:4010" (a trailing "/API/Core/…" is ignored). */
  baseUrl: string;
  /** Default `DEV_SANDBOX_ADMIN_TOKEN`. */
  adminToken?: string;
  fetch?: typeof fetch;
}

/** Creates the typed client of a sandbox's test controls. */
export function createSandboxControls(opts: SandboxControlsOptions): SandboxControls {
  const origin = opts.baseUrl.replace(/\/+$/, "").replace(/\/api\/core(\/[^/]*)?$/i, "");
  const token = opts.adminToken ?? DEV_SANDBOX_ADMIN_TOKEN;
  const doFetch = opts.fetch ?? fetch;

  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const res = await doFetch(`${origin}/_sandbox${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) {
      throw new SandboxControlError(
        `sandbox control ${method} ${path} failed with ${res.status}: ${text}`,
        res.status,
      );
    }
    return (text === "" ? undefined : JSON.parse(text)) as T;
  }
  const post = async (path: string, body?: unknown): Promise<void> => {
    await call("POST", path, body ?? {});
  };

  return {
    reset: () => post("/reset"),
    setLatency: (ms, match) => post("/latency", { ms, match }),
    forceStatus: (status, o = {}) => post("/faults/status", { status, ...o }),
    malformedBody: (o = {}) => post("/faults/malformed", o),
    dropConnection: (o = {}) => post("/faults/drop", o),
    clearFaults: () => post("/faults/clear"),
    expireAccessToken: () => post("/access-token/expire"),
    restoreAccessToken: () => post("/access-token/restore"),
    setClock: (iso) => post("/clock", { iso }),
    advanceClock: (ms) => post("/clock/advance", { ms }),
    now: async () => (await call<{ now: string }>("GET", "/clock")).now,
    setRateLimit: (enabled) => post("/rate-limit", { enabled }),
    stats: () => call<SandboxStats>("GET", "/stats"),
    resetStats: () => post("/stats/reset"),
    seed: () => call<SeedSummary>("GET", "/seed"),
    appointmentHistory: async (id) =>
      (
        await call<{ history: AppointmentHistoryEntry[] }>(
          "GET",
          `/appointments/${encodeURIComponent(id)}/history`,
        )
      ).history,
    clientFamily: async (clientId) =>
      (await call<{ family: FamilyJson[] }>("GET", `/clients/${encodeURIComponent(clientId)}/family`)).family,
  };
}
