/** Reads against the real sandbox over HTTP: catalogue, availability rules, caching, CORS, health. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { serveEdgeApi } from "../src/node.ts";
import {
  type AvailabilityBody,
  availability,
  getJson,
  NEXT_MONDAY,
  type Stack,
  seedIds,
  startStack,
} from "./stack.ts";

const HEALTH_TOKEN = "health-token-for-the-reads-tests-0123";
/** The per-clinic health detail is for operators: it takes the HEALTH_TOKEN. */
const operator = { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } };
let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  s = await startStack({
    config: (c) => ({
      ...c,
      healthToken: HEALTH_TOKEN,
      clinics: [
        ...c.clinics,
        // A second clinic on the same coreplus consumer, narrowed by configuration.
        {
          ...c.clinics[0]!,
          slug: "williamstown-only",
          name: "Harbourside Williamstown",
          allowLoopbackOrigins: false,
          allowedOrigins: ["https://williamstown.example"],
          bookable: { locationIds: [] },
        },
      ],
    }),
  });
  ids = seedIds(s);
  // The narrowed clinic needs the real id, known only once the sandbox is seeded.
  const narrowed = s.edge.config.clinics[1]!;
  narrowed.bookable.locationIds = [ids.williamstown];
});
afterAll(() => s?.close());

type Problem = { type: string; status: number; errors?: { pointer: string; code: string }[] };

describe("catalogue", () => {
  test("the profile lists the bookable locations with zones and the booking rules", async () => {
    const { status, body } = await getJson<{
      clinic: Record<string, unknown> & { locations: { id: string }[] };
    }>(s.api);
    expect(status).toBe(200);
    expect(body.clinic).toMatchObject({ slug: "harbourside", name: "Harbourside Health" });
    expect(body.clinic.rules).toEqual({ minNoticeMinutes: 120, maxDaysAhead: 60 });
    expect(body.clinic.locations).toHaveLength(4);
    expect(body.clinic.locations).toContainEqual(
      expect.objectContaining({ id: ids.hamilton, timezone: "Australia/Brisbane", phone: "07 5550 1400" }),
    );
  });

  test("practitioners and types follow location and practitioner filters", async () => {
    const { body } = await getJson<{
      practitioners: { id: string; locationIds: string[]; appointmentTypeIds: string[] }[];
    }>(`${s.api}/practitioners?locationId=${ids.hamilton}`);
    expect(body.practitioners.length).toBeGreaterThan(0);
    for (const p of body.practitioners) expect(p.locationIds).toEqual([ids.hamilton]);
    expect(body.practitioners.map((p) => p.id)).not.toContain(ids.nguyen);

    const at = async (q: string) =>
      (
        await getJson<{ appointmentTypes: { id: string }[] }>(`${s.api}/appointment-types?${q}`)
      ).body.appointmentTypes.map((t) => t.id);
    expect(await at(`locationId=${ids.williamstown}`)).toContain(ids.hydro);
    expect(await at(`locationId=${ids.docklands}`)).not.toContain(ids.hydro);
    expect(await at(`practitionerId=${ids.nguyen}`)).toContain(ids.psych);
    expect(await at(`practitionerId=${ids.oconnor}`)).not.toContain(ids.psych);
  });

  test("a clinic narrowed by configuration shows only what is bookable", async () => {
    const { body } = await getJson<{ clinic: { locations: { id: string }[] } }>(
      `${s.edge.url}/v1/clinics/williamstown-only`,
    );
    expect(body.clinic.locations.map((l) => l.id)).toEqual([ids.williamstown]);
    const refused = await getJson<Problem>(
      `${s.edge.url}/v1/clinics/williamstown-only/practitioners?locationId=${ids.docklands}`,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ pointer: "/query/locationId", code: "not_bookable" }),
    ]);
  });
});

