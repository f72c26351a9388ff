/**
 * One clinic's state on Redis. Every key starts with `<prefix>{c:<slug>}:` (one hash tag per clinic,
 * so the multi-key scripts also run on a Redis Cluster) and expires by itself:
 *
 * - `cache:<key>`: a {@link CacheEntry} as JSON, kept until its stale window ends;
 * - `load:<key>` and `flight:<token>`: a coalesced load's leader and its outcome (see `coalesce`);
 * - `lock:<key>`, `lockq:<key>`, `locka:<key>`, `fence:`: slot locks (see lock.node.ts);
 * - `idem:<key>`: an idempotency record as JSON, for its TTL;
 * - `taken`: a sorted set of taken slot keys scored by when each is forgotten;
 * - `hit:<key>`: a visitor counter (the sliding window in scripts.ts).
 */
import { randomUUID } from "node:crypto";
import { BoundedMap } from "../../internal/bounded-map.js";
import { InFlight } from "../../internal/in-flight.js";
import { type ProblemData, problemData, problemError } from "../../upstream/index.js";
import type {
  CacheEntry,
  CacheSetOptions,
  ClinicState,
  HitResult,
  IdempotencyRecord,
  Json,
  LockOptions,
} from "../types.js";
import type { RedisConnection } from "./connection.node.js";
import { fencedWrite, type LockSpace, withRedisLock } from "./lock.node.js";
import { FLIGHT_SETTLE, HIT, TAKEN_SLOTS } from "./scripts.js";

/** Timings of a clinic's state. */
export interface RedisClinicTimings {
  /** How long a coalesced load may run before its waiters stop waiting for it. */
  coalesceLeaseMs: number;
  /** How long a lock lives unless its holder renews it. */
  lockLivenessMs: number;
  /** How long this process serves a fresh cache entry it read without asking Redis again (0: always ask). */
  localCacheMs: number;
}

/** How long a coalesced load's outcome is kept for the waiters that have yet to read it. */
const FLIGHT_OUTCOME_MS = 10_000;
/** A queued lock waiter that has not asked again within this is taken for gone. */
const WAITER_ALIVE_MS = 3_000;
/** Cache entries remembered in this process per clinic (parsed, with when they were read). */
const LOCAL_ENTRIES = 200;

type FlightOutcome = { ok: true; value: Json } | { ok: false; problem: ProblemData };

/** The {@link ClinicState} of one clinic on Redis. */
export class RedisClinicState implements ClinicState {
  readonly #conn: RedisConnection;
  readonly #prefix: string;
  readonly #timings: RedisClinicTimings;
  readonly #space: LockSpace;
  readonly #local = new InFlight();
  readonly #near = new BoundedMap<{ raw: string; entry: CacheEntry; readAt: number }>(LOCAL_ENTRIES);

