/**
 * The edge API's state on Durable Objects: `createDurableObjectState(env)` is the Workers
 * counterpart of `createMemoryState()`. Each clinic's state is its ClinicDurableObject and each
 * consumer's request budget its ConsumerDurableObject, so every isolate in every location agrees.
 *
 * Work (coreplus calls, bookings) runs in the caller's isolate; the objects only decide who goes
 * first and remember outcomes. Within one isolate, identical loads are also coalesced locally, so an
 * isolate asks its clinic's object once per key however many of its requests want it.
 */
import type { RequestLimiter } from "@coreplus-kit/core";
import { InFlight } from "../internal/in-flight.js";
import {
  type CacheEntry,
  type CacheSetOptions,
  type ClinicState,
  type EdgeStateFactory,
  type HitResult,
  type IdempotencyRecord,
  type Json,
  type LockOptions,
  LockTimeoutError,
} from "../state/index.js";
import { BudgetWaitAbortedError } from "../upstream/index.js";
import type { ClinicDurableObject } from "./clinic-object.js";
import type { ConsumerDurableObject } from "./consumer-object.js";
import {
  type BudgetRequest,
  type BudgetReservation,
  type BudgetTicket,
  type ClinicObjectRpc,
  type ConsumerObjectRpc,
  problemData,
  problemError,
} from "./protocol.js";

/** Options for {@link createDurableObjectState}. */
export interface DurableStateOptions {
  /** Requests per second allowed per coreplus consumer; default 9 (coreplus allows 10). */
  requestsPerSecond?: number;
  /** Budget slots per consumer that reads leave to bookings, cancels and reschedules; default 1. */
  reservedForPriority?: number;
  /** A request refuses to queue for the budget longer than this; default 15 000 ms. */
  maxBudgetWaitMs?: number;
  /**
   * Longest a request keeps its budget slot if its end is never reported (its isolate vanished, or the
   * object restarted); default 15 000 ms, above coreplus's default 10 s timeout.
   */
  budgetLeaseMs?: number;
  /** How long a coalesced load may run before its waiters give up on it; default 30 000 ms. */
  coalesceLeaseMs?: number;
}

/** The two Durable Object namespaces the state lives in. */
export interface DurableStateBindings {
  CLINIC_STATE: DurableObjectNamespace<ClinicDurableObject>;
  CONSUMER_BUDGET: DurableObjectNamespace<ConsumerDurableObject>;
}

/** Creates the Durable Object–backed {@link EdgeStateFactory}. */
export function createDurableObjectState(
  bindings: DurableStateBindings,
  opts: DurableStateOptions = {},
): EdgeStateFactory {
  return {
    forClinic: (slug) => new DurableClinicState(bindings.CLINIC_STATE, slug, opts.coalesceLeaseMs ?? 30_000),
    forConsumer: (consumerKey) => ({
      limiter: budgetLimiter(bindings.CONSUMER_BUDGET, consumerKey, {
        limit: opts.requestsPerSecond ?? 9,
        windowMs: 1000,
        maxWaitMs: opts.maxBudgetWaitMs ?? 15_000,
        holdMs: opts.budgetLeaseMs ?? 15_000,
        reserved: opts.reservedForPriority ?? 1,
      }),
    }),
  };
}

/**
 * Calls a Durable Object, retrying (twice) when the platform says the call may be retried: the
 * object was reset or moved. Every call made through here is safe to repeat.
 */
async function callObject<S, R>(stubFor: () => S, call: (stub: S) => Promise<R>): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(stubFor());
    } catch (err) {
      const e = err as { retryable?: boolean; overloaded?: boolean };
      if (attempt >= 2 || e.retryable !== true || e.overloaded === true) throw err;
    }
  }
}

class DurableClinicState implements ClinicState {
  readonly #ns: DurableObjectNamespace<ClinicDurableObject>;
  readonly #id: DurableObjectId;
  readonly #leaseMs: number;
  readonly #local = new InFlight();

  constructor(ns: DurableObjectNamespace<ClinicDurableObject>, slug: string, leaseMs: number) {
    this.#ns = ns;
    this.#id = ns.idFromName(slug);
    this.#leaseMs = leaseMs;
  }

  // A stub per call: stubs are cheap, and one made for one request is not reused by another.
  #call<R>(fn: (stub: ClinicObjectRpc) => Promise<R>): Promise<R> {
    return callObject(() => this.#ns.get(this.#id) as unknown as ClinicObjectRpc, fn);
  }

  async cacheGet(key: string): Promise<CacheEntry | undefined> {
    return (await this.#call((s) => s.cacheGet(key))) ?? undefined;
  }

  async cacheSet(key: string, value: Json, opts: CacheSetOptions): Promise<void> {
    await this.#call((s) => s.cacheSet(key, value, opts));
  }

  coalesce<T extends Json>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.#local.run(key, () => this.#coalesceAcross(key, fn));
  }

