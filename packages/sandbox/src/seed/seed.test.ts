import { addDays, dateInZone, weekdayOf } from "@coreplus-kit/core";
import { describe, expect, test } from "vitest";
import { FIXED_NOW } from "../../test/helpers.js";
import { freeBlocks, localInstant, rosteredIntervals } from "../availability.js";
import { SandboxStore } from "../store.js";
import { buildSeed, defaultSubject, summarizeSeed } from "./seed.js";

const snapshot = buildSeed(1, FIXED_NOW);
const store = new SandboxStore();
store.load(snapshot);
const summary = summarizeSeed(store, 1);
const HOUR = 3_600_000;

describe("Harbourside Health seed", () => {
  test("the same seed and clock give the same data; another seed gives other ids", () => {
    expect(buildSeed(1, FIXED_NOW)).toEqual(snapshot);
    const other = buildSeed(2, FIXED_NOW);
    expect(other.locations[0]?.locationId).not.toBe(snapshot.locations[0]?.locationId);
    expect(other.locations.map((l) => l.name)).toEqual(snapshot.locations.map((l) => l.name));
  });

  test("entity ids do not depend on the clock (only appointments are placed around today)", () => {
    const later = buildSeed(1, new Date(FIXED_NOW.getTime() + 40 * 24 * HOUR));
    expect(later.locations).toEqual(snapshot.locations);
    expect(later.practitioners).toEqual(snapshot.practitioners);
    expect(later.appointmentTypes).toEqual(snapshot.appointmentTypes);
    expect(later.clients.map((c) => c.clientId)).toEqual(snapshot.clients.map((c) => c.clientId));
  });

  test("at least three locations in differing zones, with Melbourne (DST) and Brisbane, addresses and phones", () => {
    expect(summary.locations.length).toBeGreaterThanOrEqual(3);
    const zones = new Set(summary.locations.map((l) => l.zone));
    expect(zones.size).toBeGreaterThanOrEqual(3);
    expect(zones).toContain("Australia/Melbourne");
    expect(zones).toContain("Australia/Brisbane");
    for (const l of store.locations.values()) {
      expect(l.address.streetAddress).not.toBe("");
      expect(l.address.postcode).toMatch(/^\d{4}$/);
      expect(l.phoneNumber).toMatch(/^0\d 5550 \d{4}$/);
    }
    const melbourne = summary.locations.find((l) => l.zone === "Australia/Melbourne");
    expect(melbourne?.timezoneId).toBe("39d62534-501c-49cd-9da9-6fa8d6a81f48");
  });

  test("six or more practitioners with emails, some working at two locations", () => {
    expect(summary.practitioners.length).toBeGreaterThanOrEqual(6);
    for (const p of summary.practitioners) expect(p.email).toMatch(/^[a-z.]+@harbourside\.example$/);
    expect(summary.practitioners.filter((p) => p.locationIds.length >= 2).length).toBeGreaterThanOrEqual(2);
  });

  test("every location has someone rostered every day, weekends shorter, nobody full-time", () => {
    const monday = "2026-05-18";
    for (const location of store.locations.values()) {
      const hours: number[] = [];
      for (let i = 0; i < 7; i++) {
        const date = addDays(monday, i);
        const from = localInstant(date, "00:00", location.zone);
        const to = localInstant(date, "24:00", location.zone);
        let total = 0;
        for (const p of store.practitioners.values()) {
          for (const iv of rosteredIntervals(store, p.practitionerId, location.locationId, from, to)) {
            total += (iv.end - iv.start) / HOUR;
          }
        }
        hours.push(total);
      }
      expect(Math.min(...hours), location.name).toBeGreaterThan(0);
      const weekday = Math.min(...hours.slice(0, 5));
      expect(Math.max(hours[5] ?? 0, hours[6] ?? 0), location.name).toBeLessThan(weekday);
    }
    for (const p of store.practitioners.values()) {
      const days = new Set(
        store.rosters.filter((r) => r.practitionerId === p.practitionerId).map((r) => r.weekday),
      );
      expect(days.size, p.displayName).toBeLessThanOrEqual(5);
    }
  });

  test("appointment types: a 60-minute initial, a 30-minute standard, one restricted to a practitioner", () => {
    const types = summary.appointmentTypes;
    expect(types.length).toBeGreaterThanOrEqual(4);
    expect(types.find((t) => t.description === "Initial Consultation")?.durationMinutes).toBe(60);
    expect(types.find((t) => t.description === "Standard Consultation")?.durationMinutes).toBe(30);
    const restricted = types.filter((t) => t.practitionerId !== null);
    expect(restricted).toHaveLength(1);
    expect(
      summary.practitioners.find((p) => p.practitionerId === restricted[0]?.practitionerId)?.lastName,
    ).toBe("Nguyen");
  });

  test("120 or more realistic clients with unique names, mobiles 04xx xxx xxx, DOBs and emails", () => {
    const clients = [...store.clients.values()];
    expect(clients.length).toBeGreaterThanOrEqual(120);
    expect(new Set(clients.map((c) => `${c.firstName} ${c.lastName}`)).size).toBe(clients.length);
    for (const c of clients) {
      expect(c.dateOfBirth).toMatch(/^(19|20)\d\d-\d\d-\d\d$/);
      if (c.phoneNumberMobile) expect(c.phoneNumberMobile).toMatch(/^04\d\d \d{3} \d{3}$/);
      if (c.email) expect(c.email).toMatch(/^[a-z.]+\d*@example\.(com|net|org|com\.au)$/);
    }
    expect(clients.filter((c) => c.phoneNumberMobile).length).toBeGreaterThan(100);
    expect(clients.filter((c) => c.relatedClients.length > 0).length).toBeGreaterThan(0);
  });

  test("appointments fit the rosters, never overlap for one practitioner, and carry the default subject", () => {
    for (const a of store.appointments.values()) {
      const rostered = rosteredIntervals(store, a.practitionerId, a.locationId, a.start, a.end);
      expect(rostered.some((iv) => iv.start <= a.start && a.end <= iv.end)).toBe(true);
      const client = store.client(a.clientId);
      expect(client).toBeDefined();
      if (client) expect(a.subject).toBe(defaultSubject(client));
    }
    for (const p of store.practitioners.values()) {
      const mine = store.activeAppointmentsOf(p.practitionerId).sort((x, y) => x.start - y.start);
      for (let i = 1; i < mine.length; i++)
        expect(mine[i]?.start).toBeGreaterThanOrEqual(mine[i - 1]?.end ?? 0);
    }
  });

  test("today is a realistic day in every zone; the past is settled; coming weeks leave plenty free", () => {
    const now = FIXED_NOW.getTime();
    for (const location of store.locations.values()) {
      const today = dateInZone(now, location.zone);
      const todays = [...store.appointments.values()].filter(
        (a) => a.locationId === location.locationId && dateInZone(a.start, location.zone) === today,
      );
      expect(todays.length, location.name).toBeGreaterThan(3);
    }
    for (const a of store.appointments.values()) {
      if (a.end <= now) expect(a.status).not.toBe("Booked");
      else expect(["Booked", "Cancelled"]).toContain(a.status);
    }
    // Two weeks out, most rostered time is free.
    let rostered = 0;
    let free = 0;
    const from = now + 14 * 24 * HOUR;
    const to = from + 7 * 24 * HOUR;
    for (const r of new Set(store.rosters.map((x) => `${x.practitionerId}|${x.locationId}`))) {
      const [pid, lid] = r.split("|") as [string, string];
      for (const iv of rosteredIntervals(store, pid, lid, from, to)) rostered += iv.end - iv.start;
      for (const iv of freeBlocks(store, pid, lid, from, to)) free += iv.end - iv.start;
    }
    expect(free / rostered).toBeGreaterThan(0.7);
  });

  test("the summary lists sorted facts and counts", () => {
    expect(summary.clinicName).toBe("Harbourside Health");
    expect(summary.locations.map((l) => l.name)).toEqual([...summary.locations.map((l) => l.name)].sort());
    expect(summary.clientCount).toBe(store.clients.size);
    expect(summary.appointmentCount).toBe(store.appointments.size);
    expect(weekdayOf(dateInZone(FIXED_NOW, "Australia/Melbourne"))).toBe(2);
  });
});
