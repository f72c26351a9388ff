import { getEventListeners } from "node:events";
import { describe, expect, test, vi } from "vitest";
import { maxInAnyWindow } from "../test/fake-coreplus.js";
import { createSlidingWindowLimiter } from "./limiter.js";

describe("createSlidingWindowLimiter", () => {
  test("a burst of 50 never gets more than 9 starts in any second (default 9/s)", async () => {
    // Fake timers and clock make the grant times exact. Timestamps taken by the caller on a real clock
    // also measure how late the process resumed the caller (several ms when the 2 cores are busy), which
    // bunches windows that the limiter kept apart. The real-clock guarantee, measured where it matters
    // (arrivals at a server), is the client's "burst of 50 calls" test in client/resilience.test.ts.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    try {
      const limiter = createSlidingWindowLimiter();
      const startedAt = performance.now();
      const times: number[] = [];
      const all = Promise.all(
        Array.from({ length: 50 }, async () => {
          await limiter.acquire();
          times.push(performance.now());
        }),
      );
      await vi.advanceTimersByTimeAsync(7000);
      await all;
      expect(times).toHaveLength(50);
      expect(maxInAnyWindow(times, 1000)).toBeLessThanOrEqual(9);
      // 50 starts at 9 per window: the last five wait for the sixth window, which opens just after 5 s.
      const elapsed = Math.max(...times) - startedAt;
      expect(elapsed).toBeGreaterThanOrEqual(5 * 1000);
      expect(elapsed).toBeLessThan(5 * 1000 + 50);
    } finally {
      vi.useRealTimers();
    }
  });

  test("FIFO: waiters are served in the order they asked", async () => {
    const limiter = createSlidingWindowLimiter({ limit: 2, windowMs: 50 });
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        await limiter.acquire();
        order.push(i);
      }),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test("the window slides: a start is allowed exactly when the oldest leaves the window", async () => {
    let clock = 0;
    const limiter = createSlidingWindowLimiter({ limit: 3, windowMs: 100, now: () => clock, marginMs: 0 });
    await limiter.acquire();
    clock = 40;
    await limiter.acquire();
    await limiter.acquire();
    let granted = false;
    const pending = limiter.acquire().then(() => {
      granted = true;
    });
    clock = 99;
    await new Promise((r) => setTimeout(r, 120));
    expect(granted).toBe(false);
    clock = 100;
    await new Promise((r) => setTimeout(r, 20));
    await pending;
    expect(granted).toBe(true);
  });

  test("20 waiters sharing one AbortSignal add one abort listener, so Node prints no MaxListenersExceededWarning", async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on("warning", onWarning);
    try {
      const limiter = createSlidingWindowLimiter({ limit: 1, windowMs: 20 });
      const controller = new AbortController();
      const started: number[] = [];
      await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          await limiter.acquire(controller.signal);
          started.push(i);
        }),
      );
      // Granted waiters unsubscribe: nothing stays on the signal.
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      // The rest abort together: every waiter still hears it through the one listener.
      const waiting = Array.from({ length: 15 }, () => limiter.acquire(controller.signal));
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
      controller.abort(new Error("page closed"));
      const settled = await Promise.allSettled(waiting);
      // process.emitWarning reports on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(started).toHaveLength(20);
      expect(settled.every((r) => r.status === "rejected")).toBe(true);
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  test("an aborted acquire rejects with the signal's reason and frees its place", async () => {
    const limiter = createSlidingWindowLimiter({ limit: 1, windowMs: 200 });
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    const reason = new Error("caller gave up");
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    const t0 = performance.now();
    await next;
    expect(performance.now() - t0).toBeLessThan(400);
    const already = new AbortController();
    already.abort();
    await expect(limiter.acquire(already.signal)).rejects.toMatchObject({ name: "AbortError" });
  });

  test("by default a window is 1 ms longer, so whole-millisecond clocks cannot bunch two windows", async () => {
    // With Date.now, a start at 0.9 ms reads 0; a gate opening at "1000" would let the next start in
    // 999.1 ms later, inside the same second as a server measures it.
    let clock = 0;
    const limiter = createSlidingWindowLimiter({ limit: 1, windowMs: 100, now: () => clock });
    await limiter.acquire();
    let granted = false;
    const pending = limiter.acquire().then(() => {
      granted = true;
    });
    clock = 100;
    await new Promise((r) => setTimeout(r, 30));
    expect(granted).toBe(false);
    clock = 101;
    await new Promise((r) => setTimeout(r, 30));
    await pending;
    expect(granted).toBe(true);
  });

  test("rejects nonsense options", () => {
    expect(() => createSlidingWindowLimiter({ limit: 0 })).toThrow(RangeError);
    expect(() => createSlidingWindowLimiter({ windowMs: 0 })).toThrow(RangeError);
    expect(() => createSlidingWindowLimiter({ marginMs: -1 })).toThrow(RangeError);
  });
});

