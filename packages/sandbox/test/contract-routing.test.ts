/** Routing, envelopes, paging and the reference resources (coreplus-api.md §1, §3, §4.1–4.3). */
import { describe, expect, test } from "vitest";
import { type ApiResponse, call, testSandbox } from "./helpers.js";

const sandbox = testSandbox();
const RESULT_404 = { result: [{ severity: 2, reason: expect.any(String) }] };

type List = {
  paging: { pageNumber: number; totalRows: number; pageSize: number };
  statusMessages: unknown[];
};
type Locations = List & { locations: Record<string, unknown>[] };

describe("routing", () => {
  test("both versions, any case, with or without the trailing slash, answer the same", async () => {
    const paths = ["/Location/", "/location", "/LOCATION/", "/Location"];
    const answers: ApiResponse<Locations>[] = [];
    for (const version of ["v2", "v2.1"] as const) {
      for (const path of paths) answers.push(await call<Locations>(sandbox, "GET", path, { version }));
    }
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body).toEqual(answers[0]?.body);
    }
  });

  test("lower-case /api/core prefix is accepted", async () => {
    const { createRequestSigner } = await import("@coreplus-kit/core");
    const url = "http://sandbox.test/api/core/v2.1/location/";
    const authorization = await createRequestSigner(sandbox.credentials).authorization("GET", url);
    const res = await sandbox.app.fetch(new Request(url, { headers: { authorization } }));
    expect(res.status).toBe(200);
  });

  test("unknown routes and versions are 404 with the result body", async () => {
    for (const path of ["/Nope/", "/Location/x/y/", "/Payment/"]) {
      const res = await call(sandbox, "GET", path);
      expect(res.status, path).toBe(404);
      expect(res.body).toEqual({ result: [{ severity: 2, reason: "Not found" }] });
    }
    const v3 = await call(sandbox, "GET", "/Location/", { version: "v3" as "v2" });
    expect(v3.status).toBe(404);
  });

  test("other methods are 405 with the result body; PUT is an alias only on items that update", async () => {
    const cases: [string, string][] = [
      ["DELETE", "/Location/"],
      ["POST", "/Location/"],
      ["PUT", "/Practitioner/"],
      ["DELETE", "/Client/"],
      ["PATCH", "/Client/"],
      ["DELETE", "/Appointment/"],
      ["PUT", "/AvailabilitySlot/"],
      ["DELETE", "/AppointmentType/"],
    ];
    for (const [method, path] of cases) {
      const res = await call(
        sandbox,
        method,
        path,
        method === "GET" || method === "DELETE" ? {} : { body: {} },
      );
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.body).toEqual({ result: [{ severity: 2, reason: "Method not allowed" }] });
      expect(res.headers.get("allow")).toBeTruthy();
    }
  });

  test("error responses are JSON", async () => {
    const res = await call(sandbox, "GET", "/Nope/");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("paging", () => {
  test("defaults to page 1 of 50 in the documented envelope", async () => {
    const res = await call<List & { clients: unknown[] }>(sandbox, "GET", "/Client/");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["clients", "paging", "statusMessages"]);
    expect(Object.keys(res.body.paging)).toEqual(["pageNumber", "totalRows", "pageSize"]);
    expect(res.body.paging).toEqual({ pageNumber: 1, totalRows: sandbox.seed.clientCount, pageSize: 50 });
    expect(res.body.clients).toHaveLength(50);
    expect(res.body.statusMessages).toEqual([]);
  });

  test("pageSize over 100 is clamped to 100", async () => {
    const res = await call<List & { clients: unknown[] }>(sandbox, "GET", "/Client/", {
      query: { pageSize: 500 },
    });
    expect(res.body.paging.pageSize).toBe(100);
    expect(res.body.clients).toHaveLength(100);
  });

  test("the pages partition the list; a page past the end is empty with the real total", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await call<List & { clients: { clientId: string }[] }>(sandbox, "GET", "/Client/", {
        query: { pageNumber: page, pageSize: 50 },
      });
      seen.push(...res.body.clients.map((c) => c.clientId));
    }
    expect(new Set(seen).size).toBe(sandbox.seed.clientCount);
    const past = await call<List & { clients: unknown[] }>(sandbox, "GET", "/Client/", {
      query: { pageNumber: 9 },
    });
    expect(past.status).toBe(200);
    expect(past.body.clients).toEqual([]);
    expect(past.body.paging).toEqual({ pageNumber: 9, totalRows: sandbox.seed.clientCount, pageSize: 50 });
  });

  test("pageNumber or pageSize below 1 or not whole → 400 with the result body", async () => {
    for (const query of [
      { pageNumber: 0 },
      { pageSize: 0 },
      { pageNumber: "1.5" },
      { pageSize: "abc" },
      { pageNumber: -1 },
    ]) {
      const res = await call(sandbox, "GET", "/Location/", { query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body).toEqual({ result: [{ severity: 2, reason: expect.stringMatching(/page/i) }] });
    }
  });

  test("query parameter names are case-insensitive", async () => {
    const res = await call<List>(sandbox, "GET", "/Client/", { query: { PAGESIZE: 7, pagenumber: 2 } });
    expect(res.body.paging).toMatchObject({ pageNumber: 2, pageSize: 7 });
  });
});

