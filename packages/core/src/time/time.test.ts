import { describe, expect, test } from "vitest";
import { CoreplusDateTimeError } from "../errors.js";
import {
  addDays,
  COREPLUS_TIMEZONES,
  dateInZone,
  formatInZone,
  ianaZoneFor,
  normalizeCoreplusDateTime,
  offsetInZone,
  parseCoreplusDateTime,
  timezoneIdFor,
  weekdayOf,
  zonedTimeToInstant,
} from "./index.js";

const MEL = "Australia/Melbourne";
const MEL_ID = "39d62534-501c-49cd-9da9-6fa8d6a81f48";

describe("timezones", () => {
  test("maps GUIDs and IANA names both ways, case-insensitively", () => {
    expect(ianaZoneFor(MEL_ID)).toBe(MEL);
    expect(ianaZoneFor(MEL_ID.toUpperCase())).toBe(MEL);
    expect(timezoneIdFor("australia/melbourne")).toBe(MEL_ID);
    expect(timezoneIdFor("Australia/Brisbane")).toBe("b4a3c1a2-0a6f-4c55-9d7e-2b1f0c7f1a02");
    expect(ianaZoneFor("00000000-0000-0000-0000-000000000000")).toBeUndefined();
    expect(ianaZoneFor("constructor")).toBeUndefined();
    expect(timezoneIdFor("Europe/London")).toBeUndefined();
    expect(Object.keys(COREPLUS_TIMEZONES)).toHaveLength(5);
    for (const zone of Object.values(COREPLUS_TIMEZONES)) expect(() => offsetInZone(0, zone)).not.toThrow();
  });
});

describe("parseCoreplusDateTime", () => {
  const expected = { local: "2025-05-20T09:00:00", offset: "+10:00", iso: "2025-05-19T23:00:00.000Z" };
  test.each([
    "2025-05-20T09:00:00+10:00",
    "2025-05-20T09:00+10:00",
    "2025-05-20 09:00 +10:00",
    "2025-05-20T09:00:00 +10:00",
    "2025-05-20 09:00:00+10:00",
    "2025-05-20T09:00:00+1000",
    "2025-05-20T09:00:00.0000000+10:00",
    " 2025-05-20T09:00:00+10:00 ",
  ])("parses %j", (s) => {
    const p = parseCoreplusDateTime(s);
    expect(p.local).toBe(expected.local);
    expect(p.offset).toBe(expected.offset);
    expect(p.instant.toISOString()).toBe(expected.iso);
    expect(normalizeCoreplusDateTime(s)).toBe("2025-05-20T09:00:00+10:00");
  });

  test("Z and negative offsets", () => {
    expect(parseCoreplusDateTime("2025-05-19T23:00:00Z")).toEqual({
      instant: new Date("2025-05-19T23:00:00Z"),
      offset: "+00:00",
      local: "2025-05-19T23:00:00",
    });
    expect(parseCoreplusDateTime("2025-05-19T20:30-02:30").instant.toISOString()).toBe(
      "2025-05-19T23:00:00.000Z",
    );
    expect(normalizeCoreplusDateTime("2026-10-04T03:00 +11:00")).toBe("2026-10-04T03:00:00+11:00");
  });

  test.each([
    "2025-05-20T09:00:00",
    "2025-05-20 09:00",
    "2025-05-20",
    "2025-02-30T09:00:00+10:00",
    "2025-05-20T24:00:00+10:00",
    "2025-05-20T09:60:00+10:00",
    "2025-05-20T09:00:00+15:00",
    "20/05/2025 09:00 +10:00",
    "",
  ])("rejects %j with CoreplusDateTimeError", (s) => {
    expect(() => parseCoreplusDateTime(s)).toThrow(CoreplusDateTimeError);
  });

  test("the missing-offset error says so and has a stable code", () => {
    try {
      parseCoreplusDateTime("2025-05-20T09:00:00");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CoreplusDateTimeError);
      expect((e as CoreplusDateTimeError).code).toBe("ERR_COREPLUS_DATETIME");
      expect((e as Error).name).toBe("CoreplusDateTimeError");
      expect((e as Error).message).toMatch(/offset/);
    }
  });
});

