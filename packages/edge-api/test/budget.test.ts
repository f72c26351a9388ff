/**
 * The request budget nobody can starve, over real HTTP against the sandbox: availability costs
 * coreplus whole weeks (cached per week, sliced locally), and a booking keeps its priority lane
 * through a flood of reads from one address.
 */
import { addDays } from "@coreplus-kit/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMemoryState } from "../src/index.ts";
import { serveEdgeApi } from "../src/node.ts";
import {
  availability,
  bookingBody,
  getJson,
  PINNED_NOW,
  patient,
  postBooking,
  type Stack,
  seedIds,
  solvedProof,
  startStack,
} from "./stack.ts";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  s = await startStack();
  ids = seedIds(s);
});
afterAll(() => s?.close());

/** The Mondays of the weeks [from, to] touches (independently of the code under test). */
function weeks(from: string, to: string): Set<string> {
  const out = new Set<string>();
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    out.add(addDays(d, -((wd + 6) % 7)));
  }
  return out;
}

describe("availability in whole weeks", () => {
  test("40 distinct 31-day queries cost at most the distinct weeks they touch", {
    timeout: 60_000,
  }, async () => {
    // Warm the catalogue, then count availability calls only.
    await getJson(`${s.api}/practitioners`);
    await s.controls.resetStats();
    const touched = new Set<string>();
    const lastBookable = addDays("2026-11-30", 60);
    for (let i = 0; i < 40; i++) {
      const from = addDays("2026-11-30", i);
      const to = addDays(from, 30);
      const res = await availability(s, {
        locationId: ids.docklands,
        appointmentTypeId: ids.standard,
        practitionerId: ids.nguyen,
        from,
        to,
      });
      expect(res.status).toBe(200);
      expect(res.body.days).toHaveLength(31);
      for (const w of weeks(from, [to, lastBookable].sort()[0] as string)) touched.add(w);
    }
    const calls = (await s.controls.stats()).byRoute["GET /AvailabilitySlot/"] ?? 0;
    expect(touched.size).toBe(9);
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(touched.size);
  });

  test("slicing a week gives what an exact query gives", async () => {
    const q = {
      locationId: ids.williamstown,
      appointmentTypeId: ids.standard,
      from: "2026-12-09",
      to: "2026-12-17",
    };
    const sliced = await availability(s, q);
    const days = sliced.body.days.map((d) => d.date);
    expect(days[0]).toBe("2026-12-09");
    expect(days.at(-1)).toBe("2026-12-17");
    for (const d of sliced.body.days)
      for (const slot of d.slots) expect(slot.start.slice(0, 10)).toBe(d.date);
    const oneDay = await availability(s, { ...q, from: "2026-12-10", to: "2026-12-10" });
    expect(oneDay.body.days[0]).toEqual(sliced.body.days[1]);
  });
});

describe("the priority lane", () => {
  test("during a 20-client read flood from one address, a booking from another completes in under 2 s", {
    timeout: 60_000,
  }, async () => {
    // Every read misses the cache (no availability caching), so the flood saturates the budget.
    const config = {
      ...s.edge.config,
      clinics: s.edge.config.clinics.map((c) => ({
        ...c,
        limits: { ...c.limits, misses: null },
        cache: { ...c.cache, availabilityTtlMs: 0 },
      })),
    };
    const edge = await serveEdgeApi({
      port: 0,
      config,
      now: () => new Date(PINNED_NOW),
      logger: () => {},
      trustProxy: true,
      state: createMemoryState(),
    });
    await s.controls.setLatency(150);
    let flooding = true;
    const api = `${edge.url}/v1/clinics/harbourside`;
    const flood = Array.from({ length: 20 }, async (_, client) => {
      let n = 0;
      while (flooding) {
        const from = addDays("2026-12-01", (client * 7 + n++) % 50);
        const q = { locationId: ids.docklands, appointmentTypeId: ids.standard, from, to: addDays(from, 6) };
        await fetch(`${api}/availability?${new URLSearchParams(q)}`, {
          headers: { "x-forwarded-for": "203.0.113.66" },
        }).then((r) => r.arrayBuffer());
      }
    });
    try {
      const { body } = await getJson<{
        days: { slots: { start: string; practitionerId: string; locationId: string }[] }[];
      }>(
        `${s.api}/availability?${new URLSearchParams({ locationId: ids.williamstown, appointmentTypeId: ids.standard, from: "2026-12-22", to: "2026-12-22" })}`,
      );
      const slot = body.days[0]!.slots[0]!;
      // Let the flood fill the budget's queue first.
      await new Promise((r) => setTimeout(r, 2_000));
      // The widget solves the challenge in the background while the patient types: not part of the wait.
      const proof = await solvedProof(api);
      const started = performance.now();
      const booked = await postBooking(
        api,
        { ...bookingBody(slot, ids.standard, patient()), proof },
        "priority-lane-1",
        {
          "x-forwarded-for": "198.51.100.20",
        },
      );
      const ms = performance.now() - started;
      expect(booked.status).toBe(201);
      expect(ms).toBeLessThan(2_000);
    } finally {
      flooding = false;
      await Promise.all(flood);
      await s.controls.setLatency(0);
      await edge.close();
    }
  });
});
