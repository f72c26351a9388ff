/** Appointments (coreplus-api.md §4.6): list, get, book, update/reschedule, both forms of cancel. */
import { formatInZone, parseCoreplusDateTime } from "@coreplus-kit/core";
import { beforeEach, describe, expect, test } from "vitest";
import type { Sandbox } from "../src/index.js";
import { type AppointmentJson as Appointment, call, NOT_AVAILABLE, testSandbox } from "./helpers.js";

const MINUTE = 60_000;

type Slot = { startDateTime: string; endDateTime: string; practitionerId: string; locationId: string };

let sandbox: Sandbox;
let ctx: ReturnType<typeof context>;

function context(s: Sandbox) {
  const docklands = s.seed.locations.find((l) => l.name.endsWith("Docklands"));
  const hamilton = s.seed.locations.find((l) => l.name.endsWith("Hamilton"));
  const standard = s.seed.appointmentTypes.find((t) => t.description === "Standard Consultation");
  const psychology = s.seed.appointmentTypes.find((t) => t.practitionerId !== null);
  const client = [...s.store.clients.values()].find(
    (c) => c.phoneNumberMobile !== "" && c.status === "Current",
  );
  const noMobile = [...s.store.clients.values()].find((c) => c.phoneNumberMobile === "");
  if (!docklands || !hamilton || !standard || !psychology || !client || !noMobile)
    throw new Error("seed changed");
  return { docklands, hamilton, standard, psychology, client, noMobile };
}

beforeEach(() => {
  sandbox = testSandbox();
  ctx = context(sandbox);
});

/** Free standard slots at Docklands in the week after next. */
async function freeSlots(): Promise<Slot[]> {
  const res = await call<{ timeslots: Slot[] }>(sandbox, "GET", "/AvailabilitySlot/", {
    query: {
      startDate: "2026-06-01",
      endDate: "2026-06-05",
      timezoneId: ctx.docklands.timezoneId,
      locationId: ctx.docklands.locationId,
      appointmentTypeId: ctx.standard.appointmentTypeId,
      pageSize: 100,
    },
  });
  expect(res.body.timeslots.length).toBeGreaterThan(4);
  return res.body.timeslots;
}

const ms = (s: string): number => parseCoreplusDateTime(s).instant.getTime();
const mel = (t: number, space = false): string => formatInZone(t, "Australia/Melbourne", { space });

/** Two back-to-back free slots of one practitioner. */
function consecutivePair(slots: Slot[]): [Slot, Slot] {
  for (const a of slots) {
    const b = slots.find((s) => s.practitionerId === a.practitionerId && s.startDateTime === a.endDateTime);
    if (b) return [a, b];
  }
  throw new Error("no two consecutive free slots");
}

function bookingBody(slot: Slot, extra: Record<string, unknown> = {}) {
  return {
    startDateTime: slot.startDateTime,
    endDateTime: slot.endDateTime,
    practitioner: { practitionerId: slot.practitionerId },
    locationId: slot.locationId,
    clients: [{ clientId: ctx.client.clientId }],
    appointmentTypeId: ctx.standard.appointmentTypeId,
    ...extra,
  };
}

async function book(slot: Slot, extra: Record<string, unknown> = {}) {
  return call<{ appointment: Appointment }>(sandbox, "POST", "/Appointment/", {
    body: bookingBody(slot, extra),
  });
}

