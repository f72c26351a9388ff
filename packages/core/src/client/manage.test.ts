/**
 * Managing appointments and family records through the typed client: get, update (reschedule in
 * place), cancel and clientFamily.create against core's fake coreplus: what is sent, which answer
 * shapes are read, and that none of these POSTs is repeated after it may have reached the server.
 */
import { describe, expect, test } from "vitest";
import { appointmentJson, guid, json, result, useFakeCoreplus } from "../../test/fake-coreplus.js";
import {
  CoreplusNetworkError,
  CoreplusNotFoundError,
  CoreplusSlotUnavailableError,
  CoreplusUpstreamError,
  CoreplusValidationError,
  SLOT_UNAVAILABLE_REASON,
} from "../errors.js";

const { fake, client } = useFakeCoreplus();

const ID = guid(1, "bbbbbbbb");
const appointment = (over: Record<string, unknown> = {}) =>
  appointmentJson({
    appointmentReferenceNumber: 1001,
    practitioner: { practitionerId: guid(2, "cccccccc"), firstName: "Liam", lastName: "O'Connor" },
    ...over,
  });
const family = (over: Record<string, unknown> = {}) => ({
  familyId: guid(9, "eeeeeeee"),
  firstName: "aki",
  surname: "smith",
  title: "",
  relationship: "",
  dateOfBirth: "",
  medicareCardNumber: "",
  medicareCardIRN: "",
  homePhone: "",
  workPhone: "",
  mobile: "",
  email: "",
  address: "",
  suburb: "",
  postcode: "",
  notes: "",
  emergencyContact: false,
  invoiceRecipient: false,
  mainContact: false,
  ...over,
});

/** Answers 500 (or drops the connection) the first time, then 200 with `ok`. */
function failOnceThen(kind: "500" | "drop" | "429", ok: unknown): void {
  let first = true;
  fake.handle((_req, res) => {
    if (!first) return json(res, 200, ok);
    first = false;
    if (kind === "drop") res.socket?.destroy();
    else if (kind === "429") json(res, 429, result("Too Many Requests"), { "retry-after": "0" });
    else json(res, 500, result("forced 500"));
  });
}

describe("appointments.get", () => {
  test("asks for practitioner profiles and cancellation fields; reads wrapped and bare answers", async () => {
    let n = 0;
    fake.handle((_req, res) =>
      json(res, 200, n++ === 0 ? { appointment: appointment() } : appointment({ status: "Cancelled" })),
    );
    const c = client();
    const wrapped = await c.appointments.get(ID.toUpperCase(), {
      getPractitionerProfiles: true,
      cancellationId: true,
    });
    expect(wrapped).toMatchObject({
      appointmentId: ID,
      appointmentReferenceNumber: "1001",
      startDateTime: "2026-12-01T09:00:00+11:00",
      practitioner: { lastName: "O'Connor" },
    });
    expect(fake.received[0]?.path).toBe(`/API/Core/v2.1/Appointment/${ID.toUpperCase()}/`);
    expect(fake.received[0]?.rawQuery).toBe("getPractitionerProfiles=true&cancellationId=true");
    expect((await c.appointments.get(ID)).status).toBe("Cancelled");
    expect(fake.received[1]?.rawQuery).toBe("");
  });

  test("an unknown id is a CoreplusNotFoundError", async () => {
    fake.handle((_req, res) => json(res, 404, result("Appointment not found")));
    await expect(client().appointments.get(ID)).rejects.toBeInstanceOf(CoreplusNotFoundError);
  });
});

describe("appointments.update", () => {
  test("posts the normalised patch to the item and returns the moved appointment", async () => {
    fake.handle((_req, res) =>
      json(res, 200, {
        appointment: appointment({
          startDateTime: "2026-12-02T10:00:00 +11:00",
          endDateTime: "2026-12-02T10:30:00 +11:00",
          notes: "Moved by phone",
        }),
      }),
    );
    const moved = await client().appointments.update(ID, {
      startDateTime: "2026-12-02 10:00 +11:00",
      endDateTime: "2026-12-01T23:30:00Z",
      practitioner: { practitionerId: guid(2, "cccccccc") },
      notes: "Moved by phone",
    });
    expect(moved).toMatchObject({ appointmentId: ID, startDateTime: "2026-12-02T10:00:00+11:00" });
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]).toMatchObject({
      method: "POST",
      path: `/API/Core/v2.1/Appointment/${ID}/`,
      body: {
        startDateTime: "2026-12-02T10:00:00+11:00",
        endDateTime: "2026-12-01T23:30:00+00:00",
        practitioner: { practitionerId: guid(2, "cccccccc") },
        notes: "Moved by phone",
      },
    });
  });

  test("a taken time is a CoreplusSlotUnavailableError; a bad patch never leaves the client", async () => {
    fake.handle((_req, res) => json(res, 409, result(SLOT_UNAVAILABLE_REASON)));
    await expect(
      client().appointments.update(ID, { startDateTime: "2026-12-02T10:00:00+11:00" }),
    ).rejects.toBeInstanceOf(CoreplusSlotUnavailableError);
    const bad = await client()
      .appointments.update(ID, {
        startDateTime: "2026-12-02T10:00:00+11:00",
        endDateTime: "2026-12-02T09:00:00+11:00",
      })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(CoreplusValidationError);
    expect((bad as CoreplusValidationError).issues.map((i) => i.path)).toEqual(["endDateTime"]);
    expect(fake.received).toHaveLength(1);
  });
});

