/** The booking flow against the real sandbox: summary, replay, conflicts, matching, reminders, errors. */
import { createCoreplusClient } from "@coreplus-kit/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  availability,
  bookingBody,
  NEXT_MONDAY,
  patient,
  postBooking,
  type Stack,
  seedIds,
  startStack,
} from "./stack.ts";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  s = await startStack({
    config: (c) => ({
      ...c,
      clinics: [
        ...c.clinics,
        // Same consumer, other reminder settings.
        {
          ...c.clinics[0]!,
          slug: "quiet",
          name: "Quiet Harbourside",
          reminders: { email: false, sms: true },
        },
      ],
    }),
  });
  ids = seedIds(s);
});
afterAll(() => s?.close());

type Slot = { start: string; practitionerId: string; locationId: string };
type Problem = { type: string; status: number; detail: string; errors?: { pointer: string; code: string }[] };

/** Free slots on a day at Docklands for the standard consultation. */
async function slots(date: string, typeId = ids.standard): Promise<Slot[]> {
  const { body } = await availability(s, {
    locationId: ids.docklands,
    appointmentTypeId: typeId,
    from: date,
    to: date,
  });
  return body.days[0]!.slots;
}

const body = (slot: Slot, p = patient(), extra: Record<string, unknown> = {}) => ({
  ...bookingBody(slot, ids.standard, p),
  ...extra,
});

