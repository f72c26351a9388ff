/**
 * A client-side sliding-window rate limiter: never more than `limit` request starts in any `windowMs`.
 * coreplus allows 10 requests a second per consumer; the default of 9 leaves a margin.
 *
 * Starts are measured here, but coreplus counts arrivals, and network or event-loop jitter can
 * bunch two windows' bursts together on the way. `lease()` closes that gap: its slot stays taken
 * until the response is back and only frees `windowMs` after that, so two requests sharing a slot
 * arrive more than a window apart whatever the latency, and the server never sees more than `limit`.
 */
import { abortReason, onAbort } from "./internal/abort.js";

/** Options for {@link createSlidingWindowLimiter}. */
export interface SlidingWindowLimiterOptions {
  /** Starts allowed per window. Default 9. */
  limit?: number;
  /** Window length in ms. Default 1000. */
  windowMs?: number;
  /** Clock in ms. Default `performance.now` (monotonic: a wall-clock step cannot open the gate early). */
  now?: () => number;
  /**
   * Added to every window, in ms. Default 1: it absorbs clock granularity (`Date.now` counts whole
   * milliseconds) and timers that fire early, which otherwise let two windows' starts land 999.x ms
   * apart, i.e. `2 × limit` starts in one window as a server measures it.
   */
  marginMs?: number;
  /**
   * Slots that ordinary requests leave for priority ones. Default 0. Ordinary requests start only
   * while more than `reserved` slots are free now (neither leased nor inside their window), so a
   * priority request (a booking) finds one without waiting behind a flood of reads; queued priority
   * requests are always served first. With a reserve, queued ordinary requests are also paced (one per
   * `windowMs / (limit - reserved)`), so that under a flood slots free evenly rather than in one burst a
   * window, and a priority request's next call never waits most of a window for one.
   */
  reserved?: number;
}

/** Per-call options of {@link RequestLimiter}. */
export interface AcquireOptions {
  /** Jump the queue and may use the reserved slots (bookings, cancels, reschedules). */
  priority?: boolean;
}

/** Gates request starts. */
export interface RequestLimiter {
  /** Resolves when one request may start; rejects with the signal's reason if aborted while waiting. */
  acquire(signal?: AbortSignal, opts?: AcquireOptions): Promise<void>;
  /**
   * Optional: like `acquire`, but the slot is held until the returned `release()` is called (when the
   * response has arrived) and frees a window after that. The client uses it when present.
   */
  lease?(signal?: AbortSignal, opts?: AcquireOptions): Promise<() => void>;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (reason: unknown) => void;
  held: boolean;
  priority: boolean;
  /** Unsubscribes from the signal's abort (one listener per signal however many wait on it). */
  unsubscribe: (() => void) | undefined;
}

const noop = (): void => {};

/**
 * Sliding window over `limit` slots: each start takes the slot that freed longest ago. Waiters are
 * served first-in first-out, priority waiters before the others, and one timer (never a busy loop) wakes the queue when a slot frees.
 *
 * @example
 * const limiter = createSlidingWindowLimiter();          // 9 starts per 1000 ms
 * await limiter.acquire(signal); await fetch(url);
 */
