/**
 * Races and the request budget with requests arriving through several Worker scripts (each its own
 * isolate) at once, sharing the clinic and consumer Durable Objects.
 */
import { describe, expect, test } from "vitest";
import {
  arrivals,
  book,
  bookingFor,
  call,
  clearArrivals,
  controls,
  counts,
  type Edge,
  freeSlots,
  freshSandbox,
  maxInWindow,
  patient,
  replicas,
  self,
} from "./harness.ts";

const ids = freshSandbox();
const edges: Edge[] = [self, ...replicas];

describe("races across scripts", () => {
  test("60 concurrent bookings for 6 slots through 4 scripts: exactly 6 × 201 and 54 × 409", async () => {
    const slots = (await freeSlots(self, ids, "2026-12-15")).slice(0, 6);
    expect(slots).toHaveLength(6);
    const before = await counts();
    await controls.resetStats();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        book(
          edges[i % edges.length]!,
          bookingFor(ids, slots[i % 6]!, patient("race")),
          `workers-race-${i}-key`,
        ),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(6);
    expect(statuses.filter((s) => s === 409)).toHaveLength(54);
    for (const a of answers.filter((x) => x.status === 409))
      expect(a.body.type).toBe("https://coreplus-kit.dev/problems/slot-unavailable");
    const won = answers
      .filter((a) => a.status === 201)
      .map((a) => a.body.booking as { start: string; practitioner: { id: string } })
      .map((b) => `${b.start}|${b.practitioner.id}`);
    expect(new Set(won).size).toBe(6);
    expect((await counts()).appointments).toBe(before.appointments + 6);
    const stats = await controls.stats();
    expect(stats.byRoute["POST /Appointment/"]).toBe(6);
    expect(stats.rateLimited).toBe(0);
  });

  test("20 concurrent requests with one Idempotency-Key through 4 scripts: one appointment, 20 identical answers", async () => {
    const slot = (await freeSlots(self, ids, "2026-12-16"))[0]!;
    const req = bookingFor(ids, slot, patient("one-key"));
    const before = await counts();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => book(edges[i % edges.length]!, req, "workers-one-key-for-twenty")),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await counts()).toEqual({ clients: before.clients + 1, appointments: before.appointments + 1 });
  });
});

describe("the coreplus budget across isolates", () => {
  test("reads that all miss the cache, from 4 scripts and 2 clinics on one consumer: never more than 10 a second at coreplus", async () => {
    await controls.reset(); // fresh stats, and the catalogue must be read again
    await clearArrivals();
    // Availability is read in whole weeks: 40 distinct (clinic, week, practitioner choice) queries.
    const monday = (w: number) => new Date(Date.UTC(2026, 10, 30 + 7 * w)).toISOString().slice(0, 10);
    const combos: { clinic: string; from: string; practitionerId?: string }[] = [];
    for (const clinic of ["harbourside", "harbourside-north"])
      for (const practitionerId of [undefined, ids.nguyen, ids.oconnor])
        for (let w = 0; w < 9; w++)
          combos.push({ clinic, from: monday(w), ...(practitionerId ? { practitionerId } : {}) });
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        // As before: harbourside-north only through this script and replicas[1].
        const edge = edges[i % edges.length]!;
        const north = edge === self || edge === replicas[1];
        const at = combos.findIndex((c) => c.clinic === (north ? "harbourside-north" : "harbourside"));
        const [{ clinic, from, practitionerId }] = combos.splice(at, 1) as [(typeof combos)[number]];
        const q = new URLSearchParams({
          locationId: ids.docklands,
          appointmentTypeId: ids.standard,
          from,
          to: from,
          ...(practitionerId ? { practitionerId } : {}),
        });
        return call(edge, `/v1/clinics/${clinic}/availability?${q}`);
      }),
    );
    for (const a of answers) expect(a.status, a.text).toBe(200);
    const times = await arrivals();
    const stats = await controls.stats();
    // Every query reached coreplus at least once, paced by the consumer's object.
    expect(times.length).toBeGreaterThanOrEqual(40);
    expect(stats.requests).toBe(times.length);
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(10);
    expect(stats.rateLimited).toBe(0);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(((times.length - 10) / 10) * 1_000);
    console.info(
      `budget: ${times.length} coreplus calls in ${elapsed} ms, at most ${maxInWindow(times, 1_000)} in any 1 s`,
    );
  });
});