describe("appointments.cancel", () => {
  test("one documented form: {deleted: true} to the item, reason and notes mapped; wrapped or bare answer", async () => {
    let n = 0;
    fake.handle((_req, res) => {
      const cancelled = appointment({ status: "Cancelled" });
      json(res, 200, n++ === 0 ? { appointment: cancelled } : cancelled);
    });
    const c = client();
    const first = await c.appointments.cancel(ID, { reasonId: guid(5, "ffffffff"), notes: "Unwell" });
    expect(first.status).toBe("Cancelled");
    expect(fake.received[0]).toMatchObject({
      method: "POST",
      path: `/API/Core/v2.1/Appointment/${ID}/`,
      body: { deleted: true, cancellationReasonId: guid(5, "ffffffff"), cancellationNotes: "Unwell" },
    });
    expect((await c.appointments.cancel(ID)).status).toBe("Cancelled");
    expect(fake.received[1]?.body).toEqual({ deleted: true });
  });

  test("notes over 300 characters or a reason that is not a GUID are refused locally", async () => {
    for (const opts of [{ notes: "n".repeat(301) }, { reasonId: "soon" }]) {
      await expect(client().appointments.cancel(ID, opts)).rejects.toBeInstanceOf(CoreplusValidationError);
    }
    expect(fake.received).toHaveLength(0);
  });
});

describe("clientFamily.create", () => {
  test("both clientId forms are sent as the documented bare id; the answer is read bare or wrapped", async () => {
    let n = 0;
    fake.handle((_req, res) => {
      const record = family({ firstName: "Ann", surname: "Lee", relationship: "Mother", mainContact: true });
      json(res, 200, n++ === 0 ? record : { clientFamily: record });
    });
    const c = client();
    const created = await c.clientFamily.create({
      clientId: guid(4).toUpperCase(),
      firstName: "Ann",
      surname: "Lee",
      relationship: "Mother",
      mobile: "0491 570 156",
      mainContact: true,
    });
    expect(created).toMatchObject({
      familyId: guid(9, "eeeeeeee"),
      firstName: "Ann",
      relationship: "Mother",
      mainContact: true,
      emergencyContact: false,
    });
    expect(created.dateOfBirth).toBeUndefined();
    expect(fake.received[0]).toMatchObject({
      method: "POST",
      path: "/API/Core/v2.1/ClientFamily/",
      body: { clientId: guid(4), firstName: "Ann", surname: "Lee", mainContact: true },
    });
    const nested = await c.clientFamily.create({
      clientId: { clientId: guid(4) },
      firstName: "Bo",
      surname: "Lee",
    });
    expect(nested.surname).toBe("Lee");
    expect(fake.received[1]?.body).toMatchObject({ clientId: guid(4) });
  });

  test("missing names, a bad title, long notes and a bad clientId are refused locally with paths", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ clientId: guid(4), surname: "Lee" }, "firstName"],
      [{ clientId: guid(4), firstName: "Ann", surname: " " }, "surname"],
      [{ clientId: guid(4), firstName: "Ann", surname: "Lee", title: "Prof" }, "title"],
      [{ clientId: guid(4), firstName: "Ann", surname: "Lee", notes: "n".repeat(301) }, "notes"],
      [{ clientId: guid(4), firstName: "Ann", surname: "Lee", medicareCardIRN: "12" }, "medicareCardIRN"],
      [{ clientId: "client-4", firstName: "Ann", surname: "Lee" }, "clientId"],
    ];
    for (const [body, path] of cases) {
      const err = await client()
        .clientFamily.create(body as never)
        .catch((e: unknown) => e);
      expect(err, path).toBeInstanceOf(CoreplusValidationError);
      expect((err as CoreplusValidationError).issues.map((i) => i.path)).toContain(path);
    }
    expect(fake.received).toHaveLength(0);
  });
});

describe("none of these POSTs is repeated after it may have reached coreplus", () => {
  const calls = {
    update: () => client().appointments.update(ID, { notes: "x" }),
    cancel: () => client().appointments.cancel(ID),
    "clientFamily.create": () =>
      client().clientFamily.create({ clientId: guid(4), firstName: "Ann", surname: "Lee" }),
  };
  const ok = (name: string) => (name === "clientFamily.create" ? family() : { appointment: appointment() });

  for (const [name, run] of Object.entries(calls)) {
    test(`${name}: a 500 or a dropped connection is tried once; a 429 is retried`, async () => {
      failOnceThen("500", ok(name));
      await expect(run()).rejects.toBeInstanceOf(CoreplusUpstreamError);
      expect(fake.received).toHaveLength(1);
      failOnceThen("drop", ok(name));
      await expect(run()).rejects.toBeInstanceOf(CoreplusNetworkError);
      expect(fake.received).toHaveLength(2);
      failOnceThen("429", ok(name));
      await run();
      expect(fake.received).toHaveLength(4);
    });
  }
});
