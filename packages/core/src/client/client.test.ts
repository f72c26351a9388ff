import { describe, expect, test } from "vitest";
import { appointmentJson, guid, json, result, useFakeCoreplus } from "../../test/fake-coreplus.js";
import {
  CoreplusAuthError,
  type CoreplusError,
  CoreplusNotFoundError,
  CoreplusResponseError,
  CoreplusSlotUnavailableError,
  CoreplusUpstreamError,
  CoreplusValidationError,
  SLOT_UNAVAILABLE_REASON,
} from "../errors.js";

const { fake, client } = useFakeCoreplus();

const clientRow = (n: number) => ({
  clientId: guid(n),
  title: "",
  firstName: `First${n}`,
  middleName: "",
  lastName: `Last${n}`,
  preferredName: "",
  gender: "Female",
  dateOfBirth: "1990-02-03T00:00:00",
  practitionerId: null,
  culture: "",
  pronouns: "",
  relatedClients: [],
});

const appointment = (status = "Booked") => appointmentJson({ status });

/** Serves `total` clients with the coreplus list envelope (optionally clamping pageSize, optionally without paging). */
function serveClients(total: number, opts: { clampTo?: number; noPaging?: boolean } = {}) {
  fake.handle((req, res) => {
    const pageNumber = Number(req.query.get("pageNumber") ?? 1);
    const pageSize = Math.min(Number(req.query.get("pageSize") ?? 50), opts.clampTo ?? 100);
    const rows = Array.from({ length: total }, (_, i) => clientRow(i + 1)).slice(
      (pageNumber - 1) * pageSize,
      pageNumber * pageSize,
    );
    json(res, 200, {
      clients: rows,
      ...(opts.noPaging ? {} : { paging: { pageNumber, pageSize, totalRows: total } }),
      statusMessages: [],
    });
  });
}

describe("signing and URLs", () => {
  test("every request carries a valid JwToken whose url claim is the exact URL received, query included", async () => {
    fake.handle((_req, res) => json(res, 200, { timeslots: [], statusMessages: [] }));
    const c = client({ baseUrl: `${fake.origin}/API/Core/v2.1/` });
    expect(c.baseUrl).toBe(`${fake.origin}/API/Core/v2.1`);
    await c.availability.list({
      startDate: "2026-12-01",
      endDate: "2026-12-07",
      timezoneId: "39D62534-501C-49CD-9DA9-6FA8D6A81F48",
      practitionerId: [guid(1), guid(2)],
      appointmentTypeId: guid(3),
    });
    await c.clients.list({ name: "O'Brien & Sons", pageSize: 10 }).catch(() => undefined);
    expect(fake.received).toHaveLength(2);
    for (const r of fake.received) {
      expect(r.claims, "token verified").toBeDefined();
      expect(r.claims?.url).toBe(r.url);
      expect(r.claims?.httpMethod).toBe("GET");
      expect(r.headers.authorization).toMatch(/^JwToken [^ ]+$/);
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers.accept).toBe("application/json");
    }
    const [slots, clients] = fake.received;
    expect(slots?.path).toBe("/API/Core/v2.1/AvailabilitySlot/");
    expect(slots?.query.getAll("practitionerId")).toEqual([guid(1), guid(2)]);
    expect(slots?.rawQuery).toContain(`practitionerId=${guid(1)}&practitionerId=${guid(2)}`);
    expect(clients?.query.get("name")).toBe("O'Brien & Sons");
    expect(clients?.claims?.url).toContain("?name=O%27Brien%20%26%20Sons&pageSize=10");
  });

  test("aud is https://coreplus.com.au unless the client is given an audience", async () => {
    fake.handle((_req, res) => json(res, 200, { locations: [] }));
    await client().locations.list();
    await client({ audience: "https://sandbox.coreplus.com.au" }).locations.list();
    expect(fake.received.map((r) => r.claims?.aud)).toEqual([
      "https://coreplus.com.au",
      "https://sandbox.coreplus.com.au",
    ]);
  });

  test("version v2 and a fresh token per request", async () => {
    fake.handle((_req, res) => json(res, 200, { locations: [] }));
    const c = client({ version: "v2" });
    await c.locations.list();
    await c.locations.list({ pageNumber: 2 });
    expect(fake.received.map((r) => r.path)).toEqual(["/API/Core/v2/Location/", "/API/Core/v2/Location/"]);
    expect(fake.received[0]?.jwt).not.toBe(fake.received[1]?.jwt);
  });
});

