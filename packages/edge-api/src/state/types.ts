/**
 * The one interface behind which all of the edge API's state lives: the read cache, in-flight
 * coalescing, per-slot booking locks, idempotency records, visitor limits (per clinic) and the
 * coreplus request budget (per consumer). Memory implements it for one Node process; Durable
 * Objects implement it on Workers. Every method is async and every stored value is JSON, so an
 * implementation may keep it in another process; none may assume the caller's process holds it.
 */
import type { RequestLimiter } from "@coreplus-kit/core";
import { EdgeError } from "../errors.js";

/** A JSON value: everything the state stores or hands between callers is one. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A cached value with its freshness, all times in wall-clock epoch milliseconds. */
export interface CacheEntry {
  value: Json;
  storedAt: number;
  /** Until then the value is served as is. */
  freshUntil: number;
  /** Until then it may still be served (stale-while-revalidate, or when the upstream fails); never after. */
  staleUntil: number;
}

/** Timing of a cache write. `staleMs` counts from the end of `freshMs`. */
export interface CacheSetOptions {
  freshMs: number;
  staleMs: number;
}

/** How long to wait for a lock, and how long a holder may keep it before others may take it over. */
export interface LockOptions {
  waitMs: number;
  /** Protects against a holder that vanished (an evicted isolate); must exceed any honest holding time. */
  leaseMs: number;
}

/** Thrown by {@link ClinicState.withLock} when the lock was not obtained within `waitMs`. */
export class LockTimeoutError extends EdgeError {
  readonly code = "ERR_EDGE_LOCK_TIMEOUT";
  constructor(key: string, waitMs: number) {
    super(`lock ${key} not obtained within ${waitMs} ms`);
  }
}

/**
 * What the edge API remembers about one Idempotency-Key. Patient-free by construction: a hash of the
 * body, the ids created so far and the final (patient-free) answer.
 */
export interface IdempotencyRecord {
  /** HMAC-SHA-256 (hex, keyed by the deployment secret) of the canonical JSON of the request body. */
  bodyHash: string;
  /** "pending" until a final outcome (201, 409, 422) is recorded. */
  status: "pending" | "done";
  /** Progress of the booking, so that a retry after a failure resumes instead of repeating. */
  progress: {
    /** The attempt was counted against the patient's and the clinic's booking limits. */
    limitsCharged?: boolean;
    clientId?: string;
    /** The client was an existing one (booking for someone else: the carer goes into the notes). */
    clientMatched?: boolean;
    /** The family record made for a new dependant's carer (booking for someone else). */
    familyId?: string;
    /**
     * The family record's create was sent. Set without `familyId`, its outcome is unknown (a timeout or a
     * dropped connection): a retry does not send it again (coreplus has no family listing to check).
     */
    familySent?: boolean;
    /** The appointment request was sent; its outcome may be unknown (timeout, dropped connection). */
    bookingSent?: boolean;
    appointmentId?: string;
    /** A cancel or reschedule was sent to coreplus; its outcome may be unknown. */
    changeSent?: boolean;
  };
  /** The final answer to replay: status and JSON body (never patient details). */
  response?: { status: number; body: Json };
  createdAt: number;
  updatedAt: number;
}

/** The result of counting one visitor request. */
export interface HitResult {
  allowed: boolean;
  /** When `allowed` is false: how long until the visitor may try again. */
  retryAfterMs: number;
}

/** Per-clinic state. Keys are opaque strings chosen by the edge API; values are JSON. */
export interface ClinicState {
  /** The entry under `key`, or undefined when absent or past `staleUntil`. */
  cacheGet(key: string): Promise<CacheEntry | undefined>;
  /** Stores a value; an implementation may evict entries to bound its memory. */
  cacheSet(key: string, value: Json, opts: CacheSetOptions): Promise<void>;
  /**
   * Runs `fn` once for all callers that ask for the same key while it runs; they all get its
   * result (or its error). `fn` runs in one caller's process; its result must be JSON.
   */
  coalesce<T extends Json>(key: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding the named lock: callers for one key run one at a time, in arrival order.
   * Throws {@link LockTimeoutError} when the lock was not obtained within `opts.waitMs`.
   */
  withLock<T>(key: string, opts: LockOptions, fn: () => Promise<T>): Promise<T>;
  /** The record for an Idempotency-Key, or undefined (absent or older than its ttl). */
  idempotencyGet(key: string): Promise<IdempotencyRecord | undefined>;
  /** Creates or replaces the record for a key, kept `ttlMs` from now. */
  idempotencyPut(key: string, record: IdempotencyRecord, ttlMs: number): Promise<void>;
  /** Remembers that a slot is gone (booked here, or refused upstream) for `ttlMs`. */
  markSlotTaken(slotKey: string, ttlMs: number): Promise<void>;
  /** The slot keys currently remembered as gone. */
  takenSlots(): Promise<readonly string[]>;
  /** Forgets that a slot is gone (a booking moved away from it or was cancelled). */
  releaseSlot(slotKey: string): Promise<void>;
  /** Counts one request of `key` against `limit` per `windowMs` (sliding window). */
  hit(key: string, limit: number, windowMs: number): Promise<HitResult>;
  /**
   * Optional: {@link hit} answered synchronously, by a state kept in this process (memory). The
   * answer memo counts a remembered read with it without waiting a turn (app/answer-memo.ts).
   */
  hitNow?(key: string, limit: number, windowMs: number): HitResult;
  /**
   * Claims `key` for `ttlMs`: true for the first caller, false for every later one until the claim
   * expires. Atomic across every process sharing the state (single-use proofs depend on it).
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
}

/** Per-consumer state: the coreplus request budget shared by every clinic using the consumer. */
export interface ConsumerState {
  /** Every coreplus call for this consumer goes through this one limiter. */
  limiter: RequestLimiter;
}

/** Whether a state kept in another process (Redis) can be reached, for /healthz. */
export interface StateHealth {
  /** Where the state lives, e.g. "redis". */
  store: string;
  status: "ok" | "down";
}

/** Where the edge API gets its state; the app asks once per clinic and once per consumer. */
export interface EdgeStateFactory {
  forClinic(slug: string): ClinicState;
  /** `consumerKey` identifies a coreplus consumer: its base URL and consumer id. */
  forConsumer(consumerKey: string): ConsumerState;
  /** Optional: reports whether the state can be reached (a state in this process needs none). */
  health?(): Promise<StateHealth>;
}
