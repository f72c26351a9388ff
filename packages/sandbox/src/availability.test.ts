import { parseCoreplusDateTime } from "@coreplus-kit/core";
import { describe, expect, test } from "vitest";
import { call, testSandbox } from "../test/helpers.js";
import { mergeIntervals, subtractIntervals } from "./availability.js";
import type { Sandbox } from "./index.js";

const MELBOURNE = "39d62534-501c-49cd-9da9-6fa8d6a81f48";
const HOUR = 3_600_000;
const MINUTE = 60_000;

type Slot = { startDateTime: string; endDateTime: string; practitionerId: string; locationId: string };
type Slots = { timeslots: Slot[]; paging: { totalRows: number } };

function ids(sandbox: Sandbox) {
  const docklands = sandbox.seed.locations.find((l) => l.name.endsWith("Docklands"));
  const nguyen = sandbox.seed.practitioners.find((p) => p.lastName === "Nguyen");
  const standard = sandbox.seed.appointmentTypes.find((t) => t.description === "Standard Consultation");
  const psychology = sandbox.seed.appointmentTypes.find((t) => t.practitionerId !== null);
  const hydro = sandbox.seed.appointmentTypes.find((t) => t.locationId !== null);
  if (!docklands || !nguyen || !standard || !psychology || !hydro) throw new Error("seed changed");
  return { docklands, nguyen, standard, psychology, hydro };
}

async function slots(sandbox: Sandbox, query: Record<string, string | string[]>): Promise<Slot[]> {
  const res = await call<Slots>(sandbox, "GET", "/AvailabilitySlot/", {
    query: { timezoneId: MELBOURNE, pageSize: "100", ...query },
  });
  expect(res.status).toBe(200);
  expect(res.body.timeslots.length).toBe(Math.min(100, res.body.paging.totalRows));
  return res.body.timeslots;
}

const ms = (s: string): number => parseCoreplusDateTime(s).instant.getTime();

describe("interval arithmetic", () => {
  test("merge joins touching and overlapping intervals", () => {
    expect(
      mergeIntervals([
        { start: 5, end: 7 },
        { start: 0, end: 2 },
        { start: 2, end: 3 },
        { start: 6, end: 9 },
      ]),
    ).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 9 },
    ]);
  });
  test("subtract cuts holes and trims edges", () => {
    expect(
      subtractIntervals(
        [{ start: 0, end: 10 }],
        [
          { start: -2, end: 1 },
          { start: 4, end: 5 },
          { start: 9, end: 12 },
        ],
      ),
    ).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 9 },
    ]);
  });
});

