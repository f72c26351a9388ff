/** Visitor limits (reads and bookings apart, preflights free) and the per-consumer request budget. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { serveEdgeApi } from "../src/node.ts";
import { getJson, PINNED_NOW, patient, postBooking, type Stack, seedIds, startStack } from "./stack.ts";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  s = await startStack({
    config: (c) => {
      const base = c.clinics[0]!;
      return {
        ...c,
        clinics: [
          base,
          // Same consumer, its own cache.
          { ...base, slug: "second" },
          // Same consumer; tight visitor limits.
          {
            ...base,
            slug: "tight",
            limits: { reads: { limit: 5, windowMs: 60_000 }, bookings: { limit: 2, windowMs: 60_000 } },
          },
        ],
      };
    },
  });
  ids = seedIds(s);
});
afterAll(() => s?.close());

type Problem = { type: string; status: number };

describe("visitor limits", () => {
  test("reads and bookings are counted apart; preflights never count; 429 carries Retry-After", async () => {
    const api = `${s.edge.url}/v1/clinics/tight`;
    for (let i = 0; i < 10; i++) {
      const pre = await fetch(api, {
        method: "OPTIONS",
        headers: { origin: "http://localhost:1", "access-control-request-method": "GET" },
      });
      expect(pre.status).toBe(204);
    }
    for (let i = 0; i < 5; i++) expect((await fetch(api)).status).toBe(200);
    const limited = await getJson<Problem>(api);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(limited.body.type).toMatch(/\/rate-limited$/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    const post = () =>
      fetch(`${api}/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
    expect((await post()).status).toBe(400); // counted, and answered: no Idempotency-Key
    expect((await post()).status).toBe(400);
    expect((await post()).status).toBe(429);

    // Another clinic keeps its own (generous) limits for the same visitor.
    expect((await fetch(s.api)).status).toBe(200);
  });

  test("X-Forwarded-For counts only when the configuration trusts a proxy", async () => {
    const config = s.edge.config;
    const untrusted = await serveEdgeApi({
      port: 0,
      config,
      now: () => new Date(PINNED_NOW),
      logger: () => {},
    });
    const trusted = await serveEdgeApi({
      port: 0,
      config,
      now: () => new Date(PINNED_NOW),
      logger: () => {},
      trustProxy: true,
    });
    try {
      const hammer = async (origin: string) => {
        const statuses: number[] = [];
        for (let i = 0; i < 7; i++)
          statuses.push(
            (await fetch(`${origin}/v1/clinics/tight`, { headers: { "x-forwarded-for": `203.0.113.${i}` } }))
              .status,
          );
        return statuses;
      };
      // Ignored: one visitor (the socket), limited after 5.
      expect(await hammer(untrusted.url)).toEqual([200, 200, 200, 200, 200, 429, 429]);
      // Trusted: seven visitors.
      expect(await hammer(trusted.url)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    } finally {
      await untrusted.close();
      await trusted.close();
    }
  });
});

describe("the request budget", () => {
  test("is per consumer: two clinics' uncached reads together stay under coreplus's limit", {
    timeout: 30_000,
  }, async () => {
    // The previous test's extra edge servers had budgets of their own: let their last second pass.
    await new Promise((r) => setTimeout(r, 1_100));
    // Availability is read in whole weeks: 24 uncached reads are 24 distinct (clinic, week, practitioner).
    const { body: listed } = await getJson<{ practitioners: { id: string; appointmentTypeIds: string[] }[] }>(
      `${s.api}/practitioners?locationId=${ids.hamilton}`,
    );
    await getJson(`${s.edge.url}/v1/clinics/second/practitioners?locationId=${ids.hamilton}`);
    const pracs = listed.practitioners
      .filter((p) => p.appointmentTypeIds.includes(ids.standard))
      .map((p) => p.id);
    const mondays = [
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
      "2027-01-04",
      "2027-01-11",
      "2027-01-18",
      "2027-01-25",
    ];
    const queries: { clinic: string; q: Record<string, string> }[] = [];
    for (const clinic of ["harbourside", "second"])
      for (const day of mondays)
        for (const practitionerId of pracs)
          queries.push({
            clinic,
            q: {
              locationId: ids.hamilton,
              appointmentTypeId: ids.standard,
              practitionerId,
              from: day,
              to: day,
            },
          });
    expect(queries.length).toBeGreaterThanOrEqual(24);
    queries.length = 24;
    await s.controls.resetStats();
    const started = Date.now();
    const answers = await Promise.all(
      queries.map(({ clinic, q }) =>
        getJson(`${s.edge.url}/v1/clinics/${clinic}/availability?${new URLSearchParams(q)}`),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(24).fill(200));
    const stats = await s.controls.stats();
    expect(stats.rateLimited).toBe(0);
    // 24 calls at no more than 9 a second take well over two seconds.
    expect(stats.byRoute["GET /AvailabilitySlot/"]).toBe(24);
    expect(Date.now() - started).toBeGreaterThan(2_000);
  });

  test("bookings queue behind a saturated budget and still complete, never dropped", {
    timeout: 40_000,
  }, async () => {
    await new Promise((r) => setTimeout(r, 1_100));
    await s.controls.resetStats();
    const reads = Array.from({ length: 27 }, (_, i) => {
      const day = `2027-01-${String(1 + i).padStart(2, "0")}`;
      const q = { locationId: ids.docklands, appointmentTypeId: ids.initial, from: day, to: day };
      return getJson(`${s.api}/availability?${new URLSearchParams(q)}`);
    });
    const { body } = await getJson<{
      days: { slots: { start: string; practitionerId: string; locationId: string }[] }[];
    }>(
      `${s.api}/availability?${new URLSearchParams({ locationId: ids.williamstown, appointmentTypeId: ids.standard, from: "2026-12-21", to: "2026-12-21" })}`,
    );
    const slots = body.days[0]!.slots.slice(0, 3);
    const bookings = slots.map((slot, i) =>
      postBooking(
        s.api,
        {
          slot: { ...slot, appointmentTypeId: ids.standard, end: undefined },
          patient: patient(),
          consent: true,
        },
        `queued-booking-${i}`,
      ),
    );
    const answers = await Promise.all(bookings);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect((await Promise.all(reads)).map((r) => r.status)).toEqual(Array(27).fill(200));
    expect((await s.controls.stats()).rateLimited).toBe(0);
  });
});
