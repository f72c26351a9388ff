/**
 * Limits a person never meets and a bot always does, over real HTTP against the sandbox: bookings per
 * email, mobile and name + date of birth a day; visitors counted per IPv6 /64; the clinic-wide ceiling
 * and its one alert line; cache misses charged to the visitor; cancels and lookups counted per visitor.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BookingRateAlert } from "../src/index.ts";
import { serveEdgeApi } from "../src/node.ts";
import { startAlertReceiver } from "./alert-receiver.ts";
import {
  availability,
  bookingBody,
  NEXT_MONDAY,
  PINNED_NOW,
  patient,
  postBooking,
  type Stack,
  seedIds,
  solvedProof,
  startStack,
} from "./stack.ts";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
const alerts: BookingRateAlert[] = [];
beforeAll(async () => {
  s = await startStack({
    clinic: (c) => ({
      ...c,
      limits: {
        ...c.limits,
        perPatient: { limit: 3, windowMs: 86_400_000 },
        clinicBookings: { limit: 60, windowMs: 3_600_000 },
      },
    }),
    config: (c) => {
      const base = c.clinics[0]!;
      return {
        ...c,
        clinics: [
          base,
          {
            ...base,
            slug: "ceiling",
            limits: { ...base.limits, clinicBookings: { limit: 2, windowMs: 3_600_000 } },
          },
          {
            ...base,
            slug: "changes",
            limits: { ...base.limits, bookings: { limit: 1, windowMs: 3_600_000 } },
          },
          {
            ...base,
            slug: "lookups",
            limits: { ...base.limits, bookings: null, lookups: { limit: 2, windowMs: 3_600_000 } },
          },
          {
            ...base,
            slug: "visitors",
            limits: {
              ...base.limits,
              reads: { limit: 3, windowMs: 60_000 },
              misses: { limit: 2, windowMs: 60_000 },
            },
          },
        ],
      };
    },
  });
  ids = seedIds(s);
});
afterAll(() => s?.close());

type Slot = { start: string; practitionerId: string; locationId: string };
type Problem = { type: string; status: number; detail: string };

async function freeSlots(date: string): Promise<Slot[]> {
  const { body } = await availability(s, {
    locationId: ids.docklands,
    appointmentTypeId: ids.standard,
    from: date,
    to: date,
  });
  return body.days[0]!.slots;
}

/** Runs `fn` against an edge API on the test's configuration that trusts X-Forwarded-For (many visitors). */
async function withProxiedEdge(fn: (edge: { url: string }) => Promise<void>): Promise<void> {
  const edge = await serveEdgeApi({
    port: 0,
    config: s.edge.config,
    now: () => new Date(PINNED_NOW),
    logger: () => {},
    trustProxy: true,
  });
  try {
    await fn(edge);
  } finally {
    await edge.close();
  }
}

let keyCounter = 0;
const book = (api: string, slot: Slot, p = patient()) =>
  postBooking(api, bookingBody(slot, ids.standard, p), `limits-test-${keyCounter++}`);

describe("per patient, a day", () => {
  test("a fourth booking for one email is refused while a different patient still books", async () => {
    const slots = await freeSlots(NEXT_MONDAY);
    const email = "same.person@example.com";
    for (let i = 0; i < 3; i++)
      expect((await book(s.api, slots[i]!, { ...patient(), email })).status).toBe(201);
    const fourth = await book(s.api, slots[3]!, { ...patient(), email: "Same.Person@Example.COM" });
    expect(fourth.status).toBe(429);
    expect((fourth.body as unknown as Problem).type).toMatch(/\/rate-limited$/);
    expect(Number(fourth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await book(s.api, slots[3]!)).status).toBe(201);
  });

  test("per mobile digits and per name + date of birth, too", async () => {
    const slots = await freeSlots("2026-12-08");
    const mobile = "0411 222 333";
    for (let i = 0; i < 3; i++)
      expect((await book(s.api, slots[i]!, { ...patient(), mobile })).status).toBe(201);
    expect((await book(s.api, slots[3]!, { ...patient(), mobile: "(04) 1122-2333" })).status).toBe(429);

    const person = { firstName: "Alexandra", lastName: "Quinlan", dateOfBirth: "1977-03-04" };
    for (let i = 4; i < 7; i++)
      expect((await book(s.api, slots[i]!, { ...patient(), ...person })).status).toBe(201);
    expect((await book(s.api, slots[7]!, { ...patient(), ...person, firstName: " alexandra " })).status).toBe(
      429,
    );
    expect((await book(s.api, slots[7]!)).status).toBe(201);
  });

  test("no patient detail reaches the state's keys or the logs", async () => {
    const text = JSON.stringify(s.logs);
    expect(text).not.toContain("same.person");
    expect(text).not.toContain("Quinlan");
    expect(text).not.toContain("411222333");
  });
});

