/**
 * A background loop: runs `run` now and then again `delayMs()` after each run ends, never two runs at
 * once (a run asked for while one is going waits for it), and lets tests await the next run's result.
 */

/** Options of `createLoop`. */
export interface LoopOptions<T> {
  run: () => Promise<T>;
  /** Delay after a run ends until the next starts (read after each run). */
  delayMs: () => number;
  /** What a failed run reports to the waiters; the error itself goes to `onError`. */
  failed: () => T;
  onError: (error: unknown) => void;
}

/** A loop's controls. */
export interface Loop<T> {
  start(): void;
  /** Stops scheduling and waits for a run in progress. */
  stop(): Promise<void>;
  /** Runs once now, after any run in progress. */
  runNow(): Promise<T>;
  /** Resolves with the result of the next run that ends. */
  next(): Promise<T>;
}

/** Creates a loop (not started). */
export function createLoop<T>(opts: LoopOptions<T>): Loop<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<T> | undefined;
  let stopped = true;
  const waiting: ((result: T) => void)[] = [];

  function runNow(): Promise<T> {
    const result = (running ?? Promise.resolve())
      .catch(() => undefined)
      .then(opts.run)
      .then(
        (value) => {
          for (const resolve of waiting.splice(0)) resolve(value);
          return value;
        },
        (error: unknown) => {
          const value = opts.failed();
          for (const resolve of waiting.splice(0)) resolve(value);
          throw error;
        },
      );
    running = result;
    return result;
  }

  function cycle(): void {
    runNow()
      .catch(opts.onError)
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(cycle, opts.delayMs());
        // The HTTP server keeps the process alive; this timer alone should not.
        timer.unref?.();
      });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      cycle();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
    },
    runNow,
    next: () => new Promise((resolve) => waiting.push(resolve)),
  };
}
