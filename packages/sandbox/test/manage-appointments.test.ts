/**
 * Managing a booking over real HTTP (coreplus-api.md §4.6): reschedule in place, both cancel forms,
 * the client filter and includeCancelled, and the history control that shows what reached the sandbox.
 */
import { formatInZone, parseCoreplusDateTime } from "@coreplus-kit/core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createSandboxControls, SandboxControlError, type SandboxControls } from "../src/index.js";
import { type RunningSandbox, serveSandbox } from "../src/node.js";
import {
  type ApiResponse,
  type AppointmentJson as Appointment,
  type CallOptions,
  callHttp,
  FIXED_NOW,
  NOT_AVAILABLE,
  type SlotJson,
  slotBooking,
} from "./helpers.js";

const MINUTE = 60_000;

type Slot = SlotJson;

let server: RunningSandbox;
let controls: SandboxControls;
let docklands: { locationId: string; timezoneId: string };
let standardTypeId: string;
let clientId: string;

beforeAll(async () => {
  server = await serveSandbox({ port: 0, now: () => FIXED_NOW, rateLimit: false, log: () => {} });
  controls = createSandboxControls({ baseUrl: server.url });
  const seed = await controls.seed();
  const location = seed.locations.find((l) => l.name.endsWith("Docklands"));
  const type = seed.appointmentTypes.find((t) => t.description === "Standard Consultation");
  if (!location || !type) throw new Error("seed changed");
  docklands = location;
  standardTypeId = type.appointmentTypeId;
});
afterAll(() => server.close());

beforeEach(async () => {
  await controls.reset();
  // A fresh client of our own, so the client filter has exactly what this test booked.
  const created = await api<{ client: { clientId: string } }>("POST", "/Client/", {
    body: {
      firstName: "Noor",
      lastName: "Haddad",
      dateOfBirth: "1987-03-09",
      phoneNumberMobile: "0491 570 110",
    },
  });
  clientId = created.body.client.clientId;
});

const api = <T = Record<string, unknown>>(method: string, path: string, opts: CallOptions = {}) =>
  callHttp<T>(server.url, server.sandbox, method, path, opts) as Promise<ApiResponse<T>>;
const ms = (s: string): number => parseCoreplusDateTime(s).instant.getTime();
const spaced = (s: string): string => formatInZone(ms(s), "Australia/Melbourne", { space: true });

/** Free standard slots at Docklands on 1–5 June 2026 (weeks two to four are mostly free). */
async function freeSlots(): Promise<Slot[]> {
  const res = await api<{ timeslots: Slot[] }>("GET", "/AvailabilitySlot/", {
    query: {
      startDate: "2026-06-01",
      endDate: "2026-06-05",
      timezoneId: docklands.timezoneId,
      locationId: docklands.locationId,
      appointmentTypeId: standardTypeId,
      pageSize: 100,
    },
  });
  expect(res.status).toBe(200);
  return res.body.timeslots;
}
const isFree = (slots: Slot[], slot: Slot): boolean =>
  slots.some((s) => s.startDateTime === slot.startDateTime && s.practitionerId === slot.practitionerId);

/** Two free slots of one practitioner that do not touch. */
function apart(slots: Slot[]): [Slot, Slot] {
  for (const a of slots) {
    const b = slots.find(
      (s) => s.practitionerId === a.practitionerId && ms(s.startDateTime) >= ms(a.endDateTime) + 60 * MINUTE,
    );
    if (b) return [a, b];
  }
  throw new Error("no two separate free slots");
}

async function book(slot: Slot): Promise<Appointment> {
  const res = await api<{ appointment: Appointment }>("POST", "/Appointment/", {
    body: slotBooking(slot, clientId, standardTypeId),
  });
  expect(res.status, res.text).toBe(200);
  return res.body.appointment;
}

const getAppointment = async (id: string) =>
  (await api<{ appointment: Appointment }>("GET", `/Appointment/${id}/`, { query: { cancellationId: true } }))
    .body.appointment;