describe("paging", () => {
  test("iterate walks 100-row pages and stops on the short page", async () => {
    serveClients(250);
    const all = [];
    for await (const row of client().clients.iterate({ name: "x" })) all.push(row.clientId);
    expect(all).toHaveLength(250);
    expect(new Set(all).size).toBe(250);
    expect(
      fake.received.map((r) => [r.query.get("pageNumber"), r.query.get("pageSize"), r.query.get("name")]),
    ).toEqual([
      ["1", "100", "x"],
      ["2", "100", "x"],
      ["3", "100", "x"],
    ]);
  });

  test("stops at totalRows without asking for an empty page", async () => {
    serveClients(200);
    expect(await client().clients.iterate().toArray()).toHaveLength(200);
    expect(fake.received).toHaveLength(2);
  });

  test("without paging it stops on a short or empty page", async () => {
    serveClients(200, { noPaging: true });
    expect(await client().clients.iterate().toArray()).toHaveLength(200);
    expect(fake.received).toHaveLength(3);
  });

  test("a server that clamps the page size is followed to the end", async () => {
    serveClients(120, { clampTo: 50 });
    expect(await client().clients.iterate().toArray()).toHaveLength(120);
    expect(fake.received).toHaveLength(3);
  });

  test("toArray({ limit }) fetches no more pages than needed", async () => {
    serveClients(1000);
    const first = await client().clients.iterate().toArray({ limit: 150 });
    expect(first.map((c) => c.firstName)).toEqual(Array.from({ length: 150 }, (_, i) => `First${i + 1}`));
    expect(fake.received).toHaveLength(2);
    fake.received.length = 0;
    expect(await client().clients.iterate().toArray({ limit: 0 })).toEqual([]);
    expect(fake.received).toHaveLength(0);
  });

  test("list returns one page with its paging", async () => {
    serveClients(3);
    const page = await client().clients.list({ pageSize: 2, pageNumber: 2 });
    expect(page.items.map((c) => c.clientId)).toEqual([guid(3)]);
    expect(page.items[0]?.dateOfBirth).toBe("1990-02-03");
    expect(page.paging).toEqual({ pageNumber: 2, pageSize: 2, totalRows: 3 });
  });
});

describe("resources", () => {
  test("single resources are accepted wrapped or bare", async () => {
    const detail = { ...clientRow(7), phoneNumberMobile: "0400 000 000", email: "a@b.co" };
    fake.handle((req, res) => {
      if (req.path.endsWith(`/Client/${guid(7)}/`)) return json(res, 200, detail);
      if (req.path.endsWith(`/Client/${guid(8)}/`))
        return json(res, 200, { client: { ...detail, clientId: guid(8) } });
      return json(res, 200, { appointment: appointment() });
    });
    const c = client();
    expect((await c.clients.get(guid(7))).phoneNumberMobile).toBe("0400 000 000");
    expect((await c.clients.get(guid(8))).clientId).toBe(guid(8));
    const appt = await c.appointments.get(guid(1, "bbbbbbbb"), { getPractitionerProfiles: true });
    expect(appt.startDateTime).toBe("2026-12-01T09:00:00+11:00");
    expect(fake.received[2]?.rawQuery).toBe("getPractitionerProfiles=true");
  });

  test("book sends the normalised body once; create client unwraps the id", async () => {
    fake.handle((req, res) =>
      req.path.endsWith("/Client/")
        ? json(res, 200, { client: { clientId: guid(9) } })
        : json(res, 200, { appointment: appointment() }),
    );
    const c = client();
    const booked = await c.appointments.book({
      startDateTime: "2026-12-01 09:00 +11:00",
      endDateTime: "2026-12-01T09:30:00+11:00",
      practitioner: { practitionerId: guid(2, "cccccccc") },
      locationId: guid(3, "dddddddd"),
      clients: [{ clientId: guid(4) }],
      isSmsReminderRequired: true,
    });
    expect(booked.status).toBe("Booked");
    expect(fake.received[0]?.method).toBe("POST");
    expect(fake.received[0]?.body).toMatchObject({
      startDateTime: "2026-12-01T09:00:00+11:00",
      isSmsReminderRequired: true,
    });
    expect(fake.received[0]?.claims?.httpMethod).toBe("POST");
    expect(await c.clients.create({ firstName: "Ann", lastName: "Lee", dateOfBirth: "1990-01-01" })).toEqual({
      clientId: guid(9),
    });
  });

  test("cancel posts {deleted: true} to the appointment", async () => {
    fake.handle((_req, res) => json(res, 200, { appointment: appointment("Cancelled") }));
    const cancelled = await client().appointments.cancel(guid(1, "bbbbbbbb"), { notes: "unwell" });
    expect(cancelled.status).toBe("Cancelled");
    expect(fake.received[0]?.path).toBe(`/API/Core/v2.1/Appointment/${guid(1, "bbbbbbbb")}/`);
    expect(fake.received[0]?.body).toEqual({ deleted: true, cancellationNotes: "unwell" });
  });

  test("an invalid body is refused locally with paths, before any request", async () => {
    const err = await client()
      .appointments.book({ startDateTime: "2026-12-01T09:00:00" } as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreplusValidationError);
    expect((err as CoreplusValidationError).issues.map((i) => i.path)).toContain("startDateTime");
    expect(fake.received).toHaveLength(0);
  });
});