export function createSlidingWindowLimiter(opts: SlidingWindowLimiterOptions = {}): RequestLimiter {
  const limit = opts.limit ?? 9;
  const windowMs = opts.windowMs ?? 1000;
  const now = opts.now ?? (() => performance.now());
  const marginMs = opts.marginMs ?? 1;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  if (!(windowMs > 0)) throw new RangeError("windowMs must be positive");
  if (!(marginMs >= 0)) throw new RangeError("marginMs must not be negative");
  const reserved = opts.reserved ?? 0;
  if (!Number.isInteger(reserved) || reserved < 0 || reserved >= limit)
    throw new RangeError("reserved must be an integer from 0 to limit - 1");
  const span = windowMs + marginMs;

  // When each slot may be used again; +Infinity while a lease holds it.
  const freeAt = new Array<number>(limit).fill(Number.NEGATIVE_INFINITY);
  const queue: Waiter[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function earliestSlot(): number {
    let best = 0;
    for (let i = 1; i < limit; i++) if ((freeAt[i] as number) < (freeAt[best] as number)) best = i;
    return best;
  }

  // Queued ordinary requests start at least this far apart when slots are reserved (see `reserved`).
  const paceMs = reserved === 0 ? 0 : span / (limit - reserved);
  let lastOrdinaryAt = Number.NEGATIVE_INFINITY;

  /**
   * When an ordinary request may take a slot: once more than `reserved` slots are free (the
   * `reserved + 1`-th earliest free time; +Infinity while leases hold too many), and for a queued one
   * also `paceMs` after the last ordinary start.
   */
  function ordinaryFrom(queued: boolean): number {
    if (reserved === 0) return Number.NEGATIVE_INFINITY;
    const sorted = [...freeAt].sort((a, b) => a - b);
    const free = sorted[reserved] as number;
    return queued ? Math.max(free, lastOrdinaryAt + paceMs) : free;
  }

  /** The next waiter to serve: the first priority one, else the first. */
  function nextWaiter(): number {
    const p = queue.findIndex((w) => w.priority);
    return Math.max(p, 0);
  }

  /** Takes slot `i` now; returns the release function for a lease. */
  function take(i: number, held: boolean, priority: boolean): () => void {
    const startedAt = now();
    if (!priority) lastOrdinaryAt = startedAt;
    if (!held) {
      freeAt[i] = startedAt + span;
      return noop;
    }
    freeAt[i] = Number.POSITIVE_INFINITY;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      freeAt[i] = Math.max(startedAt, now()) + span;
      if (queue.length > 0) {
        // A pending timer may be waiting for a later slot than this one; re-plan from scratch.
        if (timer !== undefined) clearTimeout(timer);
        drain();
      }
    };
  }

  function drain(): void {
    timer = undefined;
    while (queue.length > 0) {
      const slot = earliestSlot();
      const wait = (freeAt[slot] as number) - now();
      if (wait === Number.POSITIVE_INFINITY) return; // every slot is leased; a release wakes us
      const index = nextWaiter();
      const waiter = queue[index] as Waiter;
      // Only ordinary waiters left: they wait for more than the reserved slots to be free (and their pace).
      const until = waiter.priority ? wait : Math.max(wait, ordinaryFrom(true) - now());
      if (until === Number.POSITIVE_INFINITY) return; // leases hold all but the reserve; a release wakes us
      if (until > 0) {
        // Timers may fire a little early; the next drain re-checks against the clock.
        timer = setTimeout(drain, Math.ceil(until));
        return;
      }
      queue.splice(index, 1);
      waiter.unsubscribe?.();
      waiter.resolve(take(slot, waiter.held, waiter.priority));
    }
  }

  function enqueue(signal: AbortSignal | undefined, held: boolean, priority: boolean): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (priority ? !queue.some((w) => w.priority) : queue.length === 0 && ordinaryFrom(false) <= now()) {
      const slot = earliestSlot();
      if ((freeAt[slot] as number) <= now()) return Promise.resolve(take(slot, held, priority));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, held, priority, unsubscribe: undefined };
      if (signal !== undefined) {
        waiter.unsubscribe = onAbort(signal, () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          if (queue.length === 0 && timer !== undefined) {
            clearTimeout(timer);
            timer = undefined;
          }
          reject(abortReason(signal));
        });
      }
      queue.push(waiter);
      if (priority && timer !== undefined) {
        // The pending timer was planned for an ordinary waiter that may not start; re-plan.
        clearTimeout(timer);
        timer = undefined;
      }
      if (timer === undefined) drain();
    });
  }

  return {
    async acquire(signal, acquireOpts) {
      await enqueue(signal, false, acquireOpts?.priority === true);
    },
    lease(signal, acquireOpts) {
      return enqueue(signal, true, acquireOpts?.priority === true);
    },
  };
}
