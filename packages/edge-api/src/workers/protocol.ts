/**
 * What the Durable Objects and their callers hand each other over RPC. Every value is structured-
 * cloneable; errors travel as data (a thrown error would lose its class on the way).
 */
import type { CacheEntry, CacheSetOptions, HitResult, IdempotencyRecord, Json } from "../state/index.js";
import type { ProblemData } from "../upstream/index.js";

export { type ProblemData, problemData, problemError } from "../upstream/index.js";

/** The answer to joining a coalesced load. */
export type FlightJoin =
  /** Run the load, then settle it with the token. */
  | { role: "leader"; token: string }
  /** Another caller's load finished. */
  | { role: "done"; value: Json }
  | { role: "failed"; problem: ProblemData }
  /** The leader's lease ran out without an answer (its isolate may be gone): join again. */
  | { role: "retry" };

/** How a leader settles its load. */
export type FlightOutcome = { ok: true; value: Json } | { ok: false; problem: ProblemData };

/** The answer to asking for a lock. */
export type LockGrant = { granted: true; token: string } | { granted: false };

/** The answer to asking the consumer's budget for a start time. */
export type BudgetReservation =
  /** Start after `waitMs`; `ticket` hands the start back if the caller gives up before. */
  | { granted: true; waitMs: number; ticket: BudgetTicket }
  /** The queue is longer than the caller may wait. */
  | { granted: false; retryAfterMs: number };

/** Identifies one reserved start, so that a lease can be released or an abandoned start handed back. */
export interface BudgetTicket {
  id: string;
  slot: number;
  startAt: number;
  previousFreeAt: number;
}

/**
 * The per-clinic object's RPC surface as its callers see it. Written out (rather than derived from
 * the class through the platform's RPC types) because those types recurse forever on `Json`.
 */
export interface ClinicObjectRpc {
  cacheGet(key: string): Promise<CacheEntry | undefined>;
  cacheSet(key: string, value: Json, opts: CacheSetOptions): Promise<void>;
  coalesceJoin(key: string, leaseMs: number): Promise<FlightJoin>;
  coalesceSettle(key: string, token: string, outcome: FlightOutcome): Promise<void>;
  lockAcquire(key: string, waitMs: number, leaseMs: number): Promise<LockGrant>;
  lockRelease(token: string): Promise<void>;
  idempotencyGet(key: string): Promise<IdempotencyRecord | undefined>;
  idempotencyPut(key: string, record: IdempotencyRecord, ttlMs: number): Promise<void>;
  markSlotTaken(slotKey: string, ttlMs: number): Promise<void>;
  takenSlots(): Promise<string[]>;
  releaseSlot(slotKey: string): Promise<void>;
  hit(key: string, limit: number, windowMs: number): Promise<HitResult>;
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
}

/** What a caller asks the consumer's budget for. */
export interface BudgetRequest {
  /** Starts allowed per window. */
  limit: number;
  windowMs: number;
  /** Refuse rather than promise a start later than this from now. */
  maxWaitMs: number;
  /** The slot stays taken until released, or this long after the start at most. */
  holdMs: number;
  /** Slots ordinary requests leave unleased for priority ones (default 0). */
  reserved?: number;
  /** A booking, cancel or reschedule: served before queued ordinary requests, may use the reserved slots. */
  priority?: boolean;
}

/** The per-consumer object's RPC surface as its callers see it. */
export interface ConsumerObjectRpc {
  reserve(req: BudgetRequest): Promise<BudgetReservation>;
  release(ticket: BudgetTicket): Promise<void>;
  cancel(ticket: BudgetTicket): Promise<boolean>;
}
