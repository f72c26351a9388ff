import { describe, expect, test } from "vitest";
import { createMemoryState } from "./memory.js";
import { LockTimeoutError } from "./types.js";

describe("memory state", () => {
  test("cache entries expire after their stale window, and the LRU is bounded", async () => {
    let now = 1_000;
    const state = createMemoryState({ maxCacheEntries: 2, now: () => now }).forClinic("a");
    await state.cacheSet("k", { v: 1 }, { freshMs: 10, staleMs: 20 });
    expect(await state.cacheGet("k")).toMatchObject({
      value: { v: 1 },
      freshUntil: 1_010,
      staleUntil: 1_030,
    });
    now = 1_029;
    expect(await state.cacheGet("k")).toBeDefined();
    now = 1_030;
    expect(await state.cacheGet("k")).toBeUndefined();
    await state.cacheSet("a", 1, { freshMs: 100, staleMs: 0 });
    await state.cacheSet("b", 2, { freshMs: 100, staleMs: 0 });
    await state.cacheGet("a"); // "a" is now the most recent
    await state.cacheSet("c", 3, { freshMs: 100, staleMs: 0 });
    expect(await state.cacheGet("b")).toBeUndefined();
    expect((await state.cacheGet("a"))?.value).toBe(1);
  });

  test("claimOnce: the first caller wins until the claim expires; concurrent claims admit one", async () => {
    let now = 1_000;
    const state = createMemoryState({ now: () => now }).forClinic("a");
    const claims = await Promise.all(Array.from({ length: 20 }, () => state.claimOnce("proof:x", 100)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await state.claimOnce("proof:y", 100)).toBe(true);
    now = 1_099;
    expect(await state.claimOnce("proof:x", 100)).toBe(false);
    now = 1_100;
    expect(await state.claimOnce("proof:x", 100)).toBe(true);
  });

  test("coalesce runs one load for concurrent callers", async () => {
    const state = createMemoryState().forClinic("a");
    let runs = 0;
    const load = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
      return runs;
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => state.coalesce("x", load)));
    expect(results).toEqual(Array(10).fill(1));
    expect(await state.coalesce("x", load)).toBe(2);
  });

  test("withLock serialises holders in arrival order and times out waiters", async () => {
    const state = createMemoryState().forClinic("a");
    const order: number[] = [];
    let inside = 0;
    let maxInside = 0;
    const work = (i: number) =>
      state.withLock("slot", { waitMs: 1_000, leaseMs: 5_000 }, async () => {
        inside++;
        maxInside = Math.max(maxInside, inside);
        await new Promise((r) => setTimeout(r, 5));
        order.push(i);
        inside--;
        return i;
      });
    await Promise.all([0, 1, 2, 3, 4].map(work));
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(maxInside).toBe(1);

    const slow = state.withLock(
      "slow",
      { waitMs: 1_000, leaseMs: 5_000 },
      () => new Promise((r) => setTimeout(r, 100)),
    );
    await expect(
      state.withLock("slow", { waitMs: 20, leaseMs: 5_000 }, async () => 1),
    ).rejects.toBeInstanceOf(LockTimeoutError);
    // The one who gave up does not block the next in line.
    expect(await state.withLock("slow", { waitMs: 1_000, leaseMs: 5_000 }, async () => "next")).toBe("next");
    await slow;
  });

  test("idempotency records are copies and expire", async () => {
    let now = 0;
    const state = createMemoryState({ now: () => now }).forClinic("a");
    const record = { bodyHash: "h", status: "pending" as const, progress: {}, createdAt: 0, updatedAt: 0 };
    await state.idempotencyPut("k", record, 100);
    const got = await state.idempotencyGet("k");
    got!.progress.clientId = "changed";
    expect((await state.idempotencyGet("k"))?.progress).toEqual({});
    now = 100;
    expect(await state.idempotencyGet("k")).toBeUndefined();
  });

  test("visitor limits: a sliding window per key", async () => {
    let now = 0;
    const state = createMemoryState({ now: () => now }).forClinic("a");
    for (let i = 0; i < 3; i++) expect((await state.hit("v", 3, 1_000)).allowed).toBe(true);
    const refused = await state.hit("v", 3, 1_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect((await state.hit("other", 3, 1_000)).allowed).toBe(true);
    now = 2_500; // two windows later, the old counts no longer weigh
    expect((await state.hit("v", 3, 1_000)).allowed).toBe(true);
  });

  test("taken slots expire", async () => {
    let now = 0;
    const state = createMemoryState({ now: () => now }).forClinic("a");
    await state.markSlotTaken("p|1", 50);
    expect(await state.takenSlots()).toEqual(["p|1"]);
    now = 50;
    expect(await state.takenSlots()).toEqual([]);
  });

  test("one state per clinic slug and one limiter per consumer", () => {
    const factory = createMemoryState();
    expect(factory.forClinic("a")).toBe(factory.forClinic("a"));
    expect(factory.forClinic("a")).not.toBe(factory.forClinic("b"));
    expect(factory.forConsumer("x").limiter).toBe(factory.forConsumer("x").limiter);
  });
});
