import { describe, expect, it } from "vitest";
import { countTimes, dayWithTimes, groupSlots, periodOf, uniqueStarts } from "./slots.ts";

const slot = (start: string, practitionerId = "p1") => ({
  start,
  end: start,
  practitionerId,
  locationId: "l1",
});

describe("slots", () => {
  it("keeps the first practitioner listed for each start time", () => {
    const list = [
      slot("2026-12-02T09:00:00+11:00", "p1"),
      slot("2026-12-02T09:00:00+11:00", "p2"),
      slot("2026-12-02T09:30:00+11:00", "p2"),
    ];
    expect(uniqueStarts(list).map((s) => s.practitionerId)).toEqual(["p1", "p2"]);
    expect(countTimes({ date: "2026-12-02", slots: list })).toBe(2);
  });

  it("treats the same instant written with different offsets as one time", () => {
    expect(uniqueStarts([slot("2026-12-01T22:00:00Z"), slot("2026-12-02T09:00:00+11:00")])).toHaveLength(1);
  });

  it("groups by the hour in the location's zone, whatever the process zone", () => {
    expect(periodOf("2026-12-02T11:59:00+11:00", "Australia/Melbourne")).toBe("morning");
    expect(periodOf("2026-12-02T12:00:00+11:00", "Australia/Melbourne")).toBe("afternoon");
    expect(periodOf("2026-12-02T16:59:00+11:00", "Australia/Melbourne")).toBe("afternoon");
    expect(periodOf("2026-12-02T17:00:00+11:00", "Australia/Melbourne")).toBe("evening");
    // 09:00 in Melbourne is 06:00 in Perth.
    expect(periodOf("2026-12-02T09:00:00+11:00", "Australia/Perth")).toBe("morning");
    expect(periodOf("2026-12-02T00:30:00+11:00", "Australia/Melbourne")).toBe("morning");
  });

  it("leaves out empty groups and keeps order", () => {
    const groups = groupSlots(
      [slot("2026-12-02T18:00:00+11:00"), slot("2026-12-02T09:00:00+11:00")],
      "Australia/Melbourne",
    );
    expect(groups.map((g) => [g.period, g.slots.length])).toEqual([
      ["morning", 1],
      ["evening", 1],
    ]);
  });

  it("keeps a day with a time, else finds the first day with one", () => {
    const days = [
      { date: "2026-12-01", slots: [] },
      { date: "2026-12-02", slots: [slot("2026-12-02T09:00:00+11:00")] },
      { date: "2026-12-03", slots: [slot("2026-12-03T09:00:00+11:00")] },
    ];
    expect(dayWithTimes(days, "2026-12-03")).toBe("2026-12-03");
    expect(dayWithTimes(days, undefined)).toBe("2026-12-02");
    expect(dayWithTimes(days, "2026-12-01")).toBe("2026-12-02");
    expect(dayWithTimes(days, "2026-12-09")).toBe("2026-12-02");
    expect(dayWithTimes([{ date: "2026-12-01", slots: [] }], "2026-12-01")).toBeUndefined();
  });
});