describe("daylight saving in Melbourne", () => {
  // Business clock well before both change days, so nothing is in the past and the seed is elsewhere.
  const sandbox = testSandbox({ now: () => new Date("2026-09-01T00:00:00Z") });
  const { docklands, nguyen, standard } = ids(sandbox);
  for (const date of ["2026-10-04", "2027-04-04"]) {
    sandbox.store.addRoster({
      practitionerId: nguyen.practitionerId,
      locationId: docklands.locationId,
      date,
      start: "00:00",
      end: "24:00",
    });
  }
  const base = { practitionerId: nguyen.practitionerId, locationId: docklands.locationId };

  test("the weekly Sunday shift switches from +10:00 to +11:00 and back", async () => {
    const spring = await slots(sandbox, { ...base, startDate: "2026-09-27", endDate: "2026-09-27" });
    expect(spring.map((s) => s.startDateTime)).toEqual(["2026-09-27T09:00:00+10:00"]);
    const monday = await slots(sandbox, { ...base, startDate: "2026-10-05", endDate: "2026-10-05" });
    expect(monday[0]?.startDateTime).toBe("2026-10-05T09:00:00+11:00");
    const before = await slots(sandbox, { ...base, startDate: "2027-03-28", endDate: "2027-03-28" });
    expect(before.map((s) => [s.startDateTime, s.endDateTime])).toEqual([
      ["2027-03-28T09:00:00+11:00", "2027-03-28T13:00:00+11:00"],
    ]);
    const after = await slots(sandbox, { ...base, startDate: "2027-04-05", endDate: "2027-04-05" });
    expect(after[0]?.startDateTime).toBe("2027-04-05T09:00:00+10:00");
  });

  test("2026-10-04 is 23 hours long and its 30-minute slots are all there once", async () => {
    const block = await slots(sandbox, { ...base, startDate: "2026-10-04", endDate: "2026-10-04" });
    expect(block.map((s) => [s.startDateTime, s.endDateTime])).toEqual([
      ["2026-10-04T00:00:00+10:00", "2026-10-05T00:00:00+11:00"],
    ]);
    const first = block[0] as Slot;
    expect(ms(first.endDateTime) - ms(first.startDateTime)).toBe(23 * HOUR);

    const split = await slots(sandbox, {
      ...base,
      startDate: "2026-10-04",
      endDate: "2026-10-04",
      appointmentTypeId: standard.appointmentTypeId,
    });
    expect(split).toHaveLength(46);
    const start = ms("2026-10-04T00:00:00+10:00");
    expect(split.map((s) => ms(s.startDateTime))).toEqual(split.map((_, i) => start + i * 30 * MINUTE));
    expect(new Set(split.map((s) => s.startDateTime)).size).toBe(46);
    expect(split.map((s) => s.startDateTime)).toContain("2026-10-04T01:30:00+10:00");
    expect(split.map((s) => s.startDateTime)).toContain("2026-10-04T03:00:00+11:00");
    expect(split.some((s) => s.startDateTime.startsWith("2026-10-04T02:"))).toBe(false);
    expect(split[45]?.endDateTime).toBe("2026-10-05T00:00:00+11:00");
  });

  test("2027-04-04 is 25 hours long: 02:00 and 02:30 happen twice, with different offsets", async () => {
    const block = await slots(sandbox, { ...base, startDate: "2027-04-04", endDate: "2027-04-04" });
    expect(block.map((s) => [s.startDateTime, s.endDateTime])).toEqual([
      ["2027-04-04T00:00:00+11:00", "2027-04-05T00:00:00+10:00"],
    ]);
    const split = await slots(sandbox, {
      ...base,
      startDate: "2027-04-04",
      endDate: "2027-04-04",
      appointmentTypeId: standard.appointmentTypeId,
    });
    expect(split).toHaveLength(50);
    const start = ms("2027-04-04T00:00:00+11:00");
    expect(split.map((s) => ms(s.startDateTime))).toEqual(split.map((_, i) => start + i * 30 * MINUTE));
    const starts = split.map((s) => s.startDateTime);
    expect(new Set(starts).size).toBe(50);
    expect(starts.slice(4, 8)).toEqual([
      "2027-04-04T02:00:00+11:00",
      "2027-04-04T02:30:00+11:00",
      "2027-04-04T02:00:00+10:00",
      "2027-04-04T02:30:00+10:00",
    ]);
  });

  test("a range spanning the change is split the same way as day by day", async () => {
    const q = { ...base, appointmentTypeId: standard.appointmentTypeId };
    const range = await call<Slots>(sandbox, "GET", "/AvailabilitySlot/", {
      query: { ...q, timezoneId: MELBOURNE, startDate: "2026-10-03", endDate: "2026-10-05" },
    });
    const days: Slot[] = [];
    for (const d of ["2026-10-03", "2026-10-04", "2026-10-05"]) {
      const r = await call<Slots>(sandbox, "GET", "/AvailabilitySlot/", {
        query: { ...q, timezoneId: MELBOURNE, startDate: d, endDate: d, pageSize: "100" },
      });
      days.push(...r.body.timeslots);
    }
    expect(range.body.paging.totalRows).toBe(days.length);
  });
});

