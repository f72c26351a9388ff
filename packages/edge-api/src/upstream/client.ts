/**
 * One clinic's coreplus client: core's client with the consumer's shared limiter injected and a
 * fetch that reports each upstream outcome (for /healthz and the logs). Callers use the client's
 * typed resources, passing an AbortSignal so that reads wait only briefly and bookings up to their
 * deadline.
 */
import { type CoreplusClient, createCoreplusClient, type RequestLimiter } from "@coreplus-kit/core";
import type { ClinicConfig } from "../config/index.js";
import { EdgeError } from "../errors.js";
import { hasPriority } from "./priority.js";

/** What one upstream HTTP exchange ended as. */
export type UpstreamOutcome = "ok" | "auth-failed" | "rate-limited" | "upstream-error";

/** Observes every upstream exchange (status, or a network failure) and every wait for the budget. */
export interface UpstreamObserver {
  onExchange(outcome: UpstreamOutcome, status: number | undefined, ms: number): void;
}

/** Options for {@link createClinicClient}. */
export interface ClinicClientOptions {
  clinic: ClinicConfig;
  /** The consumer's one limiter (shared by every clinic using that consumer). */
  limiter: RequestLimiter;
  fetch?: typeof fetch;
  observer: UpstreamObserver;
}

/** A budget wait that was given up because the caller's signal fired while queued. */
export class BudgetWaitAbortedError extends EdgeError {
  readonly code = "ERR_EDGE_BUDGET_WAIT";
  constructor(cause: unknown) {
    super("gave up waiting for the coreplus request budget", { cause });
  }
}

/** Identifies a coreplus consumer: the budget is per consumer, not per clinic. */
export function consumerKeyOf(clinic: ClinicConfig): string {
  return `${new URL(clinic.coreplus.baseUrl).origin}|${clinic.coreplus.consumerId}`;
}

/** Builds the clinic's coreplus client (`rt.coreplus`). */
export function createClinicClient(opts: ClinicClientOptions): CoreplusClient {
  const baseFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const observed: typeof fetch = async (input, init) => {
    const started = performance.now();
    try {
      const res = await baseFetch(input, init);
      const s = res.status;
      const outcome: UpstreamOutcome =
        s === 401 || s === 403
          ? "auth-failed"
          : s === 429
            ? "rate-limited"
            : s >= 500
              ? "upstream-error"
              : "ok";
      opts.observer.onExchange(outcome, s, performance.now() - started);
      return res;
    } catch (err) {
      opts.observer.onExchange("upstream-error", undefined, performance.now() - started);
      throw err;
    }
  };
  // Marks a wait for the budget that the caller gave up, so that it maps to 503 rather than 504.
  const inner = opts.limiter;
  const queued = async <T>(signal: AbortSignal | undefined, wait: () => Promise<T>): Promise<T> => {
    try {
      return await wait();
    } catch (err) {
      if (signal?.aborted) throw new BudgetWaitAbortedError(err);
      throw err;
    }
  };
  // A call made with a booking's signal (priorityLane) takes the budget's priority lane.
  const lane = (signal: AbortSignal | undefined) => ({ priority: hasPriority(signal) });
  const limiter: RequestLimiter = {
    acquire: (signal) => queued(signal, () => inner.acquire(signal, lane(signal))),
  };
  const lease = inner.lease?.bind(inner);
  if (lease) limiter.lease = (signal) => queued(signal, () => lease(signal, lane(signal)));
  const { coreplus } = opts.clinic;
  return createCoreplusClient({
    baseUrl: coreplus.baseUrl,
    version: coreplus.version,
    consumerId: coreplus.consumerId,
    consumerSecret: coreplus.consumerSecret,
    accessToken: coreplus.accessToken,
    timeoutMs: coreplus.timeoutMs,
    limiter,
    fetch: observed,
  });
}