describe("booking", () => {
  test("books, summarises, replays, refuses a reused key and a taken slot", async () => {
    const [slot] = await slots(NEXT_MONDAY);
    const before = s.sandbox.store.appointments.size;
    const p = patient();
    const req = body(slot!, p, { note: "Sore left knee" });
    const first = await postBooking(s.api, req, "flow-key-0001");
    expect(first.status).toBe(201);
    const booking = (first.body as { booking: Record<string, unknown> }).booking;
    expect(booking).toMatchObject({
      start: slot!.start,
      timezone: "Australia/Melbourne",
      location: { id: ids.docklands, name: "Harbourside Health Docklands", phone: "03 5550 1200" },
      practitioner: { id: slot!.practitionerId },
      appointmentType: { id: ids.standard, name: "Standard Consultation", durationMinutes: 30 },
      reminders: { email: true, sms: true },
    });
    expect(booking.reference).toMatch(/^\d+$/);
    expect(Date.parse(booking.end as string) - Date.parse(slot!.start)).toBe(30 * 60_000);
    // Nothing about the patient or the client record comes back.
    expect(first.text).not.toContain(p.email);
    expect(first.text).not.toMatch(/client/i);

    expect(s.sandbox.store.appointments.size).toBe(before + 1);
    const appt = [...s.sandbox.store.appointments.values()].find(
      (a) => a.appointmentReferenceNumber === booking.reference,
    )!;
    expect(appt.start).toBe(Date.parse(slot!.start));
    expect(appt.notes).toContain("Sore left knee");
    expect(s.sandbox.store.clients.get(appt.clientId)).toMatchObject({
      email: p.email,
      dateOfBirth: p.dateOfBirth,
    });

    // The same key and body: the same answer, replayed.
    const again = await postBooking(s.api, req, "flow-key-0001");
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(s.sandbox.store.appointments.size).toBe(before + 1);

    // The same key with another body.
    const reused = await postBooking(s.api, body(slot!, patient()), "flow-key-0001");
    expect(reused.status).toBe(422);
    expect((reused.body as Problem).type).toMatch(/\/idempotency-key-reused$/);

    // Someone else wants the same slot: 409 without asking coreplus to book.
    await s.controls.resetStats();
    const late = await postBooking(s.api, body(slot!, patient()), "flow-key-0002");
    expect(late.status).toBe(409);
    expect(late.headers.get("content-type")).toBe("application/problem+json");
    expect((late.body as Problem).type).toMatch(/\/slot-unavailable$/);
    expect((await s.controls.stats()).byRoute["POST /Appointment/"] ?? 0).toBe(0);
    expect(s.sandbox.store.appointments.size).toBe(before + 1);

    // And availability no longer offers it.
    const now = await slots(NEXT_MONDAY);
    expect(now.some((x) => x.start === slot!.start && x.practitionerId === slot!.practitionerId)).toBe(false);
  });

  test("coreplus's 'time is not available' becomes 409 (slot taken behind our back)", async () => {
    const slot = (await slots("2026-12-08"))[3]!;
    const before = s.sandbox.store.appointments.size;
    // Slow down client creation, and book the slot directly in coreplus meanwhile, as reception would.
    await s.controls.setLatency(800, { method: "POST", path: "/client" });
    try {
      const pending = postBooking(s.api, body(slot, patient()), "behind-back-01");
      await new Promise((r) => setTimeout(r, 300));
      const reception = createCoreplusClient({ baseUrl: s.sandboxUrl, ...s.sandbox.credentials });
      const someone = [...s.sandbox.store.clients.values()][0]!;
      await reception.appointments.book({
        startDateTime: slot.start,
        endDateTime: new Date(Date.parse(slot.start) + 30 * 60_000).toISOString(),
        practitioner: { practitionerId: slot.practitionerId },
        locationId: slot.locationId,
        clients: [{ clientId: someone.clientId }],
        appointmentTypeId: ids.standard,
      } as Parameters<typeof reception.appointments.book>[0]);
      const res = await pending;
      expect(res.status).toBe(409);
      expect((res.body as Problem).type).toMatch(/\/slot-unavailable$/);
      expect(s.sandbox.store.appointments.size).toBe(before + 1);
    } finally {
      await s.controls.clearFaults();
    }
  });

  test("an existing client is reused only on an exact match; any doubt creates a new one", async () => {
    const existing = [...s.sandbox.store.clients.values()].find(
      (c) => c.status === "Current" && c.email !== "" && c.phoneNumberMobile !== "",
    )!;
    const [a, b, c] = (await slots("2026-12-09")).filter(
      (x, i, all) => all.findIndex((y) => y.start === x.start) === i,
    );
    const clientsBefore = s.sandbox.store.clients.size;
    const same = {
      firstName: existing.firstName,
      lastName: existing.lastName,
      dateOfBirth: existing.dateOfBirth,
      email: existing.email.toUpperCase(),
      mobile: "0499 999 999",
    };
    const matched = await postBooking(s.api, body(a!, same), "match-key-001");
    expect(matched.status).toBe(201);
    const apptOf = (ref: unknown) =>
      [...s.sandbox.store.appointments.values()].find((x) => x.appointmentReferenceNumber === ref)!;
    expect(apptOf((matched.body as { booking: { reference: string } }).booking.reference).clientId).toBe(
      existing.clientId,
    );
    expect(s.sandbox.store.clients.size).toBe(clientsBefore);
    // The form never updates the existing client.
    expect(s.sandbox.store.clients.get(existing.clientId)?.phoneNumberMobile).toBe(
      existing.phoneNumberMobile,
    );

    const doubt = { ...same, email: "someone.else@example.com", mobile: "0499 111 222" };
    const created = await postBooking(s.api, body(b!, doubt), "match-key-002");
    expect(created.status).toBe(201);
    expect(apptOf((created.body as { booking: { reference: string } }).booking.reference).clientId).not.toBe(
      existing.clientId,
    );
    expect(s.sandbox.store.clients.size).toBe(clientsBefore + 1);

    // Both answers have the same shape: nothing tells which happened.
    const keys = (x: unknown) => Object.keys((x as { booking: object }).booking).sort();
    expect(keys(created.body)).toEqual(keys(matched.body));
    expect(c).toBeDefined();
  });

  test("reminder flags come from the clinic's configuration", async () => {
    const [slot] = await slots("2026-12-10");
    const res = await postBooking(`${s.edge.url}/v1/clinics/quiet`, body(slot!), "quiet-key-0001");
    expect(res.status).toBe(201);
    const booking = (res.body as { booking: { reference: string; reminders: unknown } }).booking;
    expect(booking.reminders).toEqual({ email: false, sms: true });
    const appt = [...s.sandbox.store.appointments.values()].find(
      (x) => x.appointmentReferenceNumber === booking.reference,
    )!;
    expect(appt.isEmailReminderRequired).toBe(false);
    expect(appt.isSmsReminderRequired).toBe(true);
  });

  test("invalid bookings are 422 with field pointers, recorded and replayed for their key", async () => {
    const [slot] = await slots("2026-12-10");
    const bad = body(slot!, { ...patient(), email: "not-an-email", firstName: "" }, { consent: false });
    const res = await postBooking(s.api, bad, "invalid-key-01");
    expect(res.status).toBe(422);
    const problem = res.body as Problem;
    expect(problem.type).toMatch(/\/validation$/);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: "/patient/email", code: "invalid_email" }),
        expect.objectContaining({ pointer: "/patient/firstName", code: "required" }),
        expect.objectContaining({ pointer: "/consent" }),
      ]),
    );
    expect(res.text).not.toContain("not-an-email");
    expect((await postBooking(s.api, bad, "invalid-key-01")).text).toBe(res.text);

    const cases: [unknown, string, string][] = [
      // Too soon: the pinned time is 08:00 and the notice two hours.
      [
        { ...body(slot!), slot: { ...body(slot!).slot, start: "2026-11-30T09:00:00+11:00" } },
        "/slot/start",
        "too_soon",
      ],
      [
        { ...body(slot!), slot: { ...body(slot!).slot, start: "2027-03-01T09:00:00+11:00" } },
        "/slot/start",
        "too_far_ahead",
      ],
      [
        { ...body(slot!), patient: { ...patient(), dateOfBirth: "2030-01-01" } },
        "/patient/dateOfBirth",
        "in_future",
      ],
      [
        { ...body(slot!), slot: { ...body(slot!).slot, appointmentTypeId: ids.hydro } },
        "/slot/appointmentTypeId",
        "not_bookable",
      ],
      [
        { ...body(slot!), slot: { ...body(slot!).slot, start: "2026-12-10 09:00" } },
        "/slot/start",
        "invalid_format",
      ],
    ];
    let n = 0;
    for (const [b, pointer, code] of cases) {
      const r = await postBooking(s.api, b, `invalid-key-1${n++}`);
      expect(r.status, pointer).toBe(422);
      expect((r.body as Problem).errors).toContainEqual(expect.objectContaining({ pointer, code }));
    }
  });

  test("each request-level problem type", async () => {
    const [slot] = await slots("2026-12-10");
    const expectType = (r: { status: number; body: unknown }, status: number, type: string) => {
      expect(r.status).toBe(status);
      expect((r.body as Problem).type.endsWith(`/${type}`)).toBe(true);
      expect((r.body as Problem).status).toBe(status);
    };
    expectType(await postBooking(s.api, body(slot!), undefined), 400, "idempotency-key-missing");
    expectType(await postBooking(s.api, '{"slot":', "malformed-0001"), 400, "malformed-body");
    expectType(
      await postBooking(s.api, body(slot!, patient(), { website: "https://spam.example" }), "spam-key-0001"),
      422,
      "spam",
    );
    expectType(
      await postBooking(`${s.edge.url}/v1/clinics/nope`, body(slot!), "nope-key-0001"),
      404,
      "clinic-not-found",
    );
    expectType(
      await postBooking(s.api, { note: "x".repeat(40_000) }, "big-key-00001"),
      413,
      "payload-too-large",
    );
  });

  test("logs carry request ids and no patient data", () => {
    const text = JSON.stringify(s.logs);
    expect(s.logs.length).toBeGreaterThan(10);
    for (const entry of s.logs.filter((e) => e.msg === "request")) expect(entry.requestId).toBeTruthy();
    expect(text).not.toMatch(/@example\.com/);
    expect(text).not.toMatch(/Test\d+/);
    expect(text).not.toContain("Sore left knee");
    expect(text).not.toContain(s.sandbox.credentials.consumerSecret);
    expect(text).not.toContain(s.sandbox.credentials.accessToken);
  });
});