  async #coalesceAcross<T extends Json>(key: string, fn: () => Promise<T>): Promise<T> {
    // A few rounds at most: each "retry" means a leader vanished without answering.
    for (let round = 0; round < 3; round++) {
      const join = await this.#call((s) => s.coalesceJoin(key, this.#leaseMs));
      if (join.role === "done") return join.value as T;
      if (join.role === "failed") throw problemError(join.problem);
      if (join.role === "retry") continue;
      let value: T;
      try {
        value = await fn();
      } catch (err) {
        const problem = problemData(err);
        await this.#call((s) => s.coalesceSettle(key, join.token, { ok: false, problem })).catch(
          () => undefined,
        );
        throw err;
      }
      // Waiters are released even if this fails: their lease then runs out and they retry.
      await this.#call((s) => s.coalesceSettle(key, join.token, { ok: true, value })).catch(() => undefined);
      return value;
    }
    return fn();
  }

  async withLock<T>(key: string, opts: LockOptions, fn: () => Promise<T>): Promise<T> {
    const grant = await this.#call((s) => s.lockAcquire(key, opts.waitMs, opts.leaseMs));
    if (!grant.granted) throw new LockTimeoutError(key, opts.waitMs);
    try {
      return await fn();
    } finally {
      // If this fails, the lease frees the lock.
      await this.#call((s) => s.lockRelease(grant.token)).catch(() => undefined);
    }
  }

  async idempotencyGet(key: string): Promise<IdempotencyRecord | undefined> {
    const record = await this.#call((s) => s.idempotencyGet(key));
    return record ?? undefined;
  }

  async idempotencyPut(key: string, record: IdempotencyRecord, ttlMs: number): Promise<void> {
    await this.#call((s) => s.idempotencyPut(key, record, ttlMs));
  }

  async markSlotTaken(slotKey: string, ttlMs: number): Promise<void> {
    await this.#call((s) => s.markSlotTaken(slotKey, ttlMs));
  }

  async takenSlots(): Promise<readonly string[]> {
    return this.#call((s) => s.takenSlots());
  }

  async releaseSlot(slotKey: string): Promise<void> {
    await this.#call((s) => s.releaseSlot(slotKey));
  }

  async hit(key: string, limit: number, windowMs: number): Promise<HitResult> {
    return this.#call((s) => s.hit(key, limit, windowMs));
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    // Not retried by callObject unless the platform says so; a retry after a lost answer may say
    // false for a claim this caller made, which refuses one honest proof rather than admitting a replay.
    return this.#call((s) => s.claimOnce(key, ttlMs));
  }
}

/**
 * The consumer's limiter: asks its object for a start time, then waits for it here. Each start is
 * reported back, `acquire`'s when it happens and `lease`'s (which core's client prefers) when the
 * response is in, and its slot frees a window after the report.
 */
function budgetLimiter(
  ns: DurableObjectNamespace<ConsumerDurableObject>,
  consumerKey: string,
  budget: BudgetRequest,
): RequestLimiter {
  const id = ns.idFromName(consumerKey);
  const stub = () => ns.get(id) as unknown as ConsumerObjectRpc;
  async function take(signal: AbortSignal | undefined, req: BudgetRequest): Promise<BudgetTicket> {
    signal?.throwIfAborted();
    const pending = callObject(stub, (s) => s.reserve(req));
    let r: BudgetReservation;
    try {
      r = await untilAborted(pending, signal);
    } catch (err) {
      // Given up while queued at the object: hand back the start if it is granted later.
      void pending.then((late) => late.granted && cancel(late.ticket)).catch(() => undefined);
      throw err;
    }
    if (!r.granted)
      throw new BudgetWaitAbortedError(new Error(`the coreplus budget is booked ${r.retryAfterMs} ms ahead`));
    if (r.waitMs > 0) {
      try {
        await sleep(r.waitMs, signal);
      } catch (err) {
        // Hand the start back so that someone else may use it.
        await cancel(r.ticket);
        throw err;
      }
    }
    return r.ticket;
  }
  const cancel = (ticket: BudgetTicket) => callObject(stub, (s) => s.cancel(ticket)).catch(() => false);
  const release = (ticket: BudgetTicket) => {
    // Not awaited: if it is lost, the lease runs out after holdMs instead.
    void callObject(stub, (s) => s.release(ticket)).catch(() => undefined);
  };
  return {
    async acquire(signal, opts) {
      // Reported at once: the slot frees a window after this request actually started.
      release(await take(signal, { ...budget, priority: opts?.priority === true }));
    },
    async lease(signal, opts) {
      const ticket = await take(signal, { ...budget, priority: opts?.priority === true });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release(ticket);
      };
    },
  };
}

/** `p`, or the signal's reason if it aborts first. */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
