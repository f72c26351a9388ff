import { describe, expect, test } from "vitest";
import { createMemoryState } from "../state/index.js";
import type { ClinicRuntime, RequestScope } from "../types.js";
import { read } from "./cached-read.js";

const policy = { freshMs: 60_000, staleMs: 60_000 };

/** A request scope on one clinic's memory state; `onMiss` runs where a miss would charge the visitor. */
function scopeOn(
  state: ReturnType<ReturnType<typeof createMemoryState>["forClinic"]>,
  onMiss?: () => Promise<void>,
) {
  const scope: RequestScope = {
    rt: { state } as unknown as ClinicRuntime,
    now: new Date(),
    wallNow: Date.now,
    defer: () => {},
    log: () => {},
    cache: [],
    visitor: "203.0.113.9",
    generation: 0,
    startedAt: Date.now(),
    freshUntil: Number.POSITIVE_INFINITY,
    validUntil: Number.POSITIVE_INFINITY,
    ...(onMiss ? { onMiss } : {}),
  };
  return scope;
}

describe("read-through cache", () => {
  test("a caller that missed before another flight stored the value does not load it again", async () => {
    const state = createMemoryState().forClinic("c");
    let loads = 0;
    const load = async () => {
      loads += 1;
      return { n: loads };
    };
    // B finds no entry, then is held (as a busy event loop holds it) until A's flight has stored.
    let firstDone!: () => void;
    const stored = new Promise<void>((resolve) => {
      firstDone = resolve;
    });
    const b = scopeOn(state, () => stored);
    const bAnswer = read(b, "k", policy, load);
    const aAnswer = await read(scopeOn(state), "k", policy, load);
    firstDone();
    expect(await bAnswer).toEqual(aAnswer);
    expect(loads).toBe(1);
  });

  test("a stale entry is still refreshed by its background flight", async () => {
    let now = 1_000_000;
    const state = createMemoryState({ now: () => now }).forClinic("c");
    let loads = 0;
    const load = async () => ({ n: ++loads });
    const deferred: Promise<unknown>[] = [];
    const scope = () => ({
      ...scopeOn(state),
      wallNow: () => now,
      defer: (p: Promise<unknown>) => deferred.push(p),
    });
    expect(await read(scope(), "k", policy, load)).toEqual({ n: 1 });
    now += policy.freshMs + 1;
    expect(await read(scope(), "k", policy, load)).toEqual({ n: 1 });
    await Promise.all(deferred);
    expect(await read(scope(), "k", policy, load)).toEqual({ n: 2 });
    expect(loads).toBe(2);
  });
});
