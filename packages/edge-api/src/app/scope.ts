/**
 * What a handler works with: the clinic's runtime (config, state, upstream) and the request's
 * scope (business time, background work, timings).
 */
import type { AvailabilityMemo } from "../availability/availability.js";
import type { ClinicConfig } from "../config/schema.js";
import type { BoundedMap } from "../internal/bounded-map.js";
import type { ClinicState, Json } from "../state/types.js";
import {
  type CachedReadContext,
  type CachePolicy,
  type CacheStatus,
  cachedRead,
} from "../upstream/cached-read.js";
import type { Upstream } from "../upstream/upstream.js";

/** One clinic's long-lived parts. */
export interface ClinicRuntime {
  config: ClinicConfig;
  state: ClinicState;
  upstream: Upstream;
  /** Derived answers remembered in this process (never the source of truth; see availabilityJson). */
  memo: BoundedMap<AvailabilityMemo>;
}

/** Per-request facts and hooks. */
export interface RequestScope {
  rt: ClinicRuntime;
  /** Business time at the start of the request. */
  now: Date;
  /** Wall clock in ms (cache freshness). */
  wallNow: () => number;
  defer: (p: Promise<unknown>) => void;
  /** Structured log line for this request (no patient data). */
  log: (entry: Record<string, unknown>) => void;
  /** Cache outcomes seen while answering, for Server-Timing. */
  cache: CacheStatus[];
}

/** Reads through the clinic's cache on behalf of a request. */
export async function read<T extends Json>(
  scope: RequestScope,
  key: string,
  policy: CachePolicy,
  load: () => Promise<T>,
): Promise<T> {
  return (await readVersioned(scope, key, policy, load)).value;
}

/** Like {@link read}, also giving the cached entry's version (its storedAt), undefined after a fresh load. */
export async function readVersioned<T extends Json>(
  scope: RequestScope,
  key: string,
  policy: CachePolicy,
  load: () => Promise<T>,
): Promise<{ value: T; version: number | undefined }> {
  const ctx: CachedReadContext = {
    state: scope.rt.state,
    defer: scope.defer,
    now: scope.wallNow,
    onBackgroundError: (err) =>
      scope.log({
        level: "warn",
        msg: "background refresh failed",
        key: key.split(":")[0],
        error: errorName(err),
      }),
  };
  const { value, cache, storedAt } = await cachedRead(ctx, key, policy, load);
  scope.cache.push(cache);
  return { value, version: storedAt };
}

/** A name and code for logs, never a message that could hold data. */
export function errorName(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === "string" ? `${err.name}(${code})` : err.name;
  }
  return typeof err;
}