describe("locations", () => {
  test("list: every location with its zone, address and phone, sorted by name", async () => {
    const res = await call<Locations>(sandbox, "GET", "/Location/");
    const names = res.body.locations.map((l) => l.name as string);
    expect(names).toEqual(sandbox.seed.locations.map((l) => l.name));
    expect(names).toEqual([...names].sort());
    const docklands = res.body.locations[0];
    expect(docklands).toEqual({
      locationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: "Harbourside Health Docklands",
      timeZone: { timezoneId: "39d62534-501c-49cd-9da9-6fa8d6a81f48", tzName: "Australia/Melbourne" },
      address: { streetAddress: expect.any(String), suburb: "Docklands", state: "VIC", postcode: "3008" },
      phoneNumber: "03 5550 1200",
    });
  });

  test("get by id (any case) is wrapped; unknown id → 404", async () => {
    const id = sandbox.seed.locations[1]?.locationId ?? "";
    const res = await call<{ location: { locationId: string } }>(
      sandbox,
      "GET",
      `/Location/${id.toUpperCase()}/`,
    );
    expect(res.status).toBe(200);
    expect(res.body.location.locationId).toBe(id);
    const missing = await call(sandbox, "GET", "/Location/00000000-0000-4000-8000-000000000000/");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(RESULT_404);
  });
});

describe("practitioners", () => {
  type Practitioners = List & {
    practitioners: { practitionerId: string; lastName: string; locationIds: string[] }[];
  };

  test("list sorted by last name, with titles, emails and locations; locationId filters", async () => {
    const res = await call<Practitioners>(sandbox, "GET", "/Practitioner/");
    expect(res.body.practitioners.map((p) => p.practitionerId)).toEqual(
      sandbox.seed.practitioners.map((p) => p.practitionerId),
    );
    expect(res.body.practitioners[0]).toEqual({
      practitionerId: expect.any(String),
      title: expect.any(String),
      firstName: expect.any(String),
      lastName: expect.any(String),
      displayName: expect.any(String),
      email: expect.stringContaining("@"),
      locationIds: expect.any(Array),
    });
    const hamilton = sandbox.seed.locations.find((l) => l.name.endsWith("Hamilton"));
    const filtered = await call<Practitioners>(sandbox, "GET", "/Practitioner/", {
      query: { locationId: hamilton?.locationId ?? "" },
    });
    expect(filtered.body.practitioners.length).toBeGreaterThan(0);
    expect(filtered.body.practitioners.length).toBeLessThan(res.body.practitioners.length);
    for (const p of filtered.body.practitioners) expect(p.locationIds).toContain(hamilton?.locationId);
  });

  test("get by id is wrapped; unknown → 404", async () => {
    const id = sandbox.seed.practitioners[0]?.practitionerId ?? "";
    const res = await call<{ practitioner: { practitionerId: string } }>(
      sandbox,
      "GET",
      `/Practitioner/${id}`,
    );
    expect(res.body.practitioner.practitionerId).toBe(id);
    expect((await call(sandbox, "GET", "/Practitioner/nope/")).status).toBe(404);
  });
});

describe("appointment types", () => {
  type Types = List & { appointmentTypes: Record<string, unknown>[] };

  test("list sorted by description with durations and restrictions", async () => {
    const res = await call<Types>(sandbox, "GET", "/AppointmentType/");
    expect(res.body.appointmentTypes.map((t) => t.description)).toEqual(
      sandbox.seed.appointmentTypes.map((t) => t.description),
    );
    const initial = res.body.appointmentTypes.find((t) => t.description === "Initial Consultation");
    expect(initial).toMatchObject({ durationMinutes: 60, practitionerId: null, locationId: null });
  });

  test("create returns the bare {appointmentTypeId, description}; duration may be a numeric string", async () => {
    const local = testSandbox();
    const practitionerId = local.seed.practitioners[0]?.practitionerId;
    const res = await call<{ appointmentTypeId: string; description: string }>(
      local,
      "POST",
      "/AppointmentType/",
      {
        body: {
          description: "Telehealth Review",
          durationMinutes: "20",
          blockColour: "aabbcc",
          practitionerId,
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      appointmentTypeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      description: "Telehealth Review",
    });
    const list = await call<Types>(local, "GET", "/AppointmentType/");
    expect(
      list.body.appointmentTypes.find((t) => t.appointmentTypeId === res.body.appointmentTypeId),
    ).toMatchObject({
      durationMinutes: 20,
      blockColour: "#AABBCC",
      practitionerId,
    });
  });

  test("missing description, duration over 120, bad colour, unknown practitioner, broken JSON → 400", async () => {
    const bodies: unknown[] = [
      { durationMinutes: 30 },
      { description: "Long", durationMinutes: 121 },
      { description: "Odd", blockColour: "red" },
      { description: "Ghost", practitionerId: "00000000-0000-4000-8000-000000000000" },
      "{not json",
      "",
    ];
    for (const body of bodies) {
      const res = await call(sandbox, "POST", "/AppointmentType/", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual({ result: [{ severity: 2, reason: expect.any(String) }] });
    }
  });
});
