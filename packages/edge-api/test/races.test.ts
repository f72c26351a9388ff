/** Concurrency and resumability against the real sandbox: races, one key many times, retries after failures. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { availability, bookingBody, patient, postBooking, type Stack, seedIds, startStack } from "./stack.ts";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  // The races are about correctness under contention, not the budget (limits.test.ts covers that): with
  // the sandbox's limit off and a larger edge budget, a busy CI machine cannot push a loser past 15 s.
  s = await startStack({ rateLimit: false, requestsPerSecond: 40 });
  ids = seedIds(s);
});
afterAll(() => s?.close());

type Slot = { start: string; practitionerId: string; locationId: string };

async function freeSlots(date: string, location = ids.docklands): Promise<Slot[]> {
  const { body } = await availability(s, {
    locationId: location,
    appointmentTypeId: ids.standard,
    from: date,
    to: date,
  });
  return body.days[0]!.slots;
}

const bookingFor = (slot: Slot, p = patient()) => bookingBody(slot, ids.standard, p);

const count = () => ({
  clients: s.sandbox.store.clients.size,
  appointments: s.sandbox.store.appointments.size,
});

describe("races", () => {
  test("200 concurrent bookings for 20 slots: exactly 20 × 201, 180 × 409, 20 new appointments", {
    timeout: 60_000,
  }, async () => {
    const slots = (await freeSlots("2026-12-15")).slice(0, 20);
    expect(slots).toHaveLength(20);
    const before = count();
    await s.controls.resetStats();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => postBooking(s.api, bookingFor(slots[i % 20]!), `race-${i}-key`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(20);
    expect(statuses.filter((x) => x === 409)).toHaveLength(180);
    for (const a of answers.filter((x) => x.status === 409))
      expect((a.body as { type: string }).type).toMatch(/\/slot-unavailable$/);
    expect(count().appointments).toBe(before.appointments + 20);
    // One winner per slot.
    const won = answers
      .filter((a) => a.status === 201)
      .map((a) => (a.body as { booking: { start: string; practitioner: { id: string } } }).booking)
      .map((b) => `${b.start}|${b.practitioner.id}`);
    expect(new Set(won).size).toBe(20);
    // The losers never reached coreplus's booking endpoint.
    const stats = await s.controls.stats();
    expect(stats.byRoute["POST /Appointment/"]).toBe(20);
  });

  test("50 concurrent requests with one Idempotency-Key: one appointment, 50 identical answers", {
    timeout: 30_000,
  }, async () => {
    const [slot] = await freeSlots("2026-12-16");
    const body = bookingFor(slot!);
    const before = count();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => postBooking(s.api, body, "one-key-for-fifty")),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(count()).toEqual({ clients: before.clients + 1, appointments: before.appointments + 1 });
  });
});

describe("a retry with the same key resumes and never repeats a write", () => {
  type Fault = { name: string; inject: () => Promise<void>; status: number[] };
  const faults: Fault[] = [
    {
      name: "503 from coreplus when booking",
      inject: () =>
        s.controls.forceStatus(503, { times: 1, match: { method: "POST", path: "/appointment" } }),
      status: [503],
    },
    {
      name: "booking processed, then the connection dropped",
      inject: () =>
        s.controls.dropConnection({
          times: 1,
          after: "after",
          match: { method: "POST", path: "/appointment" },
        }),
      status: [502],
    },
    {
      name: "client created, then the connection dropped",
      inject: () =>
        s.controls.dropConnection({ times: 1, after: "after", match: { method: "POST", path: "/client" } }),
      status: [502],
    },
    {
      name: "booking processed, then a malformed body",
      inject: () => s.controls.malformedBody({ times: 1, match: { method: "POST", path: "/appointment" } }),
      status: [502],
    },
    {
      name: "500 from coreplus when creating the client",
      inject: () => s.controls.forceStatus(500, { times: 1, match: { method: "POST", path: "/client" } }),
      status: [502],
    },
  ];

  let day = 17;
  for (const fault of faults) {
    test(fault.name, { timeout: 20_000 }, async () => {
      const [slot] = await freeSlots(`2026-12-${day++}`);
      const body = bookingFor(slot!);
      const key = `resume-${fault.name.replace(/\W+/g, "-")}`;
      const before = count();
      await fault.inject();
      const failed = await postBooking(s.api, body, key);
      expect(fault.status).toContain(failed.status);
      expect(failed.headers.get("content-type")).toBe("application/problem+json");
      expect((failed.body as { type: string }).type).toMatch(/\/upstream-unavailable$/);
      if (failed.status === 503) expect(Number(failed.headers.get("retry-after"))).toBeGreaterThan(0);
      await s.controls.clearFaults();

      const retried = await postBooking(s.api, body, key);
      expect(retried.status).toBe(201);
      expect(count()).toEqual({ clients: before.clients + 1, appointments: before.appointments + 1 });
      const again = await postBooking(s.api, body, key);
      expect(again.text).toBe(retried.text);
      expect(count().appointments).toBe(before.appointments + 1);
    });
  }
});
