/**
 * The Redis state against a real redis-server: the same contract as the memory state, then what only
 * a state shared between processes must do (several factories stand for several processes).
 */

import {
  freePort,
  requireRedisUnderCi,
  startRedis,
  type TestRedis,
} from "@coreplus-kit/test-support/redis-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMemoryState, type IdempotencyRecord } from "../../src/index.ts";
import { createRedisState, LockLostError, type RedisState, type RedisStateOptions } from "../../src/node.ts";
import { maxInWindow } from "../max-in-window.ts";
import { stateContract } from "./state-contract.ts";

/** Under CI=true a missing redis-server fails; elsewhere the suite is skipped, saying why. */
const HAVE_REDIS = requireRedisUnderCi("edge-api redis state");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the state contract: memory", () => {
  stateContract(() => createMemoryState({ requestsPerSecond: 5, reservedForPriority: 0 }));
});

describe.runIf(HAVE_REDIS)("redis state", () => {
  let redis: TestRedis;
  const open: RedisState[] = [];
  let run = 0;
  /** A connected state; every call of `fresh()` gets its own key prefix unless one is given. */
  async function connect(opts: Partial<RedisStateOptions> = {}): Promise<RedisState> {
    const state = createRedisState({
      url: redis.url,
      prefix: `t${run}:`,
      requestsPerSecond: 5,
      reservedForPriority: 0,
      ...opts,
    });
    open.push(state);
    await state.ready();
    return state;
  }
  const fresh = (opts: Partial<RedisStateOptions> = {}) => {
    run++;
    return connect(opts);
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await redis?.stop();
  });

  describe("the state contract: redis", () => {
    stateContract(() => fresh());
  });

  test("ready() fails with the password redacted when Redis cannot be reached", async () => {
    const port = await freePort();
    const state = createRedisState(`redis://edge:s3cret-pass@127.0.0.1:${port}`);
    const err = await state.ready().then(
      () => undefined,
      (e: Error) => e,
    );
    await state.close();
    expect(err?.message).toMatch(
      new RegExp(`^cannot reach Redis at redis://edge:\\*\\*\\*@127\\.0\\.0\\.1:${port}`),
    );
    expect(err?.message).not.toContain("s3cret");
  });

  test("two processes share one cache, one coalesced load and one set of taken slots", async () => {
    const a = (await fresh()).forClinic("clinic");
    const b = (await connect()).forClinic("clinic");
    await a.cacheSet("k", [1, 2], { freshMs: 1_000, staleMs: 0 });
    expect((await b.cacheGet("k"))?.value).toEqual([1, 2]);
    let runs = 0;
    const load = async () => {
      runs++;
      await sleep(150);
      return "loaded";
    };
    const both = await Promise.all([a.coalesce("x", load), b.coalesce("x", load), b.coalesce("x", load)]);
    expect(both).toEqual(["loaded", "loaded", "loaded"]);
    expect(runs).toBe(1);
    await a.markSlotTaken("p|9", 5_000);
    expect(await b.takenSlots()).toEqual(["p|9"]);
  });

  test("a process serves a fresh entry it read for localCacheMs, then sees another's refresh", async () => {
    const a = (await fresh({ localCacheMs: 300 })).forClinic("clinic");
    const b = (await connect()).forClinic("clinic");
    await b.cacheSet("k", "v1", { freshMs: 10_000, staleMs: 0 });
    expect((await a.cacheGet("k"))?.value).toBe("v1");
    await b.cacheSet("k", "v2", { freshMs: 10_000, staleMs: 0 });
    await sleep(350);
    expect((await a.cacheGet("k"))?.value).toBe("v2");
    // Its own writes it sees at once.
    await a.cacheSet("k", "v3", { freshMs: 10_000, staleMs: 0 });
    expect((await a.cacheGet("k"))?.value).toBe("v3");
  });

  test("locks across processes: one holder at a time, in arrival order", async () => {
    const states = [
      (await fresh()).forClinic("c"),
      (await connect()).forClinic("c"),
      (await connect()).forClinic("c"),
    ];
    const order: number[] = [];
    let inside = 0;
    let maxInside = 0;
    const runs: Promise<void>[] = [];
    for (let i = 0; i < 6; i++) {
      runs.push(
        states[i % 3]!.withLock("slot", { waitMs: 5_000, leaseMs: 5_000 }, async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await sleep(20);
          order.push(i);
          inside--;
        }),
      );
      await sleep(50); // spaced so that arrival order is the loop's order on a busy machine
    }
    await Promise.all(runs);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(maxInside).toBe(1);
  });

  test("a live holder keeps its lock past the liveness by renewing it, up to its lease", async () => {
    const a = (await fresh({ lockLivenessMs: 600 })).forClinic("c");
    const b = (await connect({ lockLivenessMs: 600 })).forClinic("c");
    const holding = a.withLock("slot", { waitMs: 1_000, leaseMs: 5_000 }, () => sleep(2_000));
    await sleep(50);
    // Without renewal the lock would lapse after 600 ms and b would get it within its 1.5 s.
    await expect(b.withLock("slot", { waitMs: 1_500, leaseMs: 5_000 }, async () => 1)).rejects.toThrow(
      /not obtained/,
    );
    await holding;
    expect(await b.withLock("slot", { waitMs: 500, leaseMs: 5_000 }, async () => "mine")).toBe("mine");
  });

  test("fencing: a holder whose lease ran out cannot write under it", async () => {
    const a = (await fresh({ lockLivenessMs: 5_000 })).forClinic("c");
    const b = (await connect()).forClinic("c");
    const record = (hash: string): IdempotencyRecord => ({
      bodyHash: hash,
      status: "pending",
      progress: {},
      createdAt: 0,
      updatedAt: 0,
    });
    let resume!: () => void;
    let inside!: () => void;
    const entered = new Promise<void>((r) => {
      inside = r;
    });
    const stalled = a.withLock("slot", { waitMs: 1_000, leaseMs: 300 }, async () => {
      await a.idempotencyPut("key", record("first"), 60_000); // still held: written
      inside();
      await new Promise<void>((r) => {
        resume = r;
      });
      await a.idempotencyPut("key", record("stale"), 60_000);
    });
    await entered;
    // The lease (300 ms) runs out; b takes the lock and writes.
    await b.withLock("slot", { waitMs: 2_000, leaseMs: 5_000 }, async () => {
      await b.idempotencyPut("key", record("second"), 60_000);
      await b.markSlotTaken("p|1", 60_000);
    });
    resume();
    const err = await stalled.then(
      () => undefined,
      (e: { status?: number; cause?: unknown }) => e,
    );
    expect(err?.status).toBe(503);
    expect(err?.cause).toBeInstanceOf(LockLostError);
    expect((await b.idempotencyGet("key"))?.bodyHash).toBe("second");
    // The same for the taken-slot mark.
    const late = a.withLock("other", { waitMs: 1_000, leaseMs: 200 }, async () => {
      await sleep(400);
      await a.markSlotTaken("p|2", 60_000);
    });
    await expect(late).rejects.toMatchObject({ status: 503 });
    expect(await b.takenSlots()).toEqual(["p|1"]);
  });

  test("a holder that vanishes frees its lock after the liveness", async () => {
    const dying = await fresh({ lockLivenessMs: 300 });
    const survivor = (await connect({ lockLivenessMs: 300 })).forClinic("c");
    let entered!: () => void;
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    void dying
      .forClinic("c")
      .withLock("slot", { waitMs: 1_000, leaseMs: 60_000 }, async () => {
        entered();
        await new Promise(() => {}); // never returns
      })
      .catch(() => undefined);
    await inside;
    await dying.close(); // no release, no renewal: as if the process was killed
    const t0 = Date.now();
    expect(
      await survivor.withLock("slot", { waitMs: 10_000, leaseMs: 5_000 }, async () => "taken over"),
    ).toBe("taken over");
    // Freed by the liveness (300 ms), not held for its 60 s lease.
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  test("the consumer budget is one window for every process", { timeout: 20_000 }, async () => {
    const factories = [await fresh(), await connect(), await connect()];
    const starts: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 15 }, async (_, i) => {
        const release = await factories[i % 3]!.forConsumer("consumer").limiter.lease!();
        starts.push(performance.now());
        await sleep(30); // the response
        release();
      }),
    );
    expect(maxInWindow(starts, 1000)).toBeLessThanOrEqual(5);
    expect(performance.now() - t0).toBeGreaterThan(1_900);
  });

  test("the priority lane: reads leave the reserved slot free, across processes; a booking's lease starts at once", {
    timeout: 20_000,
  }, async () => {
    const [a, b] = [await fresh({ reservedForPriority: 1 }), await connect({ reservedForPriority: 1 })];
    const reads = await Promise.all(
      Array.from({ length: 4 }, () => a.forConsumer("consumer").limiter.lease!()),
    );
    let fifthAt = 0;
    const fifth = b.forConsumer("consumer").limiter.lease!().then((release) => {
      fifthAt = performance.now();
      return release;
    });
    await sleep(300);
    expect(fifthAt).toBe(0); // the last free slot is reserved for priority requests
    const asked = performance.now();
    const booking = await b.forConsumer("consumer").limiter.lease!(undefined, { priority: true });
    expect(performance.now() - asked).toBeLessThan(300);
    booking();
    for (const release of reads) release();
    // Released slots free a window later; the read then starts (reads are held back, not refused).
    (await fifth)();
    expect(fifthAt - asked).toBeGreaterThanOrEqual(900);
  });

  test("the reserve holds while reads' slots are inside their window, not only while leased", {
    timeout: 20_000,
  }, async () => {
    const [a, b] = [await fresh({ reservedForPriority: 1 }), await connect({ reservedForPriority: 1 })];
    const t0 = performance.now();
    for (let i = 0; i < 4; i++) await a.forConsumer("consumer").limiter.acquire();
    const fifth = b
      .forConsumer("consumer")
      .limiter.acquire()
      .then(() => performance.now() - t0);
    const asked = performance.now();
    await b.forConsumer("consumer").limiter.acquire(undefined, { priority: true });
    expect(performance.now() - asked).toBeLessThan(300);
    expect(await fifth).toBeGreaterThanOrEqual(900); // the fifth read waited for a window to pass
  });

  test("visitor limits are shared by every process", async () => {
    const a = (await fresh()).forClinic("c");
    const b = (await connect()).forClinic("c");
    expect((await a.hit("v", 2, 1_000)).allowed).toBe(true);
    expect((await b.hit("v", 2, 1_000)).allowed).toBe(true);
    expect((await a.hit("v", 2, 1_000)).allowed).toBe(false);
  });

  test("Redis restarted: calls fail as 503 while it is away, then work again on the same state", {
    timeout: 20_000,
  }, async () => {
    const state = await fresh();
    const clinic = state.forClinic("c");
    await clinic.markSlotTaken("p|1", 60_000);
    expect(await state.health()).toEqual({ store: "redis", status: "ok" });
    await redis.stop(true);
    await expect(clinic.takenSlots()).rejects.toMatchObject({ status: 503 });
    expect(await state.health()).toEqual({ store: "redis", status: "down" });
    await redis.start();
    const deadline = Date.now() + 10_000;
    let slots: readonly string[] | undefined;
    while (!slots && Date.now() < deadline) {
      slots = await clinic.takenSlots().catch(() => undefined);
      if (!slots) await sleep(100);
    }
    // Nothing was persisted: the restarted Redis is empty, and the state works on it.
    expect(slots).toEqual([]);
    await clinic.markSlotTaken("p|2", 60_000);
    expect(await clinic.takenSlots()).toEqual(["p|2"]);
    expect(await clinic.withLock("slot", { waitMs: 1_000, leaseMs: 1_000 }, async () => "ok")).toBe("ok");
    expect(await state.health()).toEqual({ store: "redis", status: "ok" });
  });
});