describe("availability rules", () => {
  // Tuesday 19 May 2026, 09:00 in Melbourne.
  const sandbox = testSandbox();
  const { docklands, nguyen, standard, psychology, hydro } = ids(sandbox);

  test("with a type, slots are back-to-back from each free block's start, leftovers dropped", async () => {
    const day = { startDate: "2026-05-26", endDate: "2026-05-26", locationId: docklands.locationId };
    const blocks = await slots(sandbox, { ...day, practitionerId: nguyen.practitionerId });
    const split = await slots(sandbox, {
      ...day,
      practitionerId: nguyen.practitionerId,
      appointmentTypeId: psychology.appointmentTypeId,
    });
    let expected = 0;
    for (const b of blocks) {
      const length = ms(b.endDateTime) - ms(b.startDateTime);
      const n = Math.floor(length / (50 * MINUTE));
      expected += n;
      for (let i = 0; i < n; i++) {
        const slot = split.find((s) => ms(s.startDateTime) === ms(b.startDateTime) + i * 50 * MINUTE);
        expect(slot && ms(slot.endDateTime) - ms(slot.startDateTime)).toBe(50 * MINUTE);
      }
    }
    expect(split).toHaveLength(expected);
    expect(split.every((s) => (s as Slot & { appointmentTypeId?: string }).appointmentTypeId)).toBe(true);
  });

  test("a type restricted to a practitioner offers only that practitioner's slots", async () => {
    const res = await slots(sandbox, {
      startDate: "2026-05-25",
      endDate: "2026-06-07",
      appointmentTypeId: psychology.appointmentTypeId,
    });
    expect(res.length).toBeGreaterThan(0);
    expect(new Set(res.map((s) => s.practitionerId))).toEqual(new Set([nguyen.practitionerId]));
  });

  test("a type restricted to a location offers slots only there", async () => {
    const res = await slots(sandbox, {
      startDate: "2026-05-25",
      endDate: "2026-05-31",
      appointmentTypeId: hydro.appointmentTypeId,
    });
    expect(res.length).toBeGreaterThan(0);
    expect(new Set(res.map((s) => s.locationId))).toEqual(new Set([hydro.locationId]));
  });

  test("slots before the business clock are excluded, and moving the clock moves the cut", async () => {
    const today = {
      startDate: "2026-05-19",
      endDate: "2026-05-19",
      appointmentTypeId: standard.appointmentTypeId,
    };
    const now = ms("2026-05-19T09:00:00+10:00");
    const before = await slots(sandbox, today);
    expect(before.every((s) => ms(s.startDateTime) >= now)).toBe(true);
    sandbox.clock.advance(4 * HOUR);
    try {
      const later = await slots(sandbox, today);
      expect(later.every((s) => ms(s.startDateTime) >= now + 4 * HOUR)).toBe(true);
      expect(later.length).toBeLessThan(before.length);
      const blocks = await slots(sandbox, { startDate: "2026-05-19", endDate: "2026-05-19" });
      expect(blocks.every((s) => ms(s.startDateTime) >= now + 4 * HOUR)).toBe(true);
    } finally {
      sandbox.clock.reset();
    }
  });

  test("slots are sorted by start and filtered by several practitioners (repeated or comma-separated)", async () => {
    const [a, b] = sandbox.seed.practitioners;
    if (!a || !b) throw new Error("seed changed");
    const q = {
      startDate: "2026-05-25",
      endDate: "2026-05-31",
      appointmentTypeId: standard.appointmentTypeId,
    };
    const repeated = await slots(sandbox, { ...q, practitionerId: [a.practitionerId, b.practitionerId] });
    const comma = await slots(sandbox, { ...q, practitionerId: `${a.practitionerId},${b.practitionerId}` });
    expect(comma).toEqual(repeated);
    expect(new Set(repeated.map((s) => s.practitionerId))).toEqual(
      new Set([a.practitionerId, b.practitionerId]),
    );
    const starts = repeated.map((s) => ms(s.startDateTime));
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  });

  test("specialtyId keeps the practitioners tagged with it (physiotherapists here)", async () => {
    const physios = sandbox.seed.practitioners.filter((p) => p.profession === "Physiotherapist");
    const tag = physios[0]?.specialtyIds[0] ?? "";
    expect(physios.every((p) => p.specialtyIds.includes(tag))).toBe(true);
    const res = await slots(sandbox, { startDate: "2026-05-25", endDate: "2026-05-29", specialtyId: tag });
    expect(new Set(res.map((s) => s.practitionerId))).toEqual(new Set(physios.map((p) => p.practitionerId)));
  });

  test("slot times are spelled in the requested zone without a space", async () => {
    const brisbane = sandbox.seed.locations.find((l) => l.zone === "Australia/Brisbane");
    const res = await slots(sandbox, {
      startDate: "2026-05-25",
      endDate: "2026-05-25",
      locationId: brisbane?.locationId ?? "",
      timezoneId: brisbane?.timezoneId ?? "",
    });
    expect(res.length).toBeGreaterThan(0);
    for (const s of res) expect(s.startDateTime).toMatch(/^2026-05-25T\d\d:\d\d:00\+10:00$/);
  });

  test("missing or bad dates, an unknown timezone or type, end before start, or over 31 days → 400", async () => {
    const ok = { startDate: "2026-05-25", endDate: "2026-05-31", timezoneId: MELBOURNE };
    const bad: Record<string, string>[] = [
      { endDate: ok.endDate, timezoneId: MELBOURNE },
      { startDate: ok.startDate, timezoneId: MELBOURNE },
      { startDate: ok.startDate, endDate: ok.endDate },
      { ...ok, timezoneId: "b4a3c1a2-0a6f-4c55-9d7e-2b1f0c7f1aff" },
      { ...ok, timezoneId: "not-a-guid" },
      { ...ok, startDate: "25/05/2026" },
      { ...ok, endDate: "2026-05-24" },
      { ...ok, endDate: "2026-06-25" },
      { ...ok, appointmentTypeId: "00000000-0000-4000-8000-000000000000" },
      { ...ok, pageNumber: "0" },
    ];
    for (const query of bad) {
      const res = await call(sandbox, "GET", "/AvailabilitySlot/", { query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body).toEqual({ result: [{ severity: 2, reason: expect.any(String) }] });
    }
    const longest = await call(sandbox, "GET", "/AvailabilitySlot/", {
      query: { ...ok, endDate: "2026-06-24" },
    });
    expect(longest.status).toBe(200);
    const upperCase = await call(sandbox, "GET", "/AvailabilitySlot/", {
      query: { ...ok, timezoneId: MELBOURNE.toUpperCase() },
    });
    expect(upperCase.status).toBe(200);
  });

  test("the timeslots envelope pages like every list, pageSize clamped to 100", async () => {
    const res = await call<
      Slots & { paging: { pageNumber: number; pageSize: number }; statusMessages: unknown[] }
    >(sandbox, "GET", "/AvailabilitySlot/", {
      query: {
        startDate: "2026-05-25",
        endDate: "2026-06-07",
        timezoneId: MELBOURNE,
        appointmentTypeId: standard.appointmentTypeId,
        pageSize: "1000",
        pageNumber: "2",
      },
    });
    expect(Object.keys(res.body)).toEqual(["timeslots", "paging", "statusMessages"]);
    expect(res.body.paging).toMatchObject({ pageNumber: 2, pageSize: 100 });
    expect(res.body.paging.totalRows).toBeGreaterThan(200);
    expect(res.body.timeslots).toHaveLength(100);
  });
});
