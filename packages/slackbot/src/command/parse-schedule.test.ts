import { describe, expect, it } from "vitest";
import { parseCommand } from "./parse-command.js";
import { parseTime } from "./parse-schedule.js";

describe("the morning-message commands", () => {
  it("reads every day, every weekday and chosen days at a time", () => {
    expect(parseCommand("every day at 7:30")).toEqual({
      kind: "subscribe",
      time: "07:30",
      days: [0, 1, 2, 3, 4, 5, 6],
    });
    expect(parseCommand("every weekday at 7:30")).toEqual({
      kind: "subscribe",
      time: "07:30",
      days: [1, 2, 3, 4, 5],
    });
    expect(parseCommand("Every Mon, Wed and Fri at 8am")).toEqual({
      kind: "subscribe",
      time: "08:00",
      days: [1, 3, 5],
    });
    expect(parseCommand("every tuesday thursday at 6.45 pm")).toEqual({
      kind: "subscribe",
      time: "18:45",
      days: [2, 4],
    });
  });

  it("reads stop in the ways people say it", () => {
    for (const text of ["stop", "every day stop", "morning stop", "every day off", "Stop"])
      expect(parseCommand(text)).toEqual({ kind: "unsubscribe" });
  });

  it("says what is missing or wrong", () => {
    expect(parseCommand("every day")).toMatchObject({ kind: "invalid-schedule", problem: "no-time" });
    expect(parseCommand("every day at 25:00")).toMatchObject({
      kind: "invalid-schedule",
      problem: "bad-time",
    });
    expect(parseCommand("every day at 7")).toMatchObject({ kind: "invalid-schedule", problem: "bad-time" });
    expect(parseCommand("every blursday at 7:30")).toEqual({
      kind: "invalid-schedule",
      problem: "no-days",
      token: "blursday",
    });
    expect(parseCommand("every at 7:30")).toMatchObject({ kind: "invalid-schedule", problem: "no-days" });
  });

  it("parses times 24-hour and 12-hour", () => {
    expect(parseTime("7:30")).toBe("07:30");
    expect(parseTime("07:05")).toBe("07:05");
    expect(parseTime("12am")).toBe("00:00");
    expect(parseTime("12:15pm")).toBe("12:15");
    expect(parseTime("13pm")).toBeUndefined();
    expect(parseTime("7")).toBeUndefined();
  });
});