describe("list and get", () => {
  const query = () => ({
    startDate: "2026-05-19",
    endDate: "2026-05-19",
    timezoneId: ctx.docklands.timezoneId,
  });

  test("list: appointments starting on those dates, sorted, times with a space before the offset", async () => {
    const res = await call<{ appointments: Appointment[]; paging: { totalRows: number } }>(
      sandbox,
      "GET",
      "/Appointment/",
      { query: { ...query(), pageSize: 100 } },
    );
    expect(res.status).toBe(200);
    expect(res.body.appointments.length).toBeGreaterThan(5);
    for (const a of res.body.appointments) {
      expect(a.startDateTime).toMatch(/^2026-05-19T\d\d:\d\d:00 \+10:00$/);
      expect(a.status).not.toBe("Cancelled");
      expect(a.practitioner).toEqual({ practitionerId: expect.any(String) });
      expect(a.appointmentReferenceNumber).toMatch(/^\d+$/);
    }
    const starts = res.body.appointments.map((a) => parseCoreplusDateTime(a.startDateTime).instant.getTime());
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  });

  test("includeCancelled, getPractitionerProfiles and the practitioner/location/client filters", async () => {
    const week = {
      startDate: "2026-05-04",
      endDate: "2026-05-24",
      timezoneId: ctx.docklands.timezoneId,
      pageSize: 100,
    };
    type L = { appointments: Appointment[]; paging: { totalRows: number } };
    const without = await call<L>(sandbox, "GET", "/Appointment/", { query: week });
    const withCancelled = await call<L>(sandbox, "GET", "/Appointment/", {
      query: { ...week, includeCancelled: true },
    });
    expect(withCancelled.body.paging.totalRows).toBeGreaterThan(without.body.paging.totalRows);
    const profiles = await call<L>(sandbox, "GET", "/Appointment/", {
      query: { ...week, getPractitionerProfiles: true },
    });
    expect(profiles.body.appointments[0]?.practitioner).toEqual({
      practitionerId: expect.any(String),
      firstName: expect.any(String),
      lastName: expect.any(String),
    });
    const sample = without.body.appointments[0] as Appointment;
    for (const [key, value] of [
      ["practitionerId", sample.practitioner.practitionerId],
      ["locationId", sample.locationId],
      ["clientId", sample.clients[0]?.clientId ?? ""],
    ] as const) {
      const res = await call<L>(sandbox, "GET", "/Appointment/", { query: { ...week, [key]: value } });
      expect(res.body.appointments.length, key).toBeGreaterThan(0);
      expect(res.body.paging.totalRows, key).toBeLessThan(without.body.paging.totalRows);
    }
  });

  test("list times follow the requested zone", async () => {
    const brisbane = sandbox.seed.locations.find((l) => l.zone === "Australia/Brisbane");
    const adelaide = sandbox.seed.locations.find((l) => l.zone === "Australia/Adelaide");
    const res = await call<{ appointments: Appointment[] }>(sandbox, "GET", "/Appointment/", {
      query: { ...query(), timezoneId: adelaide?.timezoneId ?? "", locationId: brisbane?.locationId ?? "" },
    });
    expect(res.body.appointments.length).toBeGreaterThan(0);
    for (const a of res.body.appointments) expect(a.startDateTime).toMatch(/ \+09:30$/);
  });

  test("list: missing or bad dates or timezone → 400", async () => {
    const bad: Record<string, string>[] = [
      { endDate: "2026-05-19", timezoneId: ctx.docklands.timezoneId },
      { startDate: "2026-05-19", timezoneId: ctx.docklands.timezoneId },
      { startDate: "2026-05-19", endDate: "2026-05-19" },
      { startDate: "2026-05-19", endDate: "2026-05-18", timezoneId: ctx.docklands.timezoneId },
      { startDate: "2026-02-30", endDate: "2026-03-01", timezoneId: ctx.docklands.timezoneId },
      { startDate: "2026-05-19", endDate: "2026-05-19", timezoneId: "00000000-0000-4000-8000-000000000000" },
      { startDate: "2026-05-19", endDate: "2026-05-19", timezoneId: "Melbourne" },
    ];
    for (const q of bad) {
      const res = await call(sandbox, "GET", "/Appointment/", { query: q });
      expect(res.status, JSON.stringify(q)).toBe(400);
      expect(res.body).toEqual({ result: [{ severity: 2, reason: expect.any(String) }] });
    }
  });

  test("get: wrapped, in the location's zone; cancellationId adds the cancellation fields; unknown → 404", async () => {
    const cancelled = [...sandbox.store.appointments.values()].find(
      (a) => a.status === "Cancelled" && a.locationId === ctx.hamilton.locationId,
    );
    if (!cancelled) throw new Error("no cancelled appointment in the seed");
    const plain = await call<{ appointment: Appointment }>(
      sandbox,
      "GET",
      `/Appointment/${cancelled.appointmentId}/`,
    );
    expect(plain.status).toBe(200);
    expect(plain.body.appointment.startDateTime).toBe(
      formatInZone(cancelled.start, "Australia/Brisbane", { space: true }),
    );
    expect(plain.body.appointment).not.toHaveProperty("cancellationReasonId");
    const full = await call<{ appointment: Appointment }>(
      sandbox,
      "GET",
      `/Appointment/${cancelled.appointmentId}`,
      {
        query: { cancellationId: "true", getPractitionerProfiles: "TRUE" },
      },
    );
    expect(full.body.appointment).toMatchObject({
      status: "Cancelled",
      cancellationReasonId: cancelled.cancellationReasonId,
      cancellationNotes: cancelled.cancellationNotes,
      practitioner: { firstName: expect.any(String), lastName: expect.any(String) },
    });
    expect((await call(sandbox, "GET", "/Appointment/00000000-0000-4000-8000-000000000000/")).status).toBe(
      404,
    );
  });
});

