import { describe, expect, it } from "vitest";
import { dueDate, nextSend } from "./due.js";

const MELB = "Australia/Melbourne";
const HOUR = 3_600_000;
const weekdays = { time: "07:30", days: [1, 2, 3, 4, 5] as (0 | 1 | 2 | 3 | 4 | 5 | 6)[] };

describe("dueDate", () => {
  it("is due from the chosen local time for the catch-up window, on chosen days only", () => {
    // Thursday 3 December 2026, AEDT (+11:00).
    expect(dueDate(weekdays, new Date("2026-12-03T07:29:59+11:00"), MELB, HOUR)).toBeUndefined();
    expect(dueDate(weekdays, new Date("2026-12-03T07:30:00+11:00"), MELB, HOUR)).toBe("2026-12-03");
    expect(dueDate(weekdays, new Date("2026-12-03T08:29:59+11:00"), MELB, HOUR)).toBe("2026-12-03");
    expect(dueDate(weekdays, new Date("2026-12-03T08:30:00+11:00"), MELB, HOUR)).toBeUndefined();
    // Saturday 5 December: not a chosen day.
    expect(dueDate(weekdays, new Date("2026-12-05T07:45:00+11:00"), MELB, HOUR)).toBeUndefined();
  });

  it("follows the wall clock across DST in both directions", () => {
    // Melbourne leaves DST on Sunday 5 April 2026 (+11 → +10) and enters it on Sunday 4 October 2026.
    const everyDay = { time: "07:30", days: [0, 1, 2, 3, 4, 5, 6] as (0 | 1 | 2 | 3 | 4 | 5 | 6)[] };
    expect(dueDate(everyDay, new Date("2026-04-05T07:30:00+10:00"), MELB, HOUR)).toBe("2026-04-05");
    expect(dueDate(everyDay, new Date("2026-04-05T06:30:00+10:00"), MELB, HOUR)).toBeUndefined();
    expect(dueDate(everyDay, new Date("2026-10-04T07:30:00+11:00"), MELB, HOUR)).toBe("2026-10-04");
    expect(dueDate(everyDay, new Date("2026-10-04T06:59:00+11:00"), MELB, HOUR)).toBeUndefined();
    // A time inside the spring-forward gap fires once the clock has jumped past it.
    const gap = { time: "02:30", days: everyDay.days };
    expect(dueDate(gap, new Date("2026-10-04T03:31:00+11:00"), MELB, HOUR)).toBe("2026-10-04");
  });

  it("uses the clinic's zone, not the host's", () => {
    // 07:30 in Perth (+08:00) is 10:30 in Melbourne.
    expect(dueDate(weekdays, new Date("2026-12-03T07:30:00+08:00"), "Australia/Perth", HOUR)).toBe(
      "2026-12-03",
    );
    expect(dueDate(weekdays, new Date("2026-12-03T07:30:00+08:00"), MELB, HOUR)).toBeUndefined();
  });
});

describe("nextSend", () => {
  it("is the next chosen day's time", () => {
    // Friday 4 December 2026 08:00: the next weekday 07:30 is Monday 7 December.
    expect(nextSend(weekdays, new Date("2026-12-04T08:00:00+11:00"), MELB)?.toISOString()).toBe(
      new Date("2026-12-07T07:30:00+11:00").toISOString(),
    );
  });
});