describe("reschedule", () => {
  test("onto a free slot: the SAME appointment moves, the old time is free again, history says so", async () => {
    const [from, to] = apart(await freeSlots());
    const booked = await book(from);
    const moved = await api<{ appointment: Appointment }>("POST", `/Appointment/${booked.appointmentId}/`, {
      body: { startDateTime: to.startDateTime, endDateTime: to.endDateTime, notes: "Moved by phone" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.appointment).toMatchObject({
      appointmentId: booked.appointmentId,
      appointmentReferenceNumber: booked.appointmentReferenceNumber,
      status: "Booked",
      startDateTime: spaced(to.startDateTime),
      endDateTime: spaced(to.endDateTime),
      notes: "Moved by phone",
    });

    const slots = await freeSlots();
    expect(isFree(slots, from)).toBe(true);
    expect(isFree(slots, to)).toBe(false);
    const mine = await api<{ appointments: Appointment[] }>("GET", "/Appointment/", {
      query: { startDate: "2026-06-01", endDate: "2026-06-05", timezoneId: docklands.timezoneId, clientId },
    });
    expect(mine.body.appointments.map((a) => [a.appointmentId, a.startDateTime])).toEqual([
      [booked.appointmentId, spaced(to.startDateTime)],
    ]);

    const history = await controls.appointmentHistory(booked.appointmentId.toUpperCase());
    expect(history.map((h) => h.action)).toEqual(["created", "updated"]);
    expect(history[0]?.changes.startDateTime).toEqual({ from: null, to: from.startDateTime });
    expect(history[1]).toEqual({
      at: FIXED_NOW.toISOString(),
      action: "updated",
      changes: {
        startDateTime: { from: from.startDateTime, to: to.startDateTime },
        endDateTime: { from: from.endDateTime, to: to.endDateTime },
        notes: { from: "", to: "Moved by phone" },
      },
    });
  });

  test("PUT is an alias, a move overlapping its own old time is allowed, the practitioner may change", async () => {
    const slots = await freeSlots();
    const [slot] = slots;
    if (!slot) throw new Error("no slots");
    const booked = await book(slot);
    const shifted = formatInZone(ms(slot.startDateTime) + 15 * MINUTE, "Australia/Melbourne");
    const put = await api<{ appointment: Appointment }>("PUT", `/Appointment/${booked.appointmentId}`, {
      body: { startDateTime: shifted },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body.appointment.endDateTime).toBe(
      spaced(formatInZone(ms(slot.endDateTime) + 15 * MINUTE, "Australia/Melbourne")),
    );
    const other = slots.find((s) => s.practitionerId !== slot.practitionerId);
    if (!other) throw new Error("no other practitioner free");
    const handed = await api<{ appointment: Appointment }>("POST", `/Appointment/${booked.appointmentId}/`, {
      body: {
        startDateTime: other.startDateTime,
        endDateTime: other.endDateTime,
        practitionerId: other.practitionerId,
      },
    });
    expect(handed.status, handed.text).toBe(200);
    expect(handed.body.appointment.practitioner.practitionerId).toBe(other.practitionerId);
    const last = (await controls.appointmentHistory(booked.appointmentId)).at(-1);
    expect(last?.changes.practitionerId).toEqual({ from: slot.practitionerId, to: other.practitionerId });
  });

  test("onto a taken slot: 409 with the documented body, and nothing changes", async () => {
    const [mineSlot, theirsSlot] = apart(await freeSlots());
    const mine = await book(mineSlot);
    await book(theirsSlot);
    const before = await getAppointment(mine.appointmentId);
    const historyBefore = await controls.appointmentHistory(mine.appointmentId);
    for (const [method, path, body] of [
      ["POST", `/Appointment/${mine.appointmentId}/`, {}],
      ["PUT", `/Appointment/${mine.appointmentId}/`, {}],
      ["POST", "/Appointment/", { appointmentId: mine.appointmentId }],
    ] as const) {
      const clash = await api(method, path, {
        body: {
          ...body,
          startDateTime: theirsSlot.startDateTime,
          endDateTime: theirsSlot.endDateTime,
          notes: "x",
        },
      });
      expect(clash.status, `${method} ${path}`).toBe(409);
      expect(clash.body).toEqual(NOT_AVAILABLE);
    }
    expect(await getAppointment(mine.appointmentId)).toEqual(before);
    expect(await controls.appointmentHistory(mine.appointmentId)).toEqual(historyBefore);
    expect(isFree(await freeSlots(), mineSlot)).toBe(false);
  });

  test("a cancelled appointment cannot be moved (400) and the time it asked for stays free", async () => {
    const [slot, later] = apart(await freeSlots());
    const booked = await book(slot);
    await api("POST", `/Appointment/${booked.appointmentId}/`, { body: { deleted: true } });
    const refused = await api("POST", `/Appointment/${booked.appointmentId}/`, {
      body: { startDateTime: later.startDateTime, endDateTime: later.endDateTime },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      result: [{ severity: 2, reason: "A cancelled appointment cannot be changed" }],
    });
    expect(isFree(await freeSlots(), later)).toBe(true);
  });
});

describe("cancel", () => {
  test('{"deleted": true} on the item: Cancelled, the slot is free, a second cancel changes nothing', async () => {
    const [slot] = await freeSlots();
    if (!slot) throw new Error("no slots");
    const booked = await book(slot);
    expect(isFree(await freeSlots(), slot)).toBe(false);
    const res = await api<{ appointment: Appointment }>("POST", `/Appointment/${booked.appointmentId}/`, {
      body: { deleted: true, cancellationNotes: "Unwell" },
    });
    expect(res.status).toBe(200);
    expect(res.body.appointment).toMatchObject({ appointmentId: booked.appointmentId, status: "Cancelled" });
    expect(isFree(await freeSlots(), slot)).toBe(true);
    const after = await getAppointment(booked.appointmentId);
    const history = await controls.appointmentHistory(booked.appointmentId);
    expect(history.at(-1)).toEqual({
      at: FIXED_NOW.toISOString(),
      action: "cancelled",
      changes: {
        status: { from: "Booked", to: "Cancelled" },
        cancellationNotes: { from: null, to: "Unwell" },
      },
    });

    const twice = await api<{ appointment: Appointment }>("POST", `/Appointment/${booked.appointmentId}/`, {
      body: { deleted: "true", cancellationNotes: "Changed my mind" },
    });
    expect(twice.status).toBe(200);
    expect(await getAppointment(booked.appointmentId)).toEqual(after);
    expect(after.cancellationNotes).toBe("Unwell");
    expect(await controls.appointmentHistory(booked.appointmentId)).toEqual(history);
  });

  test('{"appointmentId", "deleted": "true"} on the collection cancels, never books, and is idempotent too', async () => {
    const [slot] = await freeSlots();
    if (!slot) throw new Error("no slots");
    const booked = await book(slot);
    const form = { appointmentId: booked.appointmentId.toUpperCase(), deleted: "true" };
    const first = await api<{ appointment: Appointment }>("POST", "/Appointment/", { body: form });
    expect(first.status).toBe(200);
    expect(first.body.appointment).toMatchObject({
      appointmentId: booked.appointmentId,
      status: "Cancelled",
    });
    expect(isFree(await freeSlots(), slot)).toBe(true);
    const again = await api<{ appointment: Appointment }>("POST", "/Appointment/", { body: form });
    expect(again.status).toBe(200);
    expect(again.body.appointment.status).toBe("Cancelled");
    expect((await controls.appointmentHistory(booked.appointmentId)).map((h) => h.action)).toEqual([
      "created",
      "cancelled",
    ]);
    // The freed slot can be booked again, as a new appointment.
    const rebooked = await book(slot);
    expect(rebooked.appointmentId).not.toBe(booked.appointmentId);
  });
});

describe("the list's clientId filter and includeCancelled", () => {
  test("only the client's appointments; cancelled ones only with includeCancelled=true", async () => {
    const [a, b] = apart(await freeSlots());
    const kept = await book(a);
    const dropped = await book(b);
    await api("POST", "/Appointment/", { body: { appointmentId: dropped.appointmentId, deleted: true } });
    const query = {
      startDate: "2026-06-01",
      endDate: "2026-06-05",
      timezoneId: docklands.timezoneId,
      clientId,
    };
    const listed = await api<{ appointments: Appointment[] }>("GET", "/Appointment/", { query });
    expect(listed.body.appointments.map((x) => x.appointmentId)).toEqual([kept.appointmentId]);
    const all = await api<{ appointments: Appointment[] }>("GET", "/Appointment/", {
      query: { ...query, clientId: clientId.toUpperCase(), includeCancelled: "true" },
    });
    expect(all.body.appointments.map((x) => [x.appointmentId, x.status]).sort()).toEqual(
      [
        [kept.appointmentId, "Booked"],
        [dropped.appointmentId, "Cancelled"],
      ].sort(),
    );
    expect(all.body.appointments.every((x) => x.clients[0]?.clientId === clientId)).toBe(true);
    const everyone = await api<{ appointments: Appointment[] }>("GET", "/Appointment/", {
      query: {
        startDate: "2026-06-01",
        endDate: "2026-06-05",
        timezoneId: docklands.timezoneId,
        pageSize: 100,
      },
    });
    expect(everyone.body.appointments.some((x) => x.clients[0]?.clientId !== clientId)).toBe(true);
  });
});

describe("the history control", () => {
  test("seeded appointments start empty; an unknown id is a 404 SandboxControlError", async () => {
    const seeded = [...server.sandbox.store.appointments.values()][0];
    if (!seeded) throw new Error("no seeded appointment");
    expect(await controls.appointmentHistory(seeded.appointmentId)).toEqual([]);
    const err = await controls
      .appointmentHistory("00000000-0000-4000-8000-000000000000")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SandboxControlError);
    expect((err as SandboxControlError).status).toBe(404);
  });

  test("the business clock stamps each entry; reset forgets the booking and its history", async () => {
    const [slot, later] = apart(await freeSlots());
    const booked = await book(slot);
    await controls.setClock("2026-05-20T08:00:00+10:00");
    await api("POST", `/Appointment/${booked.appointmentId}/`, {
      body: { startDateTime: later.startDateTime, endDateTime: later.endDateTime },
    });
    const history = await controls.appointmentHistory(booked.appointmentId);
    expect(history[0]?.at).toBe(FIXED_NOW.toISOString());
    expect(Date.parse(history[1]?.at ?? "")).toBeGreaterThanOrEqual(Date.parse("2026-05-19T22:00:00Z"));
    expect(Date.parse(history[1]?.at ?? "")).toBeLessThan(Date.parse("2026-05-19T22:01:00Z"));
    await controls.reset();
    await expect(controls.appointmentHistory(booked.appointmentId)).rejects.toBeInstanceOf(
      SandboxControlError,
    );
  });
});