describe("availability", () => {
  test("every day appears, slots are sorted, and minimum notice applies today", async () => {
    const { status, body } = await availability(s, {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: "2026-11-30",
      to: "2026-12-06",
    });
    expect(status).toBe(200);
    expect(body.timezone).toBe("Australia/Melbourne");
    expect(body.days.map((d) => d.date)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    const today = body.days[0]!.slots;
    expect(today.length).toBeGreaterThan(0);
    // Pinned at 08:00 with 120 minutes' notice: nothing before 10:00.
    for (const slot of today)
      expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(Date.parse("2026-11-30T10:00:00+11:00"));
    expect(body.nextAvailable).toBe("2026-11-30");
    for (const day of body.days) {
      const starts = day.slots.map((x) => Date.parse(x.start));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      for (const slot of day.slots) {
        expect(slot.start.slice(0, 10)).toBe(day.date);
        expect(slot.start).toMatch(/\+11:00$/);
        expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(30 * 60_000);
      }
    }
  });

  test("without practitionerId, the slots are the union over the bookable practitioners", async () => {
    const q = {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: NEXT_MONDAY,
      to: NEXT_MONDAY,
    };
    const merged = (await availability(s, q)).body.days[0]!.slots;
    const { body: pracs } = await getJson<{ practitioners: { id: string; appointmentTypeIds: string[] }[] }>(
      `${s.api}/practitioners?locationId=${ids.docklands}`,
    );
    const takers = pracs.practitioners.filter((p) => p.appointmentTypeIds.includes(ids.standard));
    const union: string[] = [];
    for (const p of takers) {
      const one = (await availability(s, { ...q, practitionerId: p.id })).body.days[0]!.slots;
      for (const slot of one) {
        expect(slot.practitionerId).toBe(p.id);
        union.push(`${slot.start}|${slot.practitionerId}`);
      }
    }
    expect(new Set(merged.map((x) => x.practitionerId)).size).toBeGreaterThan(1);
    expect(merged.map((x) => `${x.start}|${x.practitionerId}`).sort()).toEqual(union.sort());
    // Ties at one start are in practitioner (catalogue) order.
    const order = takers.map((p) => p.id);
    for (let i = 1; i < merged.length; i++) {
      const [a, b] = [merged[i - 1]!, merged[i]!];
      if (a.start === b.start)
        expect(order.indexOf(a.practitionerId)).toBeLessThan(order.indexOf(b.practitionerId));
    }
  });

  test("nextAvailable looks past `to` when the range is empty", async () => {
    // Dr Nguyen is not rostered on Wednesdays; her next day at Docklands is Thursday.
    const { body } = await availability(s, {
      locationId: ids.docklands,
      appointmentTypeId: ids.psych,
      practitionerId: ids.nguyen,
      from: "2026-12-02",
      to: "2026-12-02",
    });
    expect(body.days).toEqual([{ date: "2026-12-02", slots: [] }]);
    expect(body.nextAvailable).toBe("2026-12-03");
  });

  test("nothing is offered past maxDaysAhead (60 days from the pinned date)", async () => {
    const { body } = await availability(s, {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: "2027-01-25",
      to: "2027-02-05",
    });
    expect(body.days).toHaveLength(12);
    const withSlots = body.days.filter((d) => d.slots.length > 0).map((d) => d.date);
    expect(withSlots.length).toBeGreaterThan(0);
    for (const d of withSlots) expect(d <= "2027-01-29").toBe(true);
  });

  test("query problems are 422 with pointers into the query", async () => {
    const base = { locationId: ids.docklands, appointmentTypeId: ids.standard };
    const cases: [Record<string, string>, string, string][] = [
      [{ ...base, from: "2026-12-01", to: "2027-01-01" }, "/query/to", "range_too_long"],
      [{ ...base, from: "2026-12-05", to: "2026-12-01" }, "/query/to", "before_from"],
      [{ ...base, from: "2026-02-30", to: "2026-12-01" }, "/query/from", "invalid_date"],
      [
        { appointmentTypeId: ids.standard, from: "2026-12-01", to: "2026-12-01" },
        "/query/locationId",
        "required",
      ],
      [
        { ...base, locationId: "00000000-0000-4000-8000-000000000000", from: "2026-12-01", to: "2026-12-01" },
        "/query/locationId",
        "not_bookable",
      ],
      [
        {
          ...base,
          locationId: ids.hamilton,
          appointmentTypeId: ids.psych,
          from: "2026-12-01",
          to: "2026-12-01",
        },
        "/query/appointmentTypeId",
        "not_bookable",
      ],
    ];
    for (const [q, pointer, code] of cases) {
      const { status, headers, body } = await getJson<Problem>(
        `${s.api}/availability?${new URLSearchParams(q)}`,
      );
      expect(status, JSON.stringify(q)).toBe(422);
      expect(headers.get("content-type")).toBe("application/problem+json");
      expect(body.type).toMatch(/\/validation$/);
      expect(body.errors).toContainEqual(expect.objectContaining({ pointer, code }));
    }
    // 31 days is the most one query may span.
    const ok = await availability(s, { ...base, from: "2026-12-01", to: "2026-12-31" });
    expect(ok.status).toBe(200);
    expect(ok.body.days).toHaveLength(31);
  });
});

describe("caching", () => {
  test("a remembered answer never outlives the minimum notice as business time moves", async () => {
    let clock = Date.parse("2026-11-30T08:00:00+11:00");
    const edge = await serveEdgeApi({
      port: 0,
      config: s.edge.config,
      now: () => new Date(clock),
      logger: () => {},
    });
    try {
      const url = `${edge.url}/v1/clinics/harbourside/availability?${new URLSearchParams({
        locationId: ids.docklands,
        appointmentTypeId: ids.standard,
        from: "2026-11-30",
        to: "2026-11-30",
      })}`;
      const starts = async () =>
        ((await (await fetch(url)).json()) as AvailabilityBody).days[0]!.slots.map((x) =>
          Date.parse(x.start),
        );
      const first = await starts();
      expect(await starts()).toEqual(first); // served again from cache
      clock += 90 * 60_000; // 09:30: nothing before 11:30 may be offered now
      const later = await starts();
      expect(later.length).toBeGreaterThan(0);
      expect(later.length).toBeLessThan(first.length);
      for (const t of later) expect(t).toBeGreaterThanOrEqual(clock + 120 * 60_000);
    } finally {
      await edge.close();
    }
  });

  test("a remembered answer is the same bytes every time: its length, its text and an ETag over them", async () => {
    // The body of a remembered text is sent from one shared byte array (http/cached-answer.ts): it must
    // come out whole each time, for every read route, with the length and ETag of those bytes.
    const q = new URLSearchParams({
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: "2026-12-07",
      to: "2026-12-13",
    });
    for (const path of ["", `/practitioners?locationId=${ids.docklands}`, `/availability?${q}`]) {
      const bodies: Uint8Array[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${s.api}${path}`);
        expect(res.status).toBe(200);
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect(Number(res.headers.get("content-length"))).toBe(bytes.byteLength);
        const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes), 0, 16);
        const hex = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
        expect(res.headers.get("etag")).toBe(`"${hex}"`);
        expect(res.headers.get("content-type")).toBe("application/json");
        JSON.parse(new TextDecoder().decode(bytes));
        bodies.push(bytes);
      }
      expect(bodies[0]!.byteLength).toBeGreaterThan(2);
      expect(bodies[1]).toEqual(bodies[0]);
      expect(bodies[2]).toEqual(bodies[0]);
    }
  });

  test("concurrent identical reads are coalesced into one upstream call, then served from cache", async () => {
    await s.controls.resetStats();
    const q = {
      locationId: ids.williamstown,
      appointmentTypeId: ids.standard,
      from: "2026-12-14",
      to: "2026-12-20",
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => availability(s, q)));
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    const again = await availability(s, q);
    expect(again.headers.get("server-timing")).toContain("cache;desc=hit");
    // One upstream read of the query: as many pages (of 100 slots) as the week holds, once.
    const total = again.body.days.reduce((n, d) => n + d.slots.length, 0);
    expect(total).toBeGreaterThan(0);
    const stats = await s.controls.stats();
    expect(stats.byRoute["GET /AvailabilitySlot/"]).toBe(Math.ceil(total / 100));
  });
});

describe("CORS", () => {
  test("preflights and responses for allowed origins; others refused", async () => {
    const pre = await fetch(`${s.api}/bookings`, {
      method: "OPTIONS",
      headers: {
        origin: "http://127.0.0.1:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,idempotency-key",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");
    expect(pre.headers.get("access-control-allow-headers")).toBe("Content-Type, Idempotency-Key");
    expect(pre.headers.get("access-control-max-age")).toBe("600");

    const get = await fetch(s.api, { headers: { origin: "http://localhost:3000" } });
    expect(get.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(get.headers.get("access-control-expose-headers")).toContain("Retry-After");
    expect(get.headers.get("access-control-expose-headers")).toContain("Server-Timing");

    const other = `${s.edge.url}/v1/clinics/williamstown-only`;
    expect((await fetch(other, { headers: { origin: "https://williamstown.example" } })).status).toBe(200);
    const refused = await fetch(other, { headers: { origin: "http://localhost:3000" } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("health", () => {
  test("reports the last upstream result and flags a refused access token", async () => {
    const ok = await getJson<{ status: string; clinics: Record<string, { status: string }> }>(
      `${s.edge.url}/healthz`,
      operator,
    );
    expect(ok.body.status).toBe("ok");
    expect(ok.body.clinics.harbourside?.status).toBe("ok");

    await s.controls.expireAccessToken();
    try {
      // An uncached read meets the refusal.
      const refused = await availability(s, {
        locationId: ids.docklands,
        appointmentTypeId: ids.initial,
        from: "2027-01-04",
        to: "2027-01-04",
      });
      expect(refused.status).toBe(502);
      const bad = await getJson<{
        status: string;
        clinics: Record<string, { status: string; detail: string }>;
      }>(`${s.edge.url}/healthz`, operator);
      expect(bad.body.status).toBe("degraded");
      expect(bad.body.clinics.harbourside).toMatchObject({ status: "auth-failed" });
      expect(bad.body.clinics.harbourside?.detail).toMatch(/access token/);
    } finally {
      await s.controls.restoreAccessToken();
    }
  });

  test("is cheap: repeated calls probe coreplus at most once per 30 s", async () => {
    await s.controls.resetStats();
    for (let i = 0; i < 10; i++) await fetch(`${s.edge.url}/healthz`);
    const stats = await s.controls.stats();
    // Both clinics share the consumer; recent traffic means no probe is needed at all.
    expect(stats.requests).toBeLessThanOrEqual(2);
  });
});
