/**
 * The edge API's booking flow and its documented behaviours, served by the Worker of wrangler.toml
 * inside workerd, with coreplus played by the sandbox Worker.
 */
import { describe, expect, test } from "vitest";
import {
  book,
  bookingFor,
  call,
  controls,
  counts,
  expectProblem,
  freeSlots,
  freshSandbox,
  nextMonday,
  patient,
  replicas,
  self,
} from "./harness.ts";

const ids = freshSandbox();

describe("reads", () => {
  test("profile, practitioners, types and availability come from coreplus through the Worker", async () => {
    const profile = await call(self, "/v1/clinics/harbourside");
    expect(profile.status, profile.text).toBe(200);
    const clinic = profile.body.clinic as { slug: string; locations: { id: string }[]; rules: unknown };
    expect(clinic.slug).toBe("harbourside");
    expect(clinic.locations).toHaveLength(4);
    expect(clinic.rules).toEqual({ minNoticeMinutes: 120, maxDaysAhead: 60 });
    expect(profile.headers.get("server-timing")).toMatch(/app;dur=/);
    expect(profile.headers.get("x-content-type-options")).toBe("nosniff");

    const practitioners = await call(
      self,
      `/v1/clinics/harbourside/practitioners?locationId=${ids.docklands}`,
    );
    expect(practitioners.status).toBe(200);
    expect((practitioners.body.practitioners as { id: string }[]).map((p) => p.id)).toContain(ids.oconnor);

    const types = await call(self, `/v1/clinics/harbourside/appointment-types?locationId=${ids.docklands}`);
    expect((types.body.appointmentTypes as { id: string }[]).map((t) => t.id)).toContain(ids.standard);

    const slots = await freeSlots(self, ids, nextMonday);
    expect(slots.length).toBeGreaterThan(5);
    for (const s of slots) expect(s.start.startsWith(`${nextMonday}T`)).toBe(true);
  });

  test("CORS: a loopback origin is allowed, a foreign one refused; preflights answered", async () => {
    const ok = await call(self, "/v1/clinics/harbourside", { headers: { origin: "http://localhost:5173" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const foreign = await call(self, "/v1/clinics/harbourside", {
      headers: { origin: "https://evil.example" },
    });
    expectProblem(foreign, 403, "forbidden-origin");
    const preflight = await call(self, "/v1/clinics/harbourside/bookings", {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:5173", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("Content-Type, Idempotency-Key");
  });

  test("/healthz, /openapi.json and /docs are served", async () => {
    const health = await call(self, "/healthz");
    expect(health.status).toBe(200);
    const doc = await call(self, "/openapi.json");
    expect(doc.body.openapi).toBe("3.1.0");
    const docs = await self.fetch("https://edge.test/docs");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/docs/assets/swagger-ui-bundle.js");
    const css = await self.fetch("https://edge.test/docs/assets/swagger-ui.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    expect((await self.fetch("https://edge.test/docs/assets/package.json")).status).toBe(404);
  });
});

describe("bookings", () => {
  test("books, replays through another Worker script, refuses a reused key and a taken slot", async () => {
    const slot = (await freeSlots(self, ids, nextMonday))[0]!;
    const before = await counts();
    const who = patient("flow");
    const req = bookingFor(ids, slot, who);
    const first = await book(self, req, "workers-flow-0001");
    expect(first.status, first.text).toBe(201);
    expect(first.body.booking).toMatchObject({
      start: slot.start,
      timezone: "Australia/Melbourne",
      location: { id: ids.docklands },
      practitioner: { id: slot.practitionerId },
      appointmentType: { id: ids.standard, durationMinutes: 30 },
      reminders: { email: true, sms: true },
    });
    expect(first.text).not.toContain(who.email);
    expect(await counts()).toEqual({ clients: before.clients + 1, appointments: before.appointments + 1 });

    // Replayed by another Worker script that shares the Durable Object namespace.
    const again = await book(replicas[0]!, req, "workers-flow-0001");
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");

    const reused = await book(replicas[1]!, bookingFor(ids, slot, patient("flow")), "workers-flow-0001");
    expectProblem(reused, 422, "idempotency-key-reused");

    await controls.resetStats();
    const late = await book(self, bookingFor(ids, slot, patient("flow")), "workers-flow-0002");
    expectProblem(late, 409, "slot-unavailable");
    expect((await controls.stats()).byRoute["POST /Appointment/"] ?? 0).toBe(0);
    expect((await counts()).appointments).toBe(before.appointments + 1);
    // Availability no longer offers it, in any script.
    const now = await freeSlots(replicas[2]!, ids, nextMonday);
    expect(now.some((s) => s.start === slot.start && s.practitionerId === slot.practitionerId)).toBe(false);
  });

  const faults = [
    {
      name: "a 503 from coreplus when booking",
      inject: () => controls.forceStatus(503, { times: 1, match: { method: "POST", path: "/appointment" } }),
      status: 503,
    },
    {
      name: "a connection dropped after coreplus booked",
      inject: () =>
        controls.dropConnection({
          times: 1,
          after: "after",
          match: { method: "POST", path: "/appointment" },
        }),
      status: 502,
    },
  ];
  for (const [i, fault] of faults.entries()) {
    test(`a retry with the same key after ${fault.name} creates no second client or appointment`, async () => {
      const slot = (await freeSlots(self, ids, `2026-12-0${8 + i}`))[0]!;
      const req = bookingFor(ids, slot, patient("resume"));
      const key = `workers-resume-${i}-0001`;
      const before = await counts();
      await fault.inject();
      const failed = await book(self, req, key);
      expectProblem(failed, fault.status, "upstream-unavailable");
      if (fault.status === 503) expect(Number(failed.headers.get("retry-after"))).toBeGreaterThan(0);
      await controls.clearFaults();
      // The retry arrives at another script: the progress is in the clinic's Durable Object.
      const retried = await book(replicas[0]!, req, key);
      expect(retried.status, retried.text).toBe(201);
      expect(await counts()).toEqual({ clients: before.clients + 1, appointments: before.appointments + 1 });
    });
  }
});

describe("problems", () => {
  const bookings = "/v1/clinics/harbourside/bookings";
  const post = (body: string, headers: Record<string, string> = {}) =>
    call(self, bookings, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "idempotency-key": "workers-problem-01", ...headers },
    });

  test("each documented type, as problem+json", async () => {
    expectProblem(await post("{not json"), 400, "malformed-body");
    expectProblem(await post(JSON.stringify({ website: "http://spam.example" })), 422, "spam");
    expectProblem(await post("{}", { "idempotency-key": "short" }), 400, "idempotency-key-missing");
    expectProblem(await post(JSON.stringify({ note: "x".repeat(20_000) })), 413, "payload-too-large");
    const slot = (await freeSlots(self, ids, nextMonday))[1]!;
    const invalid = bookingFor(ids, slot, { ...patient("bad"), email: "not-an-email" });
    const validation = expectProblem(await book(self, invalid, "workers-invalid-0001"), 422, "validation");
    expect(validation.errors).toContainEqual(expect.objectContaining({ pointer: "/patient/email" }));
    expectProblem(await call(self, "/v1/clinics/nowhere"), 404, "clinic-not-found");
    expectProblem(await call(self, "/nothing-here"), 404, "not-found");
  });

  test("coreplus failing → upstream-unavailable with Retry-After", async () => {
    await controls.forceStatus(503, { match: { path: "/availabilityslot" } });
    try {
      const q = new URLSearchParams({
        locationId: ids.docklands,
        appointmentTypeId: ids.standard,
        from: "2027-01-04",
        to: "2027-01-04",
      });
      const res = await call(self, `/v1/clinics/harbourside/availability?${q}`);
      expectProblem(res, 503, "upstream-unavailable");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await controls.clearFaults();
    }
  });

  test("visitor limits count CF-Connecting-IP, shared by every script", async () => {
    // The "tight" clinic allows 3 reads a minute per visitor.
    const profile = "/v1/clinics/tight";
    for (const edge of [self, replicas[1]!, replicas[2]!])
      expect((await call(edge, profile, { ip: "198.51.100.7" })).status).toBe(200);
    const limited = await call(self, profile, { ip: "198.51.100.7" });
    expectProblem(limited, 429, "rate-limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another visitor is not affected.
    expect((await call(replicas[1]!, profile, { ip: "198.51.100.8" })).status).toBe(200);
  });
});
