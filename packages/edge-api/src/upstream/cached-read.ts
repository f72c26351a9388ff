/**
 * Read-through caching on the clinic state: fresh entries are served as they are; stale ones are
 * served at once while one coalesced refresh runs in the background (stale-while-revalidate); a
 * miss is loaded once for every concurrent caller (coalescing).
 */
import type { ClinicState, Json } from "../state/types.js";

/** How a read was answered, for Server-Timing and the logs. */
export type CacheStatus = "hit" | "stale" | "miss";

/** Freshness of one kind of read. */
export interface CachePolicy {
  freshMs: number;
  /** How long past freshness the value may still be served while it is refreshed. */
  staleMs: number;
}

/** What a cached read needs from its caller. */
export interface CachedReadContext {
  state: ClinicState;
  /** Keeps a background refresh alive after the response (Workers: ctx.waitUntil). */
  defer: (p: Promise<unknown>) => void;
  /** Reports a background refresh that failed (the stale value was served anyway). */
  onBackgroundError: (err: unknown) => void;
  /** Wall clock in ms. */
  now: () => number;
}

/** Reads `key` through the cache, loading it with `load` when needed. */
export async function cachedRead<T extends Json>(
  ctx: CachedReadContext,
  key: string,
  policy: CachePolicy,
  load: () => Promise<T>,
): Promise<{ value: T; cache: CacheStatus; storedAt: number | undefined }> {
  const refresh = () =>
    ctx.state.coalesce(`load:${key}`, async () => {
      const value = await load();
      await ctx.state.cacheSet(key, value, policy);
      return value;
    });
  if (policy.freshMs > 0) {
    const entry = await ctx.state.cacheGet(key);
    if (entry) {
      if (entry.freshUntil > ctx.now())
        return { value: entry.value as T, cache: "hit", storedAt: entry.storedAt };
      const background = refresh().catch(ctx.onBackgroundError);
      ctx.defer(background);
      return { value: entry.value as T, cache: "stale", storedAt: entry.storedAt };
    }
  }
  // A fresh load's version is unknown here (the state stamps it); callers treat undefined as "no version".
  return { value: await refresh(), cache: "miss", storedAt: undefined };
}
