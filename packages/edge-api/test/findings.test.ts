/** The small findings of issue 15 (part A), each over real HTTP against the sandbox. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  availability,
  bookingBody,
  getJson,
  NEXT_MONDAY,
  patient,
  postBooking,
  type Stack,
  seedIds,
  startStack,
} from "./stack.ts";

const HEALTH_TOKEN = "health-token-for-the-findings-tests-01";
let s: Stack;
let ids: ReturnType<typeof seedIds>;
let slot: { start: string; practitionerId: string; locationId: string };
beforeAll(async () => {
  s = await startStack({
    config: (c) => ({
      ...c,
      healthToken: HEALTH_TOKEN,
      clinics: [...c.clinics, { ...c.clinics[0]!, slug: "second-clinic-name" }],
    }),
  });
  ids = seedIds(s);
  const { body } = await availability(s, {
    locationId: ids.docklands,
    appointmentTypeId: ids.standard,
    from: NEXT_MONDAY,
    to: NEXT_MONDAY,
  });
  slot = body.days[0]!.slots[0]!;
});
afterAll(() => s?.close());

const typeOf = (body: Record<string, unknown>) => String(body.type).split("/").pop();
let k = 0;
const key = () => `findings-key-${k++}`;

describe("request bodies", () => {
  test("a 4,000-deep JSON body is 400 malformed-body, not 500", async () => {
    // 8 KB, under the body limit: the depth is what must be refused.
    const deep = `{"a":${"[".repeat(4000)}${"]".repeat(4000)}}`;
    const res = await postBooking(s.api, deep, key());
    expect(res.status).toBe(400);
    expect(typeOf(res.body)).toBe("malformed-body");
  });

  test("names with control or format characters, or without a letter, are field errors", async () => {
    for (const [firstName, code] of [
      ["Ada\u0000", "invalid_characters"],
      ["\u202eadA", "invalid_characters"],
      ["Ad\u200ba", "invalid_characters"],
      ["\u200b\u200c", "invalid_characters"],
      ["1234", "no_letter"],
      ["-- .", "no_letter"],
    ] as const) {
      const res = await postBooking(
        s.api,
        bookingBody(slot, ids.standard, { ...patient(), firstName }),
        key(),
      );
      expect(res.status, firstName).toBe(422);
      expect((res.body.errors as { pointer: string; code: string }[])[0]).toMatchObject({
        pointer: "/patient/firstName",
        code,
      });
    }
    // Letters of any script, apostrophes, hyphens and spaces are names.
    for (const lastName of ["O'Connor-Nguyễn", "Zoë", "李", "de la Cruz"]) {
      const res = await postBooking(
        s.api,
        bookingBody(slot, ids.standard, { ...patient(), lastName, email: "x" }),
        key(),
      );
      expect(res.status).toBe(422);
      expect((res.body.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(["/patient/email"]);
    }
  });

  test("years outside 1900–2100 are field errors: from=9999-12-01 is 422, never 502", async () => {
    for (const [from, to] of [
      ["9999-12-01", "9999-12-01"],
      ["2101-01-01", "2101-01-02"],
      ["1899-12-31", "1900-01-01"],
    ]) {
      const res = await availability(s, {
        locationId: ids.docklands,
        appointmentTypeId: ids.standard,
        from: from!,
        to: to!,
      });
      expect(res.status, from).toBe(422);
      expect(
        (res.body as unknown as { errors: { pointer: string; code: string }[] }).errors[0],
      ).toMatchObject({
        pointer: "/query/from",
        code: "out_of_range",
      });
    }
    const dob = await postBooking(
      s.api,
      bookingBody(slot, ids.standard, { ...patient(), dateOfBirth: "1850-01-01" }),
      key(),
    );
    expect(dob.status).toBe(422);
    expect((dob.body.errors as { pointer: string }[])[0]!.pointer).toBe("/patient/dateOfBirth");
  });

  test("a range past the last bookable day answers at once, with no look-ahead upstream", async () => {
    await s.controls.resetStats();
    const res = await availability(s, {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: "2100-12-01",
      to: "2100-12-31",
    });
    expect(res.status).toBe(200);
    expect(res.body.nextAvailable).toBeNull();
    expect(res.body.days).toHaveLength(31);
    expect((await s.controls.stats()).byRoute["GET /AvailabilitySlot/"] ?? 0).toBe(0);
  });
});

describe("answers", () => {
  test("/healthz in public: one aggregate status, no clinic names; detail only with the HEALTH_TOKEN", async () => {
    const pub = await fetch(`${s.edge.url}/healthz`);
    const text = await pub.text();
    expect(JSON.parse(text)).toEqual({ status: "ok" });
    expect(text).not.toContain("harbourside");
    expect(text).not.toContain("second-clinic-name");
    const wrong = await getJson(`${s.edge.url}/healthz`, { headers: { authorization: "Bearer nope" } });
    expect(wrong.body).toEqual({ status: "ok" });
    const op = await getJson<{ clinics: Record<string, unknown> }>(`${s.edge.url}/healthz`, {
      headers: { authorization: `Bearer ${HEALTH_TOKEN}` },
    });
    expect(Object.keys(op.body.clinics).sort()).toEqual(["harbourside", "second-clinic-name"]);
  });

  test("Vary: Origin on every /v1 answer, 403 and 404 included; no-store on POST answers and problems", async () => {
    const forbidden = await fetch(s.api, { headers: { origin: "https://evil.example" } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("vary")).toBe("Origin");
    expect(forbidden.headers.get("cache-control")).toBe("no-store");
    const unknown = await fetch(`${s.edge.url}/v1/clinics/nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("vary")).toBe("Origin");
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    const profile = await fetch(s.api);
    expect(profile.headers.get("vary")).toBe("Origin");
    // Public data may be cached (and is revalidated with its ETag): bootstrap.test.ts.
    expect(profile.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=3600");
    const booked = await postBooking(s.api, bookingBody(slot, ids.standard, patient()), key());
    expect(booked.status, booked.text).toBe(201);
    expect(booked.headers.get("cache-control")).toBe("no-store");
    expect(booked.headers.get("vary")).toBe("Origin");
    const invalid = await availability(s, {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: "x",
      to: "y",
    });
    expect(invalid.headers.get("cache-control")).toBe("no-store");
  });

  test("a refused access token is a public 502 that never mentions credentials; the log keeps the code", async () => {
    await s.controls.expireAccessToken();
    try {
      const res = await availability(s, {
        locationId: ids.docklands,
        appointmentTypeId: ids.initial,
        from: "2027-01-11",
        to: "2027-01-11",
      });
      expect(res.status).toBe(502);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/credential|token|auth|secret/i);
      expect(s.logs.at(-1)).toMatchObject({ status: 502, error: expect.stringMatching(/Auth/) });
    } finally {
      await s.controls.restoreAccessToken();
    }
  });

  test("request ids are ours; a client's X-Request-Id is only a separate, length-limited log field", async () => {
    const res = await fetch(s.api, { headers: { "x-request-id": "client-chosen-id-1234" } });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.logs.find((l) => l.requestId === id)).toMatchObject({
      clientRequestId: "client-chosen-id-1234",
    });
    const long = await fetch(s.api, { headers: { "x-request-id": "x".repeat(200) } });
    const line = s.logs.find((l) => l.requestId === long.headers.get("x-request-id"));
    expect(line).toBeDefined();
    expect(line!.clientRequestId).toBeUndefined();
  });
});
