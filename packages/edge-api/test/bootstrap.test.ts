/**
 * GET …/bootstrap and the caching headers of public reads, against the real sandbox over HTTP: each
 * part of the bootstrap equals its own route's answer and comes from the same caches (the sandbox's
 * request stats count every coreplus call); ETag / If-None-Match / 304 and Cache-Control per kind.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  type AvailabilityBody,
  bookingBody,
  getJson,
  postBooking,
  type Stack,
  seedIds,
  startStack,
} from "./stack.ts";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeEach(async () => {
  s = await startStack();
  ids = seedIds(s);
});
afterEach(() => s?.close());

type Bootstrap = {
  clinic: Record<string, unknown>;
  locationId?: string;
  practitioners: unknown[];
  appointmentTypes?: unknown[];
  availability?: { days: { date: string }[] };
};
const bootstrap = (q: Record<string, string> = {}, init?: RequestInit) =>
  getJson<Bootstrap>(`${s.api}/bootstrap?${new URLSearchParams(q)}`, init);
const upstreamCalls = async () => (await s.controls.stats()).requests;

describe("bootstrap", () => {
  test("with a location, service and practitioner: every part is its own route's answer, from the same caches", async () => {
    await s.controls.resetStats();
    const q = { locationId: ids.docklands, appointmentTypeId: ids.standard, practitionerId: ids.nguyen };
    const boot = await bootstrap(q);
    expect(boot.status).toBe(200);
    // The catalogue's three lists and one week of slots: nothing else.
    const cold = await s.controls.stats();
    expect(cold.byRoute).toEqual({
      "GET /Location/": 1,
      "GET /Practitioner/": 1,
      "GET /AppointmentType/": 1,
      "GET /AvailabilitySlot/": 1,
    });
    const profile = await getJson(s.api);
    const practitioners = await getJson<{ practitioners: unknown[] }>(
      `${s.api}/practitioners?locationId=${ids.docklands}`,
    );
    const types = await getJson<{ appointmentTypes: unknown[] }>(
      `${s.api}/appointment-types?locationId=${ids.docklands}`,
    );
    // The widget's first week: today (the pinned Monday 30 November) to Sunday.
    const week = await getJson(
      `${s.api}/availability?${new URLSearchParams({ ...q, from: "2026-11-30", to: "2026-12-06" })}`,
    );
    expect(await upstreamCalls()).toBe(cold.requests);
    expect({ clinic: boot.body.clinic }).toEqual(profile.body);
    expect(boot.body.locationId).toBe(ids.docklands);
    expect(boot.body.practitioners).toEqual(practitioners.body.practitioners);
    expect(boot.body.appointmentTypes).toEqual(types.body.appointmentTypes);
    expect(boot.body.availability).toEqual(week.body);
    const dates = boot.body.availability?.days.map((d) => d.date) ?? [];
    expect([dates.length, dates[0], dates.at(-1)]).toEqual([7, "2026-11-30", "2026-12-06"]);
  });

  test("after the separate routes, the bootstrap calls coreplus not at all", async () => {
    const q = { locationId: ids.docklands, appointmentTypeId: ids.standard, practitionerId: ids.nguyen };
    await getJson(s.api);
    await getJson(
      `${s.api}/availability?${new URLSearchParams({ ...q, from: "2026-12-07", to: "2026-12-13" })}`,
    );
    const before = await upstreamCalls();
    const boot = await bootstrap({ ...q, from: "2026-12-07" });
    expect(boot.status).toBe(200);
    expect(boot.body.availability?.days[0]?.date).toBe("2026-12-07");
    expect(await upstreamCalls()).toBe(before);
  });

  test("without preselections: the profile and the clinic-wide practitioners, cached like the profile", async () => {
    const boot = await bootstrap();
    expect(boot.status).toBe(200);
    expect(boot.body).not.toHaveProperty("locationId");
    expect(boot.body).not.toHaveProperty("appointmentTypes");
    expect(boot.body).not.toHaveProperty("availability");
    expect(boot.body.practitioners).toEqual(
      (await getJson<{ practitioners: unknown[] }>(`${s.api}/practitioners`)).body.practitioners,
    );
    expect(boot.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=3600");
  });

  test("a preselection the clinic does not offer leaves its parts out; a malformed one is a 422", async () => {
    const unknownId = "00000000-0000-4000-8000-000000000000";
    const noLocation = await bootstrap({ locationId: unknownId, appointmentTypeId: ids.standard });
    expect(noLocation.status).toBe(200);
    expect(noLocation.body).not.toHaveProperty("locationId");
    expect(noLocation.body).not.toHaveProperty("appointmentTypes");
    const noPractitioner = await bootstrap({
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      practitionerId: unknownId,
    });
    expect(noPractitioner.status).toBe(200);
    expect(noPractitioner.body.appointmentTypes?.length).toBeGreaterThan(0);
    expect(noPractitioner.body).not.toHaveProperty("availability");
    const bad = await bootstrap({ locationId: "not an id" });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ errors: [{ pointer: "/query/locationId" }] });
  });

  test("CORS and Vary as on every clinic read", async () => {
    const allowed = await bootstrap({}, { headers: { origin: "http://localhost:5173" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(allowed.headers.get("vary")).toBe("Origin");
    const refused = await fetch(`${s.api}/bootstrap`, { headers: { origin: "https://evil.example" } });
    expect(refused.status).toBe(403);
  });
});

describe("ETag and Cache-Control", () => {
  const revalidates = async (url: string, cacheControl: string) => {
    const first = await fetch(url);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get("cache-control")).toBe(cacheControl);
    expect(first.headers.get("vary")).toBe("Origin");
    const again = await fetch(url, { headers: { "if-none-match": `W/${etag}, "other"` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe(cacheControl);
    expect(again.headers.get("vary")).toBe("Origin");
    const stale = await fetch(url, { headers: { "if-none-match": '"0123456789abcdef0123456789abcdef"' } });
    expect(stale.status).toBe(200);
    expect(await stale.json()).toEqual(await first.json());
    return etag;
  };

  test("profile, lists and availability revalidate with a 304; the catalogue reads may be served stale", async () => {
    const catalogue = "public, max-age=300, stale-while-revalidate=3600";
    await revalidates(s.api, catalogue);
    await revalidates(`${s.api}/practitioners?locationId=${ids.docklands}`, catalogue);
    await revalidates(`${s.api}/appointment-types?locationId=${ids.docklands}`, catalogue);
    const q = new URLSearchParams({
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: "2026-12-07",
      to: "2026-12-13",
    });
    await revalidates(`${s.api}/availability?${q}`, "no-cache");
    q.delete("to");
    q.set("practitionerId", ids.nguyen);
    await revalidates(`${s.api}/bootstrap?${q}`, "public, max-age=20, stale-while-revalidate=60");
  });

  test("the ETag changes when the answer does (a slot is taken)", async () => {
    const url = `${s.api}/availability?${new URLSearchParams({
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      practitionerId: ids.nguyen,
      from: "2026-12-07",
      to: "2026-12-07",
    })}`;
    const first = await fetch(url);
    const etag = first.headers.get("etag")!;
    const day = (await first.json()) as AvailabilityBody;
    const slot = day.days[0]!.slots[0]!;
    const booked = await postBooking(s.api, bookingBody(slot, ids.standard), "etag-changes-booking-1");
    expect(booked.status, booked.text).toBe(201);
    const after = await fetch(url, { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    const left = (await after.json()) as AvailabilityBody;
    expect(left.days[0]!.slots.map((x) => x.start)).not.toContain(slot.start);
  });

  test("the OpenAPI document describes the bootstrap and the caching headers", async () => {
    const doc = (
      await getJson<{ paths: Record<string, Record<string, Record<string, unknown>>> }>(
        `${s.edge.url}/openapi.json`,
      )
    ).body;
    const op = doc.paths["/v1/clinics/{clinic}/bootstrap"]?.get as {
      operationId: string;
      tags: string[];
      responses: Record<string, { headers?: Record<string, unknown> }>;
    };
    expect(op.operationId).toBe("getBootstrap");
    expect(op.tags).toEqual(["clinic"]);
    expect(Object.keys(op.responses["200"]?.headers ?? {})).toEqual(
      expect.arrayContaining(["ETag", "Cache-Control", "Vary"]),
    );
    expect(op.responses).toHaveProperty("304");
    for (const path of ["/v1/clinics/{clinic}", "/v1/clinics/{clinic}/availability"])
      expect(doc.paths[path]?.get?.responses).toHaveProperty("304");
  });
});
