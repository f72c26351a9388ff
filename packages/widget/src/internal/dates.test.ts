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
    expect(formatTime("2026-12-02T09:00:00+11:00", "en-AU", "Australia/Melbourne")).toBe("9:00 am");
    expect(formatTime("2026-12-02T09:00:00+11:00", "en-US", "Australia/Melbourne")).toBe("9:00 AM");
    expect(formatWhen("2026-12-02T09:00:00+11:00", "en-AU", "Australia/Melbourne")).toBe(
      "Wednesday 2 December 2026 at 9:00 am AEDT",
    );
  });

  it("names zones for the zone line", () => {
    const summer = new Date("2026-12-01T00:00:00Z");
    expect(zoneCity("Australia/Melbourne")).toBe("Melbourne");
    expect(zoneCity("America/Los_Angeles")).toBe("Los Angeles");
    expect(zoneAbbreviation("Australia/Melbourne", "en-AU", summer)).toBe("AEDT");
    expect(zoneAbbreviation("Australia/Melbourne", "en-AU", new Date("2026-07-01T00:00:00Z"))).toBe("AEST");
    expect(sameOffset("Australia/Melbourne", "Australia/Sydney", summer)).toBe(true);
    expect(sameOffset("Australia/Melbourne", "Australia/Brisbane", summer)).toBe(false);
  });
});
