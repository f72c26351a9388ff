/** Concurrent bookings of one slot over real HTTP can never double-book (coreplus-api.md §4.6). */
import { afterAll, beforeAll, expect, test } from "vitest";
import { type RunningSandbox, serveSandbox } from "../src/node.js";
import { callHttp, FIXED_NOW, type SlotJson, slotBooking } from "./helpers.js";

let server: RunningSandbox;
beforeAll(async () => {
  server = await serveSandbox({ port: 0, now: () => FIXED_NOW, rateLimit: false, log: () => {} });
});
afterAll(() => server.close());

type Slot = SlotJson;

test("100 concurrent bookings of the same slot: exactly one 200, 99 × 409 with the documented reason", async () => {
  const { sandbox } = server;
  const location = sandbox.seed.locations[0];
  const standard = sandbox.seed.appointmentTypes.find((t) => t.durationMinutes === 30);
  const slots = await callHttp<{ timeslots: Slot[] }>(server.url, sandbox, "GET", "/AvailabilitySlot/", {
    query: {
      startDate: "2026-06-02",
      endDate: "2026-06-02",
      timezoneId: location?.timezoneId ?? "",
      locationId: location?.locationId ?? "",
      appointmentTypeId: standard?.appointmentTypeId ?? "",
    },
  });
  const slot = slots.body.timeslots[0];
  if (!slot) throw new Error("no free slot");
  const clients = [...sandbox.store.clients.values()].filter((c) => c.status === "Current").slice(0, 100);
  expect(clients).toHaveLength(100);
  const before = sandbox.store.appointments.size;

  const results = await Promise.all(
    clients.map((client) =>
      callHttp(server.url, sandbox, "POST", "/Appointment/", {
        body: slotBooking(slot, client.clientId, standard?.appointmentTypeId),
      }),
    ),
  );
  const ok = results.filter((r) => r.status === 200);
  const conflicts = results.filter((r) => r.status === 409);
  expect(ok).toHaveLength(1);
  expect(conflicts).toHaveLength(99);
  for (const r of conflicts) {
    expect(r.body).toEqual({
      result: [{ severity: 2, reason: "The selected time is not available for booking an appointment" }],
    });
  }
  expect(sandbox.store.appointments.size).toBe(before + 1);
});

test("20 concurrent reschedules of two bookings onto one free slot: exactly one moves, the other stays put", async () => {
  const { sandbox } = server;
  const location = sandbox.seed.locations[0];
  const standard = sandbox.seed.appointmentTypes.find((t) => t.durationMinutes === 30);
  const slots = await callHttp<{ timeslots: Slot[] }>(server.url, sandbox, "GET", "/AvailabilitySlot/", {
    query: {
      startDate: "2026-06-03",
      endDate: "2026-06-03",
      timezoneId: location?.timezoneId ?? "",
      locationId: location?.locationId ?? "",
      appointmentTypeId: standard?.appointmentTypeId ?? "",
    },
  });
  const [target, ...rest] = slots.body.timeslots;
  const [a, b] = rest.filter((s) => s.practitionerId === target?.practitionerId).slice(-2);
  if (!target || !a || !b) throw new Error("not enough free slots");
  const [clientA, clientB] = [...sandbox.store.clients.values()].filter((c) => c.status === "Current");
  const book = async (slot: Slot, clientId: string) =>
    (
      await callHttp<{ appointment: { appointmentId: string; startDateTime: string } }>(
        server.url,
        sandbox,
        "POST",
        "/Appointment/",
        { body: slotBooking(slot, clientId, standard?.appointmentTypeId) },
      )
    ).body.appointment;
  const first = await book(a, clientA?.clientId ?? "");
  const second = await book(b, clientB?.clientId ?? "");

  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      callHttp(server.url, sandbox, "POST", `/Appointment/${(i % 2 === 0 ? first : second).appointmentId}/`, {
        body: { startDateTime: target.startDateTime, endDateTime: target.endDateTime },
      }),
    ),
  );
  // The winner's own repeats succeed (a move onto its own time ignores itself); the loser's all 409.
  const okIds = new Set(
    results.flatMap((r, i) => (r.status === 200 ? [(i % 2 === 0 ? first : second).appointmentId] : [])),
  );
  expect(okIds.size).toBe(1);
  expect(results.filter((r) => r.status === 200)).toHaveLength(10);
  expect(results.filter((r) => r.status === 409)).toHaveLength(10);
  const at = (id: string) => sandbox.store.appointment(id)?.start;
  const targetStart = Date.parse(target.startDateTime);
  expect([at(first.appointmentId), at(second.appointmentId)].filter((s) => s === targetStart)).toHaveLength(
    1,
  );
});
