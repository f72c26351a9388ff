import { describe, expect, it } from "vitest";
import { parseCommand } from "./parse-command.js";
import { daysBetween, resolveDate } from "./resolve-date.js";

const dateOf = (text: string, today: string): string => {
  const parsed = parseCommand(text);
  if (parsed.kind !== "query") throw new Error(`not a query: ${text}`);
  return resolveDate(parsed.date, today);
};

describe("resolveDate", () => {
  // 2026-12-03 is a Thursday.
  const thursday = "2026-12-03";

  it("resolves relative days across month and year ends", () => {
    expect(dateOf("today", thursday)).toBe("2026-12-03");
    expect(dateOf("tomorrow", "2026-12-31")).toBe("2027-01-01");
    expect(dateOf("yesterday", "2027-03-01")).toBe("2027-02-28");
  });

  it("takes a weekday's next occurrence, today included", () => {
    expect(dateOf("thursday", thursday)).toBe("2026-12-03");
    expect(dateOf("friday", thursday)).toBe("2026-12-04");
    expect(dateOf("monday", thursday)).toBe("2026-12-07");
    expect(dateOf("wed", thursday)).toBe("2026-12-09");
  });

  it("reads 3/12 as 3 December, the nearest one", () => {
    expect(dateOf("3/12", "2026-11-20")).toBe("2026-12-03");
    expect(dateOf("3/1", "2026-12-30")).toBe("2027-01-03");
    expect(dateOf("20/12", "2027-01-05")).toBe("2026-12-20");
    expect(dateOf("29/2", "2027-06-01")).toBe("2028-02-29");
    expect(dateOf("3/12/2025", thursday)).toBe("2025-12-03");
    expect(dateOf("2026-01-09", thursday)).toBe("2026-01-09");
  });

  it("counts days without time zones", () => {
    expect(daysBetween("2026-10-03", "2026-10-05")).toBe(2); // across Melbourne's DST start
    expect(daysBetween("2026-12-31", "2026-01-01")).toBe(-364);
  });

  it("reads next <weekday>, this <weekday> and in N days", () => {
    // Thursday 3 December 2026.
    expect(dateOf("next monday", thursday)).toBe("2026-12-07");
    expect(dateOf("next friday", thursday)).toBe("2026-12-11");
    expect(dateOf("next thursday", thursday)).toBe("2026-12-10");
    expect(dateOf("next sunday", thursday)).toBe("2026-12-13");
    expect(dateOf("this friday", thursday)).toBe("2026-12-04");
    expect(dateOf("this thursday", thursday)).toBe("2026-12-03");
    expect(dateOf("in 3 days", thursday)).toBe("2026-12-06");
    expect(dateOf("in a week", thursday)).toBe("2026-12-10");
    expect(dateOf("in 2 weeks", "2026-12-24")).toBe("2027-01-07");
    // On a Sunday, next week starts tomorrow.
    expect(dateOf("next monday", "2026-12-06")).toBe("2026-12-07");
  });

  it("keeps names that merely contain the words", () => {
    expect(parseCommand("next monday priya at docklands")).toEqual({
      kind: "query",
      date: { kind: "next-weekday", weekday: 1 },
      who: { kind: "name", text: "priya" },
      location: "docklands",
    });
    expect(parseCommand("in 3 days all")).toMatchObject({
      date: { kind: "relative", days: 3 },
      who: { kind: "all" },
    });
    expect(parseCommand("next")).toMatchObject({ who: { kind: "name", text: "next" } });
  });
});
