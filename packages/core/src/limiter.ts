/**
 * A client-side sliding-window rate limiter: never more than `limit` request starts in any `windowMs`.
 * coreplus allows 10 requests a second per consumer; the default of 9 leaves a margin for clock and
 * network jitter between us and the server's own window.
 */
import { abortReason } from "./internal/abort.js";

/** Options for {@link createSlidingWindowLimiter}. */
export interface SlidingWindowLimiterOptions {
  /** Starts allowed per window. Default 9. */
  limit?: number;
  /** Window length in ms. Default 1000. */
  windowMs?: number;
  /** Clock in ms. Default `Date.now`. */
  now?: () => number;
}

/** Gates request starts. */
export interface RequestLimiter {
  /** Resolves when one request may start; rejects with the signal's reason if aborted while waiting. */
  acquire(signal?: AbortSignal): Promise<void>;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * Sliding window: waiters are served first-in first-out, and one timer (never a busy loop) wakes the
 * queue when the oldest start in the window expires.
 *
 * @example
 * const limiter = createSlidingWindowLimiter();          // 9 starts per 1000 ms
 * await limiter.acquire(signal); await fetch(url);
 */
export function createSlidingWindowLimiter(opts: SlidingWindowLimiterOptions = {}): RequestLimiter {
  const limit = opts.limit ?? 9;
  const windowMs = opts.windowMs ?? 1000;
  const now = opts.now ?? Date.now;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  if (!(windowMs > 0)) throw new RangeError("windowMs must be positive");

  // The last `limit` start times, oldest first, as a ring buffer.
  const starts = new Array<number>(limit).fill(Number.NEGATIVE_INFINITY);
  let oldest = 0;
  const queue: Waiter[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Ms until another start is allowed (0 = now). */
  function waitMs(): number {
    const free = (starts[oldest] as number) + windowMs - now();
    return Math.max(free, 0);
  }

  function recordStart(): void {
    starts[oldest] = now();
    oldest = (oldest + 1) % limit;
  }

  function drain(): void {
    timer = undefined;
    while (queue.length > 0) {
      const wait = waitMs();
      if (wait > 0) {
        // Timers may fire a little early; the next drain re-checks against the clock.
        timer = setTimeout(drain, Math.ceil(wait));
        return;
      }
      const waiter = queue.shift() as Waiter;
      if (waiter.onAbort !== undefined) waiter.signal?.removeEventListener("abort", waiter.onAbort);
      recordStart();
      waiter.resolve();
    }
  }

  return {
    acquire(signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      if (queue.length === 0 && waitMs() === 0) {
        recordStart();
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
        if (signal !== undefined) {
          waiter.onAbort = () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            if (queue.length === 0 && timer !== undefined) {
              clearTimeout(timer);
              timer = undefined;
            }
            reject(abortReason(signal));
          };
          signal.addEventListener("abort", waiter.onAbort, { once: true });
        }
        queue.push(waiter);
        if (timer === undefined) drain();
      });
    },
  };
}