describe("formatting in a zone", () => {
  test("Melbourne standard and daylight time", () => {
    expect(formatInZone(new Date("2025-05-19T23:00:00Z"), MEL)).toBe("2025-05-20T09:00:00+10:00");
    expect(formatInZone(new Date("2025-12-01T22:00:00Z"), MEL)).toBe("2025-12-02T09:00:00+11:00");
    expect(formatInZone(Date.parse("2025-12-01T22:00:00Z"), MEL, { space: true })).toBe(
      "2025-12-02T09:00:00 +11:00",
    );
    expect(offsetInZone(new Date("2025-12-01T22:00:00Z"), MEL)).toBe("+11:00");
    expect(offsetInZone(new Date("2025-06-01T22:00:00Z"), "Australia/Adelaide")).toBe("+09:30");
    expect(offsetInZone(new Date("2025-06-01T22:00:00Z"), "America/St_Johns")).toBe("-02:30");
  });

  test("Sydney observes DST, Brisbane does not", () => {
    const summer = new Date("2026-01-15T00:00:00Z");
    expect(offsetInZone(summer, "Australia/Sydney")).toBe("+11:00");
    expect(offsetInZone(summer, "Australia/Brisbane")).toBe("+10:00");
    expect(formatInZone(summer, "Australia/Sydney")).toBe("2026-01-15T11:00:00+11:00");
    expect(formatInZone(summer, "Australia/Brisbane")).toBe("2026-01-15T10:00:00+10:00");
    const winter = new Date("2026-07-15T00:00:00Z");
    expect(offsetInZone(winter, "Australia/Sydney")).toBe("+10:00");
    expect(offsetInZone(winter, "Australia/Brisbane")).toBe("+10:00");
  });

  test("dateInZone uses the zone's calendar day, not UTC's", () => {
    expect(dateInZone(new Date("2026-03-01T13:30:00Z"), MEL)).toBe("2026-03-02");
    expect(dateInZone(new Date("2026-03-01T12:30:00Z"), MEL)).toBe("2026-03-01");
    expect(dateInZone(new Date("2026-03-01T12:30:00Z"), "Australia/Perth")).toBe("2026-03-01");
    expect(dateInZone(new Date("2026-03-01T16:30:00Z"), "Australia/Perth")).toBe("2026-03-02");
  });

  test("every minute around both Melbourne transitions formats consistently", () => {
    for (const start of [Date.parse("2026-10-03T15:00:00Z"), Date.parse("2027-04-03T15:00:00Z")]) {
      for (let ms = start; ms < start + 3 * 3_600_000; ms += 60_000) {
        const s = formatInZone(ms, MEL);
        expect(parseCoreplusDateTime(s).instant.getTime()).toBe(ms);
      }
    }
    expect(formatInZone(Date.parse("2026-10-03T15:59:59Z"), MEL)).toBe("2026-10-04T01:59:59+10:00");
    expect(formatInZone(Date.parse("2026-10-03T16:00:00Z"), MEL)).toBe("2026-10-04T03:00:00+11:00");
    expect(formatInZone(Date.parse("2027-04-03T15:59:59Z"), MEL)).toBe("2027-04-04T02:59:59+11:00");
    expect(formatInZone(Date.parse("2027-04-03T16:00:00Z"), MEL)).toBe("2027-04-04T02:00:00+10:00");
  });

  test("an unknown zone is a CoreplusDateTimeError", () => {
    expect(() => formatInZone(0, "Mars/Olympus_Mons")).toThrow(CoreplusDateTimeError);
    expect(() => formatInZone(Number.NaN, MEL)).toThrow(CoreplusDateTimeError);
  });
});

