/**
 * ClinicDurableObject: one per clinic slug, shared by every isolate and edge location serving that
 * clinic. What may be lost when the object restarts lives in its memory (the read cache, visitor
 * counters, coalesced loads in flight); what must survive lives in its SQLite storage (idempotency
 * records, lock holders with their leases, slots known to be taken).
 *
 * The object never runs the edge API's work itself: callers run the load or the booking in their own
 * isolate and only ask the object who goes first, so a slow coreplus call never blocks the object.
 */
import { DurableObject } from "cloudflare:workers";
import type {
  CacheEntry,
  CacheSetOptions,
  ClinicState,
  HitResult,
  IdempotencyRecord,
  Json,
} from "../state/index.js";
import { createMemoryState } from "../state/index.js";
import type { ClinicObjectRpc, FlightJoin, FlightOutcome, LockGrant } from "./protocol.js";

/** How often expired rows are swept from storage (reads ignore them anyway). */
const SWEEP_EVERY_MS = 60 * 60_000;
/** Read-cache entries kept in memory (least recently used go first). */
const MAX_CACHE_ENTRIES = 2000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, record TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS taken (slot TEXT PRIMARY KEY, until INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS locks (token TEXT PRIMARY KEY, key TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
`;

interface Flight {
  token: string;
  waiters: ((answer: FlightJoin) => void)[];
  lease: ReturnType<typeof setTimeout>;
}

/** The per-clinic Durable Object. Its methods are called over RPC by `createDurableObjectState`. */
export class ClinicDurableObject extends DurableObject<unknown> implements ClinicObjectRpc {
  /**
   * The in-memory state of the Node deployment, reused for what may be lost on a restart: the
   * bounded LRU cache, the sliding-window visitor counters and the first-come lock queues.
   */
  readonly #memory: ClinicState = createMemoryState({ maxCacheEntries: MAX_CACHE_ENTRIES }).forClinic("do");
  readonly #sql: SqlStorage;
  /** Locks held by callers, by token: releasing one lets the next caller in the key's queue go. */
  readonly #held = new Map<string, () => void>();
  readonly #flights = new Map<string, Flight>();
  #sweepChecked = false;

  // The objects read no bindings (their env is the Worker's, typed in env.ts, which names them).
  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    this.#sql.exec(SCHEMA);
    this.#restoreLocks();
  }

  // --- read cache and coalescing (memory) ---

  async cacheGet(key: string): Promise<CacheEntry | undefined> {
    return this.#memory.cacheGet(key);
  }

  async cacheSet(key: string, value: Json, opts: CacheSetOptions): Promise<void> {
    await this.#memory.cacheSet(key, value, opts);
  }

  /**
   * The first caller for a key becomes the leader and runs the load; later callers wait here for its
   * outcome. A leader that does not settle within `leaseMs` (its isolate was evicted) releases its
   * waiters with "retry", and the first of them to join again leads.
   */
  async coalesceJoin(key: string, leaseMs: number): Promise<FlightJoin> {
    const flight = this.#flights.get(key);
    if (flight) return new Promise((resolve) => flight.waiters.push(resolve));
    const token = crypto.randomUUID();
    this.#flights.set(key, {
      token,
      waiters: [],
      lease: setTimeout(() => this.#settle(key, token, undefined), leaseMs),
    });
    return { role: "leader", token };
  }

  /** The leader's outcome, handed to every caller that waited. Unknown or stale tokens are ignored. */
  async coalesceSettle(key: string, token: string, outcome: FlightOutcome): Promise<void> {
    this.#settle(key, token, outcome);
  }

  #settle(key: string, token: string, outcome: FlightOutcome | undefined): void {
    const flight = this.#flights.get(key);
    if (!flight || flight.token !== token) return;
    clearTimeout(flight.lease);
    this.#flights.delete(key);
    const answer: FlightJoin = !outcome
      ? { role: "retry" }
      : outcome.ok
        ? { role: "done", value: outcome.value }
        : { role: "failed", problem: outcome.problem };
    for (const waiter of flight.waiters) waiter(answer);
  }

  // --- locks (memory queues, holders persisted) ---

  /**
   * Waits up to `waitMs` for the lock, first come first served. The holder keeps it until it calls
   * {@link lockRelease} or `leaseMs` passes, whichever comes first; the lease is stored, so a holder
   * keeps the lock across a restart of this object.
   */
  async lockAcquire(key: string, waitMs: number, leaseMs: number): Promise<LockGrant> {
    return new Promise<LockGrant>((resolve) => {
      this.#memory
        .withLock(key, { waitMs, leaseMs }, () =>
          this.#hold(key, crypto.randomUUID(), Date.now() + leaseMs, (token) =>
            resolve({ granted: true, token }),
          ),
        )
        // LockTimeoutError: the caller turns "not granted" back into one.
        .catch(() => resolve({ granted: false }));
    });
  }

  /** Releases a lock; a token whose lease already ran out is ignored. */
  async lockRelease(token: string): Promise<void> {
    this.#release(token);
  }

  /** Holds `key` under `token` until released or expired; resolves when the holder lets go. */
  #hold(key: string, token: string, expiresAt: number, granted?: (token: string) => void): Promise<void> {
    return new Promise<void>((letGo) => {
      this.#sql.exec(
        "INSERT OR REPLACE INTO locks (token, key, expires_at) VALUES (?, ?, ?)",
        token,
        key,
        expiresAt,
      );
      const lease = setTimeout(() => this.#release(token), Math.max(0, expiresAt - Date.now()));
      this.#held.set(token, () => {
        clearTimeout(lease);
        letGo();
      });
      granted?.(token);
    });
  }

  #release(token: string): void {
    const letGo = this.#held.get(token);
    if (!letGo) return;
    this.#held.delete(token);
    this.#sql.exec("DELETE FROM locks WHERE token = ?", token);
    letGo();
  }

  /** After a restart, holders whose lease has not run out hold their locks again. */
  #restoreLocks(): void {
    const now = Date.now();
    this.#sql.exec("DELETE FROM locks WHERE expires_at <= ?", now);
    const rows = this.#sql
      .exec<{ token: string; key: string; expires_at: number }>("SELECT token, key, expires_at FROM locks")
      .toArray();
    for (const row of rows) {
      // Nothing else is queued in a fresh object, so this is granted at once.
      void this.#memory
        .withLock(row.key, { waitMs: 60_000, leaseMs: row.expires_at - now }, () =>
          this.#hold(row.key, row.token, row.expires_at),
        )
        .catch(() => undefined);
    }
  }

  // --- idempotency records and taken slots (storage) ---

  async idempotencyGet(key: string): Promise<IdempotencyRecord | undefined> {
    const row = this.#sql
      .exec<{ record: string; expires_at: number }>(
        "SELECT record, expires_at FROM idempotency WHERE key = ?",
        key,
      )
      .toArray()[0];
    if (!row) return undefined;
    if (row.expires_at <= Date.now()) {
      this.#sql.exec("DELETE FROM idempotency WHERE key = ?", key);
      return undefined;
    }
    return JSON.parse(row.record) as IdempotencyRecord;
  }

  async idempotencyPut(key: string, record: IdempotencyRecord, ttlMs: number): Promise<void> {
    this.#sql.exec(
      "INSERT OR REPLACE INTO idempotency (key, record, expires_at) VALUES (?, ?, ?)",
      key,
      JSON.stringify(record),
      Date.now() + ttlMs,
    );
    await this.#ensureSweep();
  }

  async markSlotTaken(slotKey: string, ttlMs: number): Promise<void> {
    this.#sql.exec(
      "INSERT INTO taken (slot, until) VALUES (?, ?) ON CONFLICT (slot) DO UPDATE SET until = max(until, excluded.until)",
      slotKey,
      Date.now() + ttlMs,
    );
    await this.#ensureSweep();
  }

  async takenSlots(): Promise<string[]> {
    return this.#sql
      .exec<{ slot: string }>("SELECT slot FROM taken WHERE until > ?", Date.now())
      .toArray()
      .map((r) => r.slot);
  }

  /**
   * Single-use claims (proofs of solved challenges): stored, so a replay is refused across a restart.
   * The object runs one call at a time between awaits, so the read and the write are atomic.
   */
  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const row = this.#sql
      .exec<{ expires_at: number }>("SELECT expires_at FROM claims WHERE key = ?", key)
      .toArray()[0];
    if (row && row.expires_at > now) return false;
    this.#sql.exec("INSERT OR REPLACE INTO claims (key, expires_at) VALUES (?, ?)", key, now + ttlMs);
    await this.#ensureSweep();
    return true;
  }

  async releaseSlot(slotKey: string): Promise<void> {
    this.#sql.exec("DELETE FROM taken WHERE slot = ?", slotKey);
  }

  // --- visitor limits (memory) ---

  async hit(key: string, limit: number, windowMs: number): Promise<HitResult> {
    return this.#memory.hit(key, limit, windowMs);
  }

  // --- housekeeping ---

  /** Sweeps expired rows; runs again while anything is left. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    this.#sql.exec("DELETE FROM idempotency WHERE expires_at <= ?", now);
    this.#sql.exec("DELETE FROM taken WHERE until <= ?", now);
    this.#sql.exec("DELETE FROM locks WHERE expires_at <= ?", now);
    this.#sql.exec("DELETE FROM claims WHERE expires_at <= ?", now);
    const left = this.#sql
      .exec<{ n: number }>(
        "SELECT (SELECT count(*) FROM idempotency) + (SELECT count(*) FROM taken) + (SELECT count(*) FROM locks) + (SELECT count(*) FROM claims) AS n",
      )
      .one().n;
    if (left > 0) await this.ctx.storage.setAlarm(now + SWEEP_EVERY_MS);
  }

  async #ensureSweep(): Promise<void> {
    if (this.#sweepChecked) return;
    this.#sweepChecked = true;
    if ((await this.ctx.storage.getAlarm()) === null)
      await this.ctx.storage.setAlarm(Date.now() + SWEEP_EVERY_MS);
  }
}
