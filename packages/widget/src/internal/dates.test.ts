import { describe, expect, it } from "vitest";
import {
  addDays,
  dateIn,
  dayParts,
  daysBetween,
  earlier,
  formatTime,
  formatWhen,
  later,
  sameOffset,
  shortDay,
  zoneAbbreviation,
  zoneCity,
} from "./dates.ts";

describe("dates", () => {
  it("takes today from the location's zone, not the visitor's or UTC", () => {
    const instant = new Date("2026-11-30T14:30:00Z"); // 01:30 on 1 Dec in Melbourne, still 30 Nov in UTC
    expect(dateIn("Australia/Melbourne", instant)).toBe("2026-12-01");
    expect(dateIn("UTC", instant)).toBe("2026-11-30");
    expect(dateIn("America/Los_Angeles", instant)).toBe("2026-11-30");
  });

  it("adds days across months, years and daylight-saving changes", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-10-04", 1)).toBe("2026-10-05"); // Melbourne's DST start; calendar maths ignores zones
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-12-01", "2027-01-30")).toBe(60);
    expect(earlier("2026-12-01", "2026-11-30")).toBe("2026-11-30");
    expect(later("2026-12-01", "2026-11-30")).toBe("2026-12-01");
  });

  it("formats with Intl in each locale", () => {
    // CLDR versions differ on the comma ("Tue 1 Dec" / "Tue, 1 Dec"); the order is what matters.
    expect(shortDay("2026-12-01", "en-AU")).toMatch(/^Tue,? 1 Dec$/);
    expect(shortDay("2026-12-01", "en-US")).toBe("Tue, Dec 1");
    expect(dayParts("2026-12-01", "en-AU")).toEqual({ weekday: "Tue", day: "1", month: "Dec" });
    expect(dayParts("2027-06-07", "en-AU")).toEqual({ weekday: "Mon", day: "7", month: "Jun" });
    expect(formatTime("2026-12-02T09:00:00+11:00", "en-AU", "Australia/Melbourne")).toBe("9:00 am");
    expect(formatTime("2026-12-02T09:00:00+11:00", "en-US", "Australia/Melbourne")).toBe("9:00 AM");
    expect(formatWhen("2026-12-02T09:00:00+11:00", "en-AU", "Australia/Melbourne")).toBe(
      "Wednesday 2 December 2026 at 9:00 am AEDT",
    );
  });

  it("shows each part of a day button as it reads on its own, every day of a year, in every English locale", () => {
    for (const locale of ["en-AU", "en-US", "en-GB", "en-NZ", "en-CA", "en-IE", "en-IN", "en-IN-u-nu-deva"]) {
      const alone = (options: Intl.DateTimeFormatOptions) => {
        const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
        return (date: string) => format.format(new Date(`${date}T12:00:00Z`));
      };
      const [weekday, day, month] = [
        alone({ weekday: "short" }),
        alone({ day: "numeric" }),
        alone({ month: "short" }),
      ];
      for (let i = 0; i < 366; i++) {
        const date = addDays("2026-11-30", i);
        expect(dayParts(date, locale), `${locale} ${date}`).toEqual({
          weekday: weekday(date),
          day: day(date),
          month: month(date),
        });
      }
    }
  });

  it("takes the date and the hour from the zone's wall clock", () => {
    // 23:59 and 00:00 on either side of midnight in Melbourne (AEDT, +11:00).
    expect(dateIn("Australia/Melbourne", new Date("2026-11-30T12:59:59Z"))).toBe("2026-11-30");
    expect(dateIn("Australia/Melbourne", new Date("2026-11-30T13:00:00Z"))).toBe("2026-12-01");
    expect(dateIn("Asia/Kolkata", new Date("2026-11-30T18:29:00Z"))).toBe("2026-11-30");
    expect(dateIn("Asia/Kolkata", new Date("2026-11-30T18:30:00Z"))).toBe("2026-12-01");
  });

  it("names zones for the zone line", () => {
    const summer = new Date("2026-12-01T00:00:00Z");
    expect(zoneCity("Australia/Melbourne")).toBe("Melbourne");
    expect(zoneCity("America/Los_Angeles")).toBe("Los Angeles");
    expect(zoneAbbreviation("Australia/Melbourne", "en-AU", summer)).toBe("AEDT");
    expect(zoneAbbreviation("Australia/Melbourne", "en-AU", new Date("2026-07-01T00:00:00Z"))).toBe("AEST");
    expect(sameOffset("Australia/Melbourne", "Australia/Sydney", summer)).toBe(true);
    expect(sameOffset("Australia/Melbourne", "Australia/Brisbane", summer)).toBe(false);
    expect(sameOffset("Australia/Melbourne", "Australia/Melbourne", summer)).toBe(true);
    // Half-hour offsets: Adelaide is +10:30 in summer, Darwin +9:30 all year; +9:30 both in winter.
    expect(sameOffset("Australia/Adelaide", "Australia/Darwin", summer)).toBe(false);
    expect(sameOffset("Australia/Adelaide", "Australia/Darwin", new Date("2026-07-01T00:00:00Z"))).toBe(true);
    // Winter in Melbourne (+10:00) is Brisbane's offset all year.
    expect(sameOffset("Australia/Melbourne", "Australia/Brisbane", new Date("2026-07-01T00:00:00Z"))).toBe(
      true,
    );
    expect(sameOffset("Asia/Kolkata", "Asia/Kathmandu", summer)).toBe(false);
  });
});