describe("lease", () => {
  test("a leased slot stays taken until released, then frees a window later", async () => {
    let clock = 0;
    const limiter = createSlidingWindowLimiter({ limit: 1, windowMs: 100, now: () => clock, marginMs: 0 });
    const lease = limiter.lease;
    if (lease === undefined) throw new Error("lease missing");
    const release = await lease(undefined);
    let granted = false;
    const next = limiter.acquire().then(() => {
      granted = true;
    });
    clock = 500; // far past start + window, but the lease is still held
    await new Promise((r) => setTimeout(r, 30));
    expect(granted).toBe(false);
    release();
    release(); // idempotent
    clock = 599;
    await new Promise((r) => setTimeout(r, 120));
    expect(granted).toBe(false);
    clock = 600;
    await new Promise((r) => setTimeout(r, 120));
    await next;
    expect(granted).toBe(true);
  });

  test("leases and plain acquires share the slots, FIFO", async () => {
    const limiter = createSlidingWindowLimiter({ limit: 2, windowMs: 40 });
    const order: string[] = [];
    const first = await limiter.lease?.();
    const tasks = [
      limiter.acquire().then(() => order.push("a")),
      limiter.lease?.().then((release) => {
        order.push("b");
        release();
      }),
      limiter.acquire().then(() => order.push("c")),
    ];
    setTimeout(() => first?.(), 60);
    await Promise.all(tasks);
    expect(order).toEqual(["a", "b", "c"]);
  });
});

describe("priority", () => {
  test("a priority waiter is served before ordinary waiters that queued first", async () => {
    const limiter = createSlidingWindowLimiter({ limit: 1, windowMs: 30 });
    const order: string[] = [];
    await limiter.acquire();
    const tasks = [
      limiter.acquire().then(() => order.push("read-1")),
      limiter.acquire().then(() => order.push("read-2")),
      limiter.acquire(undefined, { priority: true }).then(() => order.push("booking")),
    ];
    await Promise.all(tasks);
    expect(order).toEqual(["booking", "read-1", "read-2"]);
  });

  test("ordinary leases leave the reserved slots to priority requests", async () => {
    const limiter = createSlidingWindowLimiter({ limit: 3, windowMs: 1000, reserved: 1 });
    const lease = (priority: boolean) => limiter.lease?.(undefined, { priority }) as Promise<() => void>;
    const reads = [await lease(false), await lease(false)];
    let third = false;
    const read3 = lease(false).then((r) => {
      third = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false); // only the reserved slot is left
    const started = performance.now();
    const booking = await lease(true);
    expect(performance.now() - started).toBeLessThan(15); // at once, despite the queued read
    for (const release of [...reads, booking]) release();
    (await read3)();
  });

  test("ordinary requests leave the reserved slot free, also while it is inside its window", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    try {
      const limiter = createSlidingWindowLimiter({ limit: 3, windowMs: 1000, reserved: 1 });
      const t0 = performance.now();
      const times: number[] = [];
      const reads = Promise.all(
        [0, 1, 2].map(async () => {
          await limiter.acquire();
          times.push(performance.now() - t0);
        }),
      );
      await vi.advanceTimersByTimeAsync(10);
      expect(times).toEqual([0, 0]); // the third slot is free, and stays so for a priority request
      let bookingAt = -1;
      void limiter.acquire(undefined, { priority: true }).then(() => {
        bookingAt = performance.now() - t0;
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(bookingAt).toBe(10);
      await vi.advanceTimersByTimeAsync(2000);
      await reads;
      expect(times[2]).toBeGreaterThanOrEqual(1000);
    } finally {
      vi.useRealTimers();
    }
  });

  test("under a flood of queued reads, each of a booking's sequential calls waits at most a pace", async () => {
    // Without pacing the flood's starts bunch into one burst a window, and a call that just misses it
    // waits most of a window: five sequential calls then take over 2 s instead of about 1.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    try {
      const limiter = createSlidingWindowLimiter({ limit: 9, windowMs: 1000, reserved: 1 });
      const latency = () => new Promise((r) => setTimeout(r, 150));
      const call = async (priority: boolean) => {
        const release = await (limiter.lease?.(undefined, { priority }) as Promise<() => void>);
        await latency();
        release();
      };
      let flooding = true;
      const flood = Array.from({ length: 20 }, async () => {
        while (flooding) await call(false);
      });
      await vi.advanceTimersByTimeAsync(3000);
      const started = performance.now();
      let took = -1;
      const booking = (async () => {
        for (let i = 0; i < 5; i++) await call(true);
        took = performance.now() - started;
      })();
      await vi.advanceTimersByTimeAsync(3000);
      await booking;
      flooding = false;
      await vi.advanceTimersByTimeAsync(5000);
      await Promise.all(flood);
      const pace = 1001 / 8;
      expect(took).toBeGreaterThanOrEqual(5 * 150);
      expect(took).toBeLessThanOrEqual(5 * (150 + pace));
    } finally {
      vi.useRealTimers();
    }
  });

  test("rejects a reserve that leaves ordinary requests nothing", () => {
    expect(() => createSlidingWindowLimiter({ limit: 2, reserved: 2 })).toThrow(RangeError);
    expect(() => createSlidingWindowLimiter({ limit: 2, reserved: -1 })).toThrow(RangeError);
  });
});
