/**
 * The in-memory state for one process (the Node deployment). Bounded: the cache is an LRU, and
 * idempotency records, taken slots and visitor counters are capped and expire.
 */
import { createSlidingWindowLimiter } from "@coreplus-kit/core";
import { BoundedMap } from "../internal/bounded-map.js";
import { InFlight } from "../internal/in-flight.js";
import {
  type CacheEntry,
  type CacheSetOptions,
  type ClinicState,
  type ConsumerState,
  type EdgeStateFactory,
  type HitResult,
  type IdempotencyRecord,
  type Json,
  type LockOptions,
  LockTimeoutError,
} from "./types.js";

/** Options for {@link createMemoryState}. */
export interface MemoryStateOptions {
  /** Cache entries kept per clinic (least recently used go first); default 2000. */
  maxCacheEntries?: number;
  /** Idempotency records, visitor counters and taken slots kept per clinic; default 50 000 each. */
  maxRecords?: number;
  /** Requests per second allowed per coreplus consumer; default 9 (coreplus allows 10). */
  requestsPerSecond?: number;
  /** Budget slots per consumer that reads leave to bookings, cancels and reschedules; default 1. */
  reservedForPriority?: number;
  /** `false` turns the priority lane off (every call queues first come, first served): benchmarks only. */
  priorityLane?: boolean;
  /** Wall clock in ms (tests only); default Date.now. */
  now?: () => number;
}

/** Creates the in-memory {@link EdgeStateFactory}: one state per clinic slug and per consumer key. */
export function createMemoryState(opts: MemoryStateOptions = {}): EdgeStateFactory {
  const clinics = new Map<string, ClinicState>();
  const consumers = new Map<string, ConsumerState>();
  const now = opts.now ?? Date.now;
  return {
    forClinic(slug) {
      let state = clinics.get(slug);
      if (!state) {
        state = new MemoryClinicState(opts.maxCacheEntries ?? 2000, opts.maxRecords ?? 50_000, now);
        clinics.set(slug, state);
      }
      return state;
    },
    forConsumer(consumerKey) {
      let state = consumers.get(consumerKey);
      if (!state) {
        const lane = opts.priorityLane !== false;
        const limiter = createSlidingWindowLimiter({
          limit: opts.requestsPerSecond ?? 9,
          windowMs: 1000,
          now,
          reserved: lane ? Math.min(opts.reservedForPriority ?? 1, (opts.requestsPerSecond ?? 9) - 1) : 0,
        });
        state = {
          limiter: lane
            ? limiter
            : { acquire: (signal) => limiter.acquire(signal), lease: (signal) => limiter.lease!(signal) },
        };
        consumers.set(consumerKey, state);
      }
      return state;
    },
  };
}

interface Counter {
  windowStart: number;
  count: number;
  previous: number;
}

class MemoryClinicState implements ClinicState {
  readonly #cache: BoundedMap<CacheEntry>;
  readonly #inflight = new InFlight();
  readonly #locks = new Map<string, Promise<void>>();
  readonly #idempotency: BoundedMap<{ record: IdempotencyRecord; expiresAt: number }>;
  readonly #taken: BoundedMap<number>;
  readonly #counters: BoundedMap<Counter>;
  readonly #claims: BoundedMap<number>;
  readonly #now: () => number;

  constructor(maxCache: number, maxRecords: number, now: () => number) {
    this.#cache = new BoundedMap(maxCache);
    this.#idempotency = new BoundedMap(maxRecords);
    this.#taken = new BoundedMap(maxRecords);
    this.#counters = new BoundedMap(maxRecords);
    this.#claims = new BoundedMap(maxRecords);
    this.#now = now;
  }

  async cacheGet(key: string): Promise<CacheEntry | undefined> {
    const entry = this.#cache.get(key);
    if (entry && entry.staleUntil <= this.#now()) {
      this.#cache.delete(key);
      return undefined;
    }
    return entry;
  }

  async cacheSet(key: string, value: Json, opts: CacheSetOptions): Promise<void> {
    const storedAt = this.#now();
    const freshUntil = storedAt + opts.freshMs;
    this.#cache.set(key, { value, storedAt, freshUntil, staleUntil: freshUntil + opts.staleMs });
  }

  coalesce<T extends Json>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.#inflight.run(key, fn);
  }

  async withLock<T>(key: string, opts: LockOptions, fn: () => Promise<T>): Promise<T> {
    // A promise chain per key: each caller waits for the previous holder, then runs.
    const previous = this.#locks.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.#locks.set(key, tail);
    const cleanup = () => {
      release();
      if (this.#locks.get(key) === tail) this.#locks.delete(key);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        previous,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new LockTimeoutError(key, opts.waitMs)), opts.waitMs);
        }),
      ]);
    } catch (err) {
      // Giving up: our place in the chain passes straight on once the previous holder is done.
      cleanup();
      throw err;
    } finally {
      clearTimeout(timer);
    }
    try {
      return await fn();
    } finally {
      cleanup();
    }
  }

  async idempotencyGet(key: string): Promise<IdempotencyRecord | undefined> {
    const hit = this.#idempotency.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= this.#now()) {
      this.#idempotency.delete(key);
      return undefined;
    }
    return structuredClone(hit.record);
  }

  async idempotencyPut(key: string, record: IdempotencyRecord, ttlMs: number): Promise<void> {
    this.#idempotency.set(key, { record: structuredClone(record), expiresAt: this.#now() + ttlMs });
  }

  async markSlotTaken(slotKey: string, ttlMs: number): Promise<void> {
    this.#taken.set(slotKey, this.#now() + ttlMs);
  }

  async takenSlots(): Promise<readonly string[]> {
    const now = this.#now();
    const keys: string[] = [];
    const expired: string[] = [];
    for (const [k, until] of this.#taken.entries()) (until > now ? keys : expired).push(k);
    for (const k of expired) this.#taken.delete(k);
    return keys;
  }

  async releaseSlot(slotKey: string): Promise<void> {
    this.#taken.delete(slotKey);
  }

  async hit(key: string, limit: number, windowMs: number): Promise<HitResult> {
    return this.hitNow(key, limit, windowMs);
  }

  hitNow(key: string, limit: number, windowMs: number): HitResult {
    // Sliding window approximated from the current and previous fixed windows (as Cloudflare does).
    const now = this.#now();
    const windowStart = now - (now % windowMs);
    let c = this.#counters.get(key);
    if (!c || c.windowStart !== windowStart) {
      const previous = c && c.windowStart === windowStart - windowMs ? c.count : 0;
      c = { windowStart, count: 0, previous };
    }
    const weight = 1 - (now - windowStart) / windowMs;
    const estimate = c.previous * weight + c.count;
    if (estimate + 1 > limit) {
      this.#counters.set(key, c);
      const retryAfterMs = c.count + 1 > limit ? windowStart + windowMs - now : Math.ceil(windowMs / limit);
      return { allowed: false, retryAfterMs: Math.max(1, retryAfterMs) };
    }
    c.count += 1;
    this.#counters.set(key, c);
    return { allowed: true, retryAfterMs: 0 };
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = this.#now();
    const until = this.#claims.get(key);
    if (until !== undefined && until > now) return false;
    this.#claims.set(key, now + ttlMs);
    return true;
  }
}