describe("zonedTimeToInstant", () => {
  const at = (date: string, time: string, zone = MEL): string =>
    formatInZone(zonedTimeToInstant(date, time, zone), zone);

  test("ordinary days", () => {
    expect(zonedTimeToInstant("2025-05-20", "09:00", MEL).toISOString()).toBe("2025-05-19T23:00:00.000Z");
    expect(zonedTimeToInstant("2025-12-02", "09:00:30", MEL).toISOString()).toBe("2025-12-01T22:00:30.000Z");
    expect(zonedTimeToInstant("2026-01-15", "09:00", "Australia/Brisbane").toISOString()).toBe(
      "2026-01-14T23:00:00.000Z",
    );
    expect(zonedTimeToInstant("2026-01-15", "09:00", "Australia/Sydney").toISOString()).toBe(
      "2026-01-14T22:00:00.000Z",
    );
    expect(at("2025-05-20", "24:00")).toBe("2025-05-21T00:00:00+10:00");
  });

  test("Melbourne spring forward, 2026-10-04 02:00 → 03:00", () => {
    expect(at("2026-10-04", "00:00")).toBe("2026-10-04T00:00:00+10:00");
    expect(at("2026-10-04", "01:59")).toBe("2026-10-04T01:59:00+10:00");
    expect(at("2026-10-04", "02:00")).toBe("2026-10-04T03:00:00+11:00");
    expect(at("2026-10-04", "02:30")).toBe("2026-10-04T03:30:00+11:00");
    expect(at("2026-10-04", "03:00")).toBe("2026-10-04T03:00:00+11:00");
    expect(at("2026-10-04", "09:00")).toBe("2026-10-04T09:00:00+11:00");
    const dayLength =
      zonedTimeToInstant("2026-10-05", "00:00", MEL).getTime() -
      zonedTimeToInstant("2026-10-04", "00:00", MEL).getTime();
    expect(dayLength).toBe(23 * 3_600_000);
  });

  test("Melbourne fall back, 2027-04-04 03:00 → 02:00: the first occurrence", () => {
    expect(at("2027-04-04", "01:30")).toBe("2027-04-04T01:30:00+11:00");
    expect(at("2027-04-04", "02:00")).toBe("2027-04-04T02:00:00+11:00");
    expect(at("2027-04-04", "02:30")).toBe("2027-04-04T02:30:00+11:00");
    expect(at("2027-04-04", "03:00")).toBe("2027-04-04T03:00:00+10:00");
    expect(at("2027-04-04", "17:00")).toBe("2027-04-04T17:00:00+10:00");
    const dayLength =
      zonedTimeToInstant("2027-04-05", "00:00", MEL).getTime() -
      zonedTimeToInstant("2027-04-04", "00:00", MEL).getTime();
    expect(dayLength).toBe(25 * 3_600_000);
  });

  test("Sydney shares Melbourne's transition; Brisbane has none", () => {
    expect(at("2026-10-04", "02:30", "Australia/Sydney")).toBe("2026-10-04T03:30:00+11:00");
    expect(at("2026-10-04", "02:30", "Australia/Brisbane")).toBe("2026-10-04T02:30:00+10:00");
  });

  test("round-trips every half hour of a year in Adelaide", () => {
    let date = "2026-01-01";
    for (let i = 0; i < 365; i++) {
      for (const time of ["00:00", "01:30", "02:00", "02:30", "03:00", "12:30", "23:30"]) {
        const s = at(date, time, "Australia/Adelaide");
        const gap = date === "2026-10-04" && (time === "02:00" || time === "02:30");
        if (!gap) expect(s).toMatch(new RegExp(`^${date}T${time}:00\\+(09|10):30$`));
      }
      date = addDays(date, 1);
    }
  });

  test.each(["9:00", "25:00", "12:60", "24:01"])("rejects time %j", (t) => {
    expect(() => zonedTimeToInstant("2026-01-01", t, MEL)).toThrow(CoreplusDateTimeError);
  });
});

describe("calendar arithmetic", () => {
  test("addDays across months, years and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-10-03", 2)).toBe("2026-10-05");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
  });
  test("weekdayOf", () => {
    expect(weekdayOf("2026-10-04")).toBe(0);
    expect(weekdayOf("2027-04-04")).toBe(0);
    expect(weekdayOf("2025-05-20")).toBe(2);
    expect(weekdayOf("2026-01-03")).toBe(6);
  });
  test.each(["2026-02-29", "2026-1-01", "not a date"])("rejects %j", (d) => {
    expect(() => addDays(d, 1)).toThrow(CoreplusDateTimeError);
    expect(() => weekdayOf(d)).toThrow(CoreplusDateTimeError);
  });
});
