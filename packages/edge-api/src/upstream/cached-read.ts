/**
 * Read-through caching on the clinic state, on behalf of a request: fresh entries are served as
 * they are; stale ones are served at once while one coalesced refresh runs in the background
 * (stale-while-revalidate); a miss is loaded once for every concurrent caller (coalescing). Each
 * outcome is noted on the request's scope for Server-Timing and the log line.
 */
import { errorName } from "../internal/error-name.js";
import type { Json } from "../state/index.js";
import type { CacheStatus, RequestScope } from "../types.js";

/** Freshness of one kind of read. */
export interface CachePolicy {
  freshMs: number;
  /** How long past freshness the value may still be served while it is refreshed. */
  staleMs: number;
}

/** A cached value and its entry's version (its storedAt; undefined after a fresh load). */
export interface Versioned<T, V = number> {
  value: T;
  version: V | undefined;
}

/** Reads `key` through the clinic's cache, loading it with `load` when needed. */
export async function read<T extends Json>(
  scope: RequestScope,
  key: string,
  policy: CachePolicy,
  load: () => Promise<T>,
): Promise<T> {
  return (await readVersioned(scope, key, policy, load)).value;
}

/** Like {@link read}, also giving the cached entry's version. */
export async function readVersioned<T extends Json>(
  scope: RequestScope,
  key: string,
  policy: CachePolicy,
  load: () => Promise<T>,
): Promise<Versioned<T>> {
  const { state } = scope.rt;
  const refresh = () =>
    state.coalesce(`load:${key}`, async () => {
      // Checked again as the flight's leader: a caller that found no entry may reach here only after
      // another flight has stored one (a busy event loop between the two awaits), and must not pay
      // coreplus for the same read twice.
      if (policy.freshMs > 0) {
        const entry = await state.cacheGet(key);
        if (entry && entry.freshUntil > scope.wallNow()) return entry.value as T;
      }
      const value = await load();
      await state.cacheSet(key, value, policy);
      return value;
    });
  const answer = (value: T, cache: CacheStatus, version: number | undefined): Versioned<T> => {
    scope.cache.push(cache);
    return { value, version };
  };
  if (policy.freshMs > 0) {
    const entry = await state.cacheGet(key);
    if (entry) {
      if (entry.freshUntil > scope.wallNow()) {
        // The answer built from this entry stands no longer than the entry (app/answer-memo.ts).
        if (entry.freshUntil < scope.freshUntil) scope.freshUntil = entry.freshUntil;
        return answer(entry.value as T, "hit", entry.storedAt);
      }
      const background = refresh().catch((err) =>
        scope.log({
          level: "warn",
          msg: "background refresh failed",
          key: key.split(":")[0],
          error: errorName(err),
        }),
      );
      scope.defer(background);
      return answer(entry.value as T, "stale", entry.storedAt);
    }
  }
  // A miss costs coreplus a call: the visitor's miss limit is charged first.
  await scope.onMiss?.();
  // A fresh load's version is unknown here (the state stamps it); callers treat undefined as "no version".
  return answer(await refresh(), "miss", undefined);
}
