/**
 * What every home of the edge API's state promises (state/types.ts), on the real clock so that it can
 * run against a state kept in another process: the memory state and the Redis state both pass it.
 */
import { expect, test } from "vitest";
import { type EdgeStateFactory, LockTimeoutError } from "../../src/index.ts";
import { maxInWindow } from "../max-in-window.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Registers the contract tests. `make` returns a fresh factory (its keys distinct from any other
 * test's) made with `requestsPerSecond: 5`.
 */
export function stateContract(make: () => EdgeStateFactory | Promise<EdgeStateFactory>): void {
  test("cache entries carry their freshness and are gone after their stale window", async () => {
    const state = (await make()).forClinic("a");
    // Windows of a second: wide enough for a loaded machine, short enough to wait out.
    await state.cacheSet("k", { v: 1 }, { freshMs: 500, staleMs: 500 });
    const entry = await state.cacheGet("k");
    expect(entry?.value).toEqual({ v: 1 });
    expect(entry!.freshUntil - entry!.storedAt).toBe(500);
    expect(entry!.staleUntil - entry!.freshUntil).toBe(500);
    expect(await state.cacheGet("other")).toBeUndefined();
    await sleep(1_100);
    expect(await state.cacheGet("k")).toBeUndefined();
  });

  test("coalesce runs one load for concurrent callers, and errors reach every caller", async () => {
    const state = (await make()).forClinic("a");
    let runs = 0;
    const load = async () => {
      runs++;
      await sleep(50);
      return runs;
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => state.coalesce("x", load)));
    expect(results).toEqual(Array(10).fill(1));
    expect(await state.coalesce("x", load)).toBe(2);
    const failing = () => state.coalesce("y", () => Promise.reject(new Error("upstream down")));
    const outcomes = await Promise.allSettled([failing(), failing()]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
  });

  test("withLock serialises holders in arrival order and times out waiters", async () => {
    const state = (await make()).forClinic("a");
    const order: number[] = [];
    let inside = 0;
    let maxInside = 0;
    const work = (i: number) =>
      state.withLock("slot", { waitMs: 5_000, leaseMs: 5_000 }, async () => {
        inside++;
        maxInside = Math.max(maxInside, inside);
        await sleep(10);
        order.push(i);
        inside--;
        return i;
      });
    const runs: Promise<number>[] = [];
    for (const i of [0, 1, 2, 3, 4]) {
      runs.push(work(i));
      // Spaced so that arrival order is the loop's order however busy the machine is.
      await sleep(20);
    }
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(maxInside).toBe(1);

    const slow = state.withLock("slow", { waitMs: 1_000, leaseMs: 5_000 }, () => sleep(300));
    await sleep(20);
    await expect(
      state.withLock("slow", { waitMs: 50, leaseMs: 5_000 }, async () => 1),
    ).rejects.toBeInstanceOf(LockTimeoutError);
    // The one who gave up does not block the next in line.
    expect(await state.withLock("slow", { waitMs: 2_000, leaseMs: 5_000 }, async () => "next")).toBe("next");
    await slow;
    // An error inside releases the lock.
    await expect(
      state.withLock("err", { waitMs: 1_000, leaseMs: 5_000 }, () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    expect(await state.withLock("err", { waitMs: 200, leaseMs: 5_000 }, async () => "free")).toBe("free");
  });

  test("idempotency records are copies and expire", async () => {
    const state = (await make()).forClinic("a");
    const record = { bodyHash: "h", status: "pending" as const, progress: {}, createdAt: 0, updatedAt: 0 };
    await state.idempotencyPut("k", record, 1_000);
    const got = await state.idempotencyGet("k");
    expect(got).toEqual(record);
    got!.progress.clientId = "changed";
    expect((await state.idempotencyGet("k"))?.progress).toEqual({});
    expect(await state.idempotencyGet("absent")).toBeUndefined();
    await sleep(1_100);
    expect(await state.idempotencyGet("k")).toBeUndefined();
  });

  test("visitor limits: a sliding window per key", async () => {
    const state = (await make()).forClinic("a");
    for (let i = 0; i < 3; i++) expect((await state.hit("v", 3, 1_000)).allowed).toBe(true);
    const refused = await state.hit("v", 3, 1_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect((await state.hit("other", 3, 1_000)).allowed).toBe(true);
    await sleep(2_100); // two windows later, the old counts no longer weigh
    expect((await state.hit("v", 3, 1_000)).allowed).toBe(true);
  });

  test("taken slots expire", async () => {
    const state = (await make()).forClinic("a");
    await state.markSlotTaken("p|1", 1_000);
    await state.markSlotTaken("p|2", 10_000);
    expect([...(await state.takenSlots())].sort()).toEqual(["p|1", "p|2"]);
    await sleep(1_100);
    expect(await state.takenSlots()).toEqual(["p|2"]);
  });

  test("one state per clinic slug and one limiter per consumer; clinics do not share keys", async () => {
    const factory = await make();
    expect(factory.forClinic("a")).toBe(factory.forClinic("a"));
    expect(factory.forClinic("a")).not.toBe(factory.forClinic("b"));
    expect(factory.forConsumer("x").limiter).toBe(factory.forConsumer("x").limiter);
    await factory.forClinic("a").markSlotTaken("s", 5_000);
    expect(await factory.forClinic("b").takenSlots()).toEqual([]);
  });

  test("the consumer budget: never more starts in a window than allowed, leases held until released", {
    timeout: 20_000,
  }, async () => {
    const { limiter } = (await make()).forConsumer("https://coreplus.example|c1");
    const starts: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        const release = await limiter.lease!();
        // Released after the start is recorded: a slot reused a window later is a window after the record,
        // however late a busy event loop records it.
        starts.push(performance.now());
        release();
      }),
    );
    expect(maxInWindow(starts, 1000)).toBeLessThanOrEqual(5);
    // 12 starts at 5 a second need two more windows after the first.
    expect(performance.now() - t0).toBeGreaterThan(1_900);

    // Five leases held: a sixth start waits for a release, then a window after it.
    const { limiter: leased } = (await make()).forConsumer("https://coreplus.example|c2");
    const releases = await Promise.all(Array.from({ length: 5 }, () => leased.lease!()));
    let sixth = 0;
    const waiting = leased.acquire().then(() => {
      sixth = performance.now();
    });
    await sleep(1_300);
    expect(sixth).toBe(0);
    const releasedAt = performance.now();
    releases[0]!();
    await waiting;
    expect(sixth - releasedAt).toBeGreaterThanOrEqual(990);
    for (const r of releases) r();
  });

  test("a start given up while waiting rejects with the signal's reason", async () => {
    const { limiter } = (await make()).forConsumer("https://coreplus.example|c3");
    await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
    const reason = new Error("the visitor went away");
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 100);
    await expect(limiter.acquire(controller.signal)).rejects.toBe(reason);
  });
}