describe("the clinic-wide ceiling", () => {
  test("past it bookings get 429 with Retry-After, one alert line and one hook call", async () => {
    const api = `${s.edge.url}/v1/clinics/ceiling`;
    const slots = await freeSlots("2026-12-09");
    expect((await book(api, slots[0]!)).status).toBe(201);
    expect((await book(api, slots[1]!)).status).toBe(201);
    const refused = [await book(api, slots[2]!), await book(api, slots[3]!)];
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    const lines = s.logs.filter((l) => l.alert === "booking-rate");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ clinic: "ceiling", limit: 2, windowSeconds: 3600 });
    // The other clinics are not affected.
    expect((await book(s.api, slots[4]!)).status).toBe(201);
  });

  test("the alert hook is called once per window", async () => {
    const edge = await serveEdgeApi({
      port: 0,
      config: s.edge.config,
      now: () => new Date(PINNED_NOW),
      logger: () => {},
      onAlert: (a) => alerts.push(a),
    });
    try {
      const api = `${edge.url}/v1/clinics/ceiling`;
      const slots = await freeSlots("2026-12-10");
      for (let i = 0; i < 4; i++) await book(api, slots[i]!);
      expect(alerts).toEqual([
        expect.objectContaining({ alert: "booking-rate", clinic: "ceiling", limit: 2 }),
      ]);
    } finally {
      await edge.close();
    }
  });
  test("with ALERT_WEBHOOK_URL and ALERT_WEBHOOK_TOKEN the alert is posted there, with the token", async () => {
    const receiver = await startAlertReceiver();
    const { received } = receiver;
    const token = "alert-token-of-the-test-0123456789";
    const edge = await serveEdgeApi({
      port: 0,
      config: s.edge.config,
      now: () => new Date(PINNED_NOW),
      logger: () => {},
      env: { ALERT_WEBHOOK_URL: `${receiver.url}/slack/alerts`, ALERT_WEBHOOK_TOKEN: token },
    });
    try {
      const api = `${edge.url}/v1/clinics/ceiling`;
      const slots = await freeSlots("2026-12-11");
      for (let i = 0; i < 4; i++) await book(api, slots[i]!);
      await expect.poll(() => received.length).toBe(1);
      expect(received[0]!.auth).toBe(`Bearer ${token}`);
      expect(received[0]!.body).toMatchObject({ alert: "booking-rate", clinic: "ceiling" });
    } finally {
      await edge.close();
      await receiver.close();
    }
  });
});

describe("visitors", () => {
  test("IPv6 visitors are counted per /64; another /64 is another visitor", async () =>
    withProxiedEdge(async (edge) => {
      const get = (ip: string) =>
        fetch(`${edge.url}/v1/clinics/visitors`, { headers: { "x-forwarded-for": ip } }).then(
          (r) => r.status,
        );
      const walk = ["2001:db8:5:6::1", "2001:db8:5:6::2", "2001:db8:5:6:ffff::9", "2001:db8:5:6:1:2:3:4"];
      const statuses = [];
      for (const ip of walk) statuses.push(await get(ip));
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(await get("2001:db8:5:7::1")).toBe(200);
    }));

  test("a cancel counts against the visitor's booking attempts (every POST does), per /64 too", async () =>
    withProxiedEdge(async (edge) => {
      const api = `${edge.url}/v1/clinics/changes`;
      const [slot] = await freeSlots(NEXT_MONDAY);
      const booked = await postBooking(
        api,
        bookingBody(slot!, ids.standard, patient()),
        `limits-test-${keyCounter++}`,
        { "x-forwarded-for": "2001:db8:7:7::1" },
      );
      expect(booked.status).toBe(201);
      const token = (booked.body as { manage: { token: string } }).manage.token;
      const cancel = async (ip: string) =>
        fetch(`${api}/bookings/${token}/cancel`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "idempotency-key": `limits-cancel-${keyCounter++}`,
            "x-forwarded-for": ip,
          },
          body: JSON.stringify({ proof: await solvedProof(api) }),
        }).then((r) => r.status);
      // The same /64 has used its one POST of the hour; another /64 may cancel.
      expect(await cancel("2001:db8:7:7:abcd::2")).toBe(429);
      expect(await cancel("2001:db8:7:8::1")).toBe(200);
    }));

  test("booking lookups are limited per visitor (per /64) as limits.lookups says", async () =>
    withProxiedEdge(async (edge) => {
      const api = `${edge.url}/v1/clinics/lookups`;
      let reference = 700000;
      const lookup = async (ip: string) =>
        fetch(`${api}/bookings/lookup`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": ip },
          body: JSON.stringify({
            reference: String(reference++),
            lastName: "Nobody",
            dateOfBirth: "1970-01-01",
            proof: await solvedProof(api),
          }),
        }).then((r) => r.status);
      const statuses = [];
      for (const ip of ["2001:db8:7:9::1", "2001:db8:7:9::2", "2001:db8:7:9:1::3"])
        statuses.push(await lookup(ip));
      expect(statuses).toEqual([404, 404, 429]);
      expect(await lookup("2001:db8:7:a::1")).toBe(404);
    }));

  test("a visitor's cache misses count against a tighter limit of their own", async () =>
    withProxiedEdge(async (edge) => {
      const get = (ip: string, from: string) =>
        fetch(
          `${edge.url}/v1/clinics/visitors/availability?${new URLSearchParams({
            locationId: ids.williamstown,
            appointmentTypeId: ids.initial,
            from,
            to: from,
          })}`,
          { headers: { "x-forwarded-for": ip } },
        ).then((r) => r.status);
      // The catalogue (1 miss) and one week (1 miss), then the same week again (a hit), then a new week.
      expect(await get("198.51.100.7", "2026-12-14")).toBe(200);
      expect(await get("198.51.100.7", "2026-12-15")).toBe(200);
      expect(await get("198.51.100.7", "2026-12-22")).toBe(429);
      // Someone else reading the week already loaded costs nothing.
      expect(await get("198.51.100.8", "2026-12-16")).toBe(200);
    }));
});