describe("book", () => {
  test("200 {appointment} Booked, default subject, SMS flag kept only with a mobile", async () => {
    const [slot, second] = await freeSlots();
    if (!slot || !second) throw new Error("no slots");
    const res = await book(slot, {
      isSmsReminderRequired: "true",
      isEmailReminderRequired: true,
      notes: "Knee",
    });
    expect(res.status).toBe(200);
    const a = res.body.appointment;
    const dob = ctx.client.dateOfBirth.split("-").reverse().join("/");
    expect(a).toMatchObject({
      status: "Booked",
      subject: `${ctx.client.lastName.toUpperCase()} ${ctx.client.firstName} ${dob}`,
      notes: "Knee",
      practitioner: { practitionerId: slot.practitionerId },
      locationId: slot.locationId,
      appointmentTypeId: ctx.standard.appointmentTypeId,
      clients: [{ clientId: ctx.client.clientId }],
      isSmsReminderRequired: true,
      isEmailReminderRequired: true,
      notifyPractitioner: false,
    });
    expect(a.startDateTime).toBe(slot.startDateTime.replace(/(\+\d\d:\d\d)$/, " $1"));
    const again = await call<{ appointment: Appointment }>(sandbox, "GET", `/Appointment/${a.appointmentId}`);
    expect(again.body.appointment).toEqual(a);

    const noMobile = await call<{ appointment: Appointment }>(sandbox, "POST", "/Appointment/", {
      body: {
        ...bookingBody(second),
        clients: [{ clientId: ctx.noMobile.clientId }],
        appointmentReminder: { isSmsReminderRequired: true, isEmailReminderRequired: true },
        subject: "Custom subject",
      },
    });
    expect(noMobile.body.appointment).toMatchObject({
      isSmsReminderRequired: false,
      isEmailReminderRequired: true,
      subject: "Custom subject",
    });
  });

  test("the slot is gone from availability; the same slot again → 409 with the documented body", async () => {
    const [slot] = await freeSlots();
    if (!slot) throw new Error("no slots");
    expect((await book(slot)).status).toBe(200);
    const after = await freeSlots();
    expect(
      after.find((s) => s.startDateTime === slot.startDateTime && s.practitionerId === slot.practitionerId),
    ).toBe(undefined);
    const clash = await book(slot);
    expect(clash.status).toBe(409);
    expect(clash.body).toEqual(NOT_AVAILABLE);
  });

  test("any request spelling of the date-time is accepted (space, no seconds, Z, flat practitionerId)", async () => {
    const slots = await freeSlots();
    const spellings = [
      (s: string) => s.replace(/(\+\d\d:\d\d)$/, " $1"),
      (s: string) => s.replace(/:00(\+\d\d:\d\d)$/, "$1"),
      (s: string) => new Date(parseCoreplusDateTime(s).instant).toISOString().replace(".000", ""),
    ];
    for (const [i, spell] of spellings.entries()) {
      const slot = slots[i * 2] as Slot;
      const res = await call<{ appointment: Appointment }>(sandbox, "POST", "/Appointment/", {
        body: {
          ...bookingBody(slot),
          startDateTime: spell(slot.startDateTime),
          endDateTime: spell(slot.endDateTime),
        },
      });
      expect(res.status, spell(slot.startDateTime)).toBe(200);
      expect(res.body.appointment.startDateTime).toBe(slot.startDateTime.replace(/(\+\d\d:\d\d)$/, " $1"));
    }
    const slot = slots[7] as Slot;
    const { practitioner: _p, ...rest } = bookingBody(slot);
    const flat = await call(sandbox, "POST", "/Appointment/", {
      body: { ...rest, practitionerId: slot.practitionerId },
    });
    expect(flat.status).toBe(200);
  });

  test("400 for missing fields, bad formats, end ≤ start, unknown ids, clients ≠ 1, a type not offered", async () => {
    const [slot] = await freeSlots();
    if (!slot) throw new Error("no slots");
    const base = bookingBody(slot);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const bodies: Record<string, unknown>[] = [
      { ...base, startDateTime: undefined },
      { ...base, endDateTime: undefined },
      { ...base, practitioner: undefined },
      { ...base, locationId: undefined },
      { ...base, clients: undefined },
      { ...base, startDateTime: slot.startDateTime.slice(0, 19) },
      { ...base, startDateTime: "next tuesday" },
      { ...base, endDateTime: slot.startDateTime },
      { ...base, practitioner: { practitionerId: unknown } },
      { ...base, locationId: unknown },
      { ...base, clients: [{ clientId: unknown }] },
      { ...base, clients: [] },
      { ...base, clients: [{ clientId: ctx.client.clientId }, { clientId: ctx.noMobile.clientId }] },
      { ...base, appointmentTypeId: unknown },
      { ...base, appointmentTypeId: ctx.psychology.appointmentTypeId },
      { ...base, notes: "n".repeat(301) },
    ];
    for (const body of bodies) {
      const res = await call(sandbox, "POST", "/Appointment/", { body });
      expect(res.status, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(res.body).toEqual({ result: [{ severity: 2, reason: expect.any(String) }] });
    }
  });

  test("409 outside the roster, in the past, across an existing appointment, or at a location not worked", async () => {
    const [slot] = await freeSlots();
    if (!slot) throw new Error("no slots");
    const start = parseCoreplusDateTime(slot.startDateTime).instant.getTime();
    const at = (ms: number) => formatInZone(ms, "Australia/Melbourne");
    const existing = [...sandbox.store.appointments.values()].find(
      (a) => a.status === "Booked" && a.locationId === ctx.docklands.locationId,
    );
    if (!existing) throw new Error("no booked appointment");
    const cases: Record<string, unknown>[] = [
      {
        ...bookingBody(slot),
        startDateTime: "2026-06-01T03:00:00+10:00",
        endDateTime: "2026-06-01T03:30:00+10:00",
      },
      {
        ...bookingBody(slot),
        startDateTime: "2026-05-12T10:00:00+10:00",
        endDateTime: "2026-05-12T10:30:00+10:00",
      },
      {
        ...bookingBody(slot),
        practitioner: { practitionerId: existing.practitionerId },
        startDateTime: at(existing.start - 15 * MINUTE),
        endDateTime: at(existing.start + 15 * MINUTE),
      },
      { ...bookingBody(slot), locationId: ctx.hamilton.locationId, endDateTime: at(start + 30 * MINUTE) },
    ];
    for (const body of cases) {
      const res = await call(sandbox, "POST", "/Appointment/", { body });
      expect(res.status, JSON.stringify(body).slice(0, 200)).toBe(409);
      expect(res.body).toEqual(NOT_AVAILABLE);
    }
  });
});

describe("update and reschedule", () => {
  test("POST or PUT to the item changes notes and moves the time; the move is checked ignoring itself", async () => {
    const slots = await freeSlots();
    const [first, next] = consecutivePair(slots);
    const booked = (await book(first)).body.appointment;
    const notes = await call<{ appointment: Appointment }>(
      sandbox,
      "POST",
      `/Appointment/${booked.appointmentId}/`,
      {
        body: { notes: "Bring scans", notifyPractitioner: "true" },
      },
    );
    expect(notes.status).toBe(200);
    expect(notes.body.appointment).toMatchObject({ notes: "Bring scans", notifyPractitioner: true });

    // Shift by 15 minutes: overlaps its own old time, which must not count as a conflict.
    const shifted = ms(first.startDateTime) + 15 * MINUTE;
    const moved = await call<{ appointment: Appointment }>(
      sandbox,
      "PUT",
      `/Appointment/${booked.appointmentId}`,
      {
        body: { startDateTime: mel(shifted) },
      },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.appointment.endDateTime).toBe(mel(shifted + 30 * MINUTE, true));
    expect(ms(next.endDateTime)).toBeGreaterThanOrEqual(shifted + 30 * MINUTE);

    const other = slots.find(
      (s) => s.practitionerId === first.practitionerId && ms(s.startDateTime) >= ms(next.endDateTime),
    );
    if (!other) throw new Error("no later slot for that practitioner");
    const rescheduled = await call<{ appointment: Appointment }>(
      sandbox,
      "POST",
      `/Appointment/${booked.appointmentId}/`,
      {
        body: {
          startDateTime: other.startDateTime,
          endDateTime: other.endDateTime,
          practitionerId: first.practitionerId,
        },
      },
    );
    expect(rescheduled.status).toBe(200);
    expect(rescheduled.body.appointment.startDateTime).toBe(
      other.startDateTime.replace(/(\+\d\d:\d\d)$/, " $1"),
    );
    expect(rescheduled.body.appointment.appointmentReferenceNumber).toBe(booked.appointmentReferenceNumber);
    // The old time is free again.
    expect((await book(first)).status).toBe(200);
  });

  test("a reschedule onto another appointment → 409; a cancelled one → 400; end ≤ start → 400; unknown → 404", async () => {
    const [first, second] = consecutivePair(await freeSlots());
    const a = (await book(first)).body.appointment;
    const b = (await book(second)).body.appointment;
    const clash = await call(sandbox, "POST", `/Appointment/${b.appointmentId}/`, {
      body: { startDateTime: first.startDateTime, endDateTime: first.endDateTime },
    });
    expect(clash.status).toBe(409);
    expect(clash.body).toEqual(NOT_AVAILABLE);
    const sameSlot = await call(sandbox, "POST", "/Appointment/", {
      body: {
        appointmentId: b.appointmentId,
        startDateTime: first.startDateTime,
        endDateTime: first.endDateTime,
        practitionerId: a.practitioner.practitionerId,
      },
    });
    expect(sameSlot.status).toBe(409);
    expect(sameSlot.body).toEqual(NOT_AVAILABLE);
    const backwards = await call(sandbox, "POST", `/Appointment/${a.appointmentId}/`, {
      body: { startDateTime: first.endDateTime, endDateTime: first.startDateTime },
    });
    expect(backwards.status).toBe(400);
    await call(sandbox, "POST", `/Appointment/${a.appointmentId}/`, { body: { deleted: true } });
    const onCancelled = await call(sandbox, "POST", `/Appointment/${a.appointmentId}/`, {
      body: { notes: "x" },
    });
    expect(onCancelled.status).toBe(400);
    const missing = await call(sandbox, "PUT", "/Appointment/00000000-0000-4000-8000-000000000000/", {
      body: { notes: "x" },
    });
    expect(missing.status).toBe(404);
  });
});

describe("cancel", () => {
  test('POST /Appointment/{id}/ {"deleted": true}: Cancelled, slot free again, twice is a no-op 200', async () => {
    const [slot] = await freeSlots();
    if (!slot) throw new Error("no slots");
    const a = (await book(slot)).body.appointment;
    const reasonId = "11111111-1111-4111-8111-111111111111";
    const res = await call<{ appointment: Appointment }>(
      sandbox,
      "POST",
      `/Appointment/${a.appointmentId}/`,
      {
        body: { deleted: true, cancellationReasonId: reasonId, cancellationNotes: "Unwell" },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.appointment).toMatchObject({ appointmentId: a.appointmentId, status: "Cancelled" });
    const twice = await call<{ appointment: Appointment }>(
      sandbox,
      "POST",
      `/Appointment/${a.appointmentId}/`,
      {
        body: { deleted: true, cancellationNotes: "changed?" },
      },
    );
    expect(twice.status).toBe(200);
    expect(twice.body.appointment).toMatchObject({
      status: "Cancelled",
      cancellationNotes: "Unwell",
      cancellationReasonId: reasonId,
    });
    expect(
      (await freeSlots()).some(
        (s) => s.startDateTime === slot.startDateTime && s.practitionerId === slot.practitionerId,
      ),
    ).toBe(true);
    expect((await book(slot)).status).toBe(200);
  });

  test('POST /Appointment/ {"appointmentId", "deleted": "true"} cancels and never books', async () => {
    const [slot] = await freeSlots();
    if (!slot) throw new Error("no slots");
    const a = (await book(slot)).body.appointment;
    const count = sandbox.store.appointments.size;
    const res = await call<{ appointment: Appointment }>(sandbox, "POST", "/Appointment/", {
      body: { ...bookingBody(slot), appointmentId: a.appointmentId.toUpperCase(), deleted: "true" },
    });
    expect(res.status).toBe(200);
    expect(res.body.appointment).toMatchObject({ appointmentId: a.appointmentId, status: "Cancelled" });
    expect(sandbox.store.appointments.size).toBe(count);
    const listed = await call<{ appointments: Appointment[] }>(sandbox, "GET", "/Appointment/", {
      query: {
        startDate: "2026-06-01",
        endDate: "2026-06-05",
        timezoneId: ctx.docklands.timezoneId,
        includeCancelled: "true",
        pageSize: 100,
      },
    });
    expect(listed.body.appointments.find((x) => x.appointmentId === a.appointmentId)?.status).toBe(
      "Cancelled",
    );
  });

  test("cancel of an unknown id → 404; a bad deleted value → 400", async () => {
    const unknown = await call(sandbox, "POST", "/Appointment/", {
      body: { appointmentId: "00000000-0000-4000-8000-000000000000", deleted: true },
    });
    expect(unknown.status).toBe(404);
    const someone = [...sandbox.store.appointments.values()][0];
    const bad = await call(sandbox, "POST", `/Appointment/${someone?.appointmentId}/`, {
      body: { deleted: "maybe" },
    });
    expect(bad.status).toBe(400);
  });
});