  constructor(conn: RedisConnection, prefix: string, slug: string, timings: RedisClinicTimings) {
    this.#conn = conn;
    this.#prefix = `${prefix}{c:${slug}}:`;
    this.#timings = timings;
    this.#space = {
      owner: this,
      key: (kind, name) => this.#key(kind, name),
      livenessMs: timings.lockLivenessMs,
      waiterAliveMs: Math.max(WAITER_ALIVE_MS, conn.pollMs * 5),
    };
  }

  #key(kind: string, name: string): string {
    return `${this.#prefix}${kind}:${name}`;
  }

  /**
   * The entry from Redis; a fresh entry read within `localCacheMs` is served from this process (a
   * cached read is then one Redis round trip fewer), and one whose text is unchanged is not parsed again.
   */
  async cacheGet(key: string): Promise<CacheEntry | undefined> {
    const now = Date.now();
    const near = this.#near.get(key);
    if (near && now - near.readAt < this.#timings.localCacheMs && near.entry.freshUntil > now)
      return near.entry;
    const raw = await this.#conn.run(() => this.#conn.client.get(this.#key("cache", key)));
    if (raw === null) {
      this.#near.delete(key);
      return undefined;
    }
    const entry = near?.raw === raw ? near.entry : (JSON.parse(raw) as CacheEntry);
    this.#remember(key, raw, entry, now);
    // Redis expires by the millisecond too, but this process's clock is the one its callers compare with.
    return entry.staleUntil > now ? entry : undefined;
  }

  #remember(key: string, raw: string, entry: CacheEntry, readAt: number): void {
    this.#near.set(key, { raw, entry, readAt });
  }

  async cacheSet(key: string, value: Json, opts: CacheSetOptions): Promise<void> {
    const storedAt = Date.now();
    const freshUntil = storedAt + opts.freshMs;
    const entry: CacheEntry = { value, storedAt, freshUntil, staleUntil: freshUntil + opts.staleMs };
    const ttl = Math.ceil(opts.freshMs + opts.staleMs);
    if (ttl <= 0) return;
    const raw = JSON.stringify(entry);
    await this.#conn.run(() =>
      this.#conn.client.set(this.#key("cache", key), raw, { expiration: { type: "PX", value: ttl } }),
    );
    this.#remember(key, raw, entry, storedAt);
  }

  /**
   * One load per key across every process: callers in this process share one promise; across
   * processes, the first to set `load:<key>` (NX, with a lease) leads, and the others wait for its
   * outcome under `flight:<token>` (woken by pub/sub, else polling). A leader that vanishes lets its
   * lease run out, and the waiters try again.
   */
  coalesce<T extends Json>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.#local.run(key, () => this.#coalesceAcross(key, fn));
  }

  async #coalesceAcross<T extends Json>(key: string, fn: () => Promise<T>): Promise<T> {
    const loadKey = this.#key("load", key);
    const { client } = this.#conn;
    // A few rounds at most: each one that ends without an outcome means a leader vanished.
    for (let round = 0; round < 3; round++) {
      const token = randomUUID();
      const led = await this.#conn.run(() =>
        client.set(loadKey, token, {
          condition: "NX",
          expiration: { type: "PX", value: this.#timings.coalesceLeaseMs },
        }),
      );
      if (led === "OK") return this.#lead(loadKey, token, fn);
      const leader = await this.#conn.run(() => client.get(loadKey));
      if (leader === null) continue; // It just finished: lead (or join) the next one.
      const outcome = await this.#follow(loadKey, leader);
      if (outcome?.ok) return outcome.value as T;
      if (outcome) throw problemError(outcome.problem);
    }
    return fn();
  }

  async #lead<T extends Json>(loadKey: string, token: string, fn: () => Promise<T>): Promise<T> {
    const settle = (outcome: FlightOutcome) =>
      // Waiters are released even if this fails: the lease runs out and they try again.
      this.#conn
        .eval(
          FLIGHT_SETTLE,
          [loadKey, this.#key("flight", token)],
          [token, JSON.stringify(outcome), FLIGHT_OUTCOME_MS, this.#conn.channel],
        )
        .catch(() => undefined);
    let value: T;
    try {
      value = await fn();
    } catch (err) {
      await settle({ ok: false, problem: problemData(err) });
      throw err;
    }
    await settle({ ok: true, value });
    return value;
  }

  /** Waits for the leader `token`'s outcome; undefined if its lease ran out without one. */
  async #follow(loadKey: string, token: string): Promise<FlightOutcome | undefined> {
    const flightKey = this.#key("flight", token);
    const deadline = Date.now() + this.#timings.coalesceLeaseMs;
    for (;;) {
      const [outcome, leader] = await this.#conn.run(() => this.#conn.client.mGet([flightKey, loadKey]));
      if (outcome) return JSON.parse(outcome) as FlightOutcome;
      // The outcome is written before the leader's key is removed, in one script: no outcome and no
      // leader means the leader vanished (or Redis restarted).
      if (leader !== token || Date.now() >= deadline) return undefined;
      await this.#conn.wait(loadKey, Math.min(this.#conn.pollMs, deadline - Date.now()));
    }
  }

  withLock<T>(key: string, opts: LockOptions, fn: () => Promise<T>): Promise<T> {
    return withRedisLock(this.#conn, this.#space, key, opts, fn);
  }

  async idempotencyGet(key: string): Promise<IdempotencyRecord | undefined> {
    const raw = await this.#conn.run(() => this.#conn.client.get(this.#key("idem", key)));
    return raw === null ? undefined : (JSON.parse(raw) as IdempotencyRecord);
  }

  /** Fenced: refused when made under a lock this caller no longer holds (see lock.node.ts). */
  async idempotencyPut(key: string, record: IdempotencyRecord, ttlMs: number): Promise<void> {
    await fencedWrite(this.#conn, this.#space, "set", this.#key("idem", key), JSON.stringify(record), ttlMs);
  }

  /** Fenced like {@link idempotencyPut}. */
  async markSlotTaken(slotKey: string, ttlMs: number): Promise<void> {
    await fencedWrite(this.#conn, this.#space, "taken", this.#key("taken", ""), slotKey, ttlMs);
  }

  async takenSlots(): Promise<readonly string[]> {
    return (await this.#conn.eval(TAKEN_SLOTS, [this.#key("taken", "")], [])) as string[];
  }

  async hit(key: string, limit: number, windowMs: number): Promise<HitResult> {
    const [allowed, retryAfterMs] = (await this.#conn.eval(
      HIT,
      [this.#key("hit", key)],
      [limit, Math.max(1, Math.round(windowMs))],
    )) as [number, number];
    return { allowed: allowed === 1, retryAfterMs };
  }
}