describe("error mapping", () => {
  const cases = [
    [400, result("firstName is required"), CoreplusValidationError, "ERR_COREPLUS_VALIDATION"],
    [404, result("Not found"), CoreplusNotFoundError, "ERR_COREPLUS_NOT_FOUND"],
    [409, result(SLOT_UNAVAILABLE_REASON), CoreplusSlotUnavailableError, "ERR_COREPLUS_SLOT_UNAVAILABLE"],
    [500, result("Internal error"), CoreplusUpstreamError, "ERR_COREPLUS_UPSTREAM"],
    [200, result(SLOT_UNAVAILABLE_REASON), CoreplusSlotUnavailableError, "ERR_COREPLUS_SLOT_UNAVAILABLE"],
    [200, result("Client is archived"), CoreplusValidationError, "ERR_COREPLUS_VALIDATION"],
  ] as const;
  test.each(cases)("%i %j → %o", async (status, body, Cls, code) => {
    fake.handle((_req, res) => json(res, status, body));
    const err = await client({ retry: { retries: 0 } })
      .appointments.book({
        startDateTime: "2026-12-01T09:00:00+11:00",
        endDateTime: "2026-12-01T09:30:00+11:00",
        practitioner: { practitionerId: guid(2) },
        locationId: guid(3),
        clients: [{ clientId: guid(4) }],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Cls);
    expect((err as CoreplusError).code).toBe(code);
    expect((err as CoreplusError).status).toBe(status);
    expect((err as CoreplusError).reasons).toEqual([body.result[0]?.reason]);
    expect((err as CoreplusError).method).toBe("POST");
  });

  test("401 when the secret is wrong", async () => {
    const err = await client({ consumerSecret: "not-the-right-secret" })
      .locations.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreplusAuthError);
    expect((err as CoreplusAuthError).reasons).toEqual(["Invalid token"]);
    expect(fake.received).toHaveLength(1);
  });

  test("a body that is not JSON is a CoreplusResponseError", async () => {
    fake.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"locations": [');
    });
    const err = await client()
      .locations.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreplusResponseError);
    expect((err as CoreplusResponseError).code).toBe("ERR_COREPLUS_BAD_RESPONSE");
    expect(fake.received).toHaveLength(1);
  });

  test("a body that fails the schema is a CoreplusResponseError naming the paths, not the values", async () => {
    fake.handle((_req, res) =>
      json(res, 200, {
        clients: [clientRow(1), { ...clientRow(2), dateOfBirth: "2 Feb 1990", clientId: "Jane Citizen" }],
      }),
    );
    const err = await client()
      .clients.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreplusResponseError);
    const paths = (err as CoreplusResponseError).issues.map((i) => i.path);
    expect(paths).toEqual(["clients.1.clientId", "clients.1.dateOfBirth"]);
    expect((err as Error).message).toContain("clients.1.dateOfBirth");
    expect((err as Error).message).not.toContain("Jane Citizen");
  });
});
