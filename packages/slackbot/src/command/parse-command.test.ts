import { describe, expect, it } from "vitest";
import { parseCommand } from "./parse-command.js";

describe("parseCommand", () => {
  it("defaults to today for the asker", () => {
    expect(parseCommand("")).toEqual({
      kind: "query",
      date: { kind: "relative", days: 0 },
      who: { kind: "default" },
    });
    expect(parseCommand("   ")).toEqual({
      kind: "query",
      date: { kind: "relative", days: 0 },
      who: { kind: "default" },
    });
  });

  it("refuses a text no question needs, without reading it", () => {
    expect(parseCommand("a ".repeat(151))).toEqual({ kind: "invalid", reason: "too-long", token: "" });
    expect(parseCommand("a ".repeat(149))).toMatchObject({ kind: "query" });
  });

  it("reads help in its usual spellings", () => {
    for (const text of ["help", "HELP", "?", "--help", " usage "])
      expect(parseCommand(text)).toEqual({ kind: "help" });
  });

  it("reads relative days and weekdays, case-insensitively", () => {
    expect(parseCommand("tomorrow")).toMatchObject({ date: { kind: "relative", days: 1 } });
    expect(parseCommand("Today")).toMatchObject({ date: { kind: "relative", days: 0 } });
    expect(parseCommand("yesterday")).toMatchObject({ date: { kind: "relative", days: -1 } });
    expect(parseCommand("Monday")).toMatchObject({ date: { kind: "weekday", weekday: 1 } });
    expect(parseCommand("thurs")).toMatchObject({ date: { kind: "weekday", weekday: 4 } });
    expect(parseCommand("sun")).toMatchObject({ date: { kind: "weekday", weekday: 0 } });
  });

  it("reads ISO dates and Australian day/month dates", () => {
    expect(parseCommand("2026-12-03")).toMatchObject({
      date: { kind: "iso", year: 2026, month: 12, day: 3 },
    });
    expect(parseCommand("3/12")).toMatchObject({ date: { kind: "day-month", day: 3, month: 12 } });
    expect(parseCommand("29/2")).toMatchObject({ date: { kind: "day-month", day: 29, month: 2 } });
    expect(parseCommand("3/12/2027")).toMatchObject({
      date: { kind: "day-month", day: 3, month: 12, year: 2027 },
    });
    expect(parseCommand("3/12/27")).toMatchObject({
      date: { kind: "day-month", day: 3, month: 12, year: 2027 },
    });
    expect(parseCommand("3.12")).toMatchObject({ date: { kind: "day-month", day: 3, month: 12 } });
  });

  it("refuses impossible dates instead of guessing", () => {
    expect(parseCommand("31/2")).toEqual({ kind: "invalid", reason: "bad-date", token: "31/2" });
    expect(parseCommand("12/31")).toEqual({ kind: "invalid", reason: "bad-date", token: "12/31" });
    expect(parseCommand("2026-02-30")).toEqual({ kind: "invalid", reason: "bad-date", token: "2026-02-30" });
    expect(parseCommand("29/2/2027")).toEqual({ kind: "invalid", reason: "bad-date", token: "29/2/2027" });
    expect(parseCommand("12")).toEqual({ kind: "invalid", reason: "bad-date", token: "12" });
    expect(parseCommand("today tomorrow")).toEqual({
      kind: "invalid",
      reason: "two-dates",
      token: "tomorrow",
    });
  });

  it("reads me, all and practitioner names", () => {
    expect(parseCommand("me")).toMatchObject({ who: { kind: "me" } });
    expect(parseCommand("ALL")).toMatchObject({ who: { kind: "all" } });
    expect(parseCommand("everyone")).toMatchObject({ who: { kind: "all" } });
    expect(parseCommand("tomorrow Sarah Chen")).toEqual({
      kind: "query",
      date: { kind: "relative", days: 1 },
      who: { kind: "name", text: "Sarah Chen" },
    });
    // The date may also come after the name.
    expect(parseCommand("Dr Chen friday")).toMatchObject({
      date: { kind: "weekday", weekday: 5 },
      who: { kind: "name", text: "Dr Chen" },
    });
  });

  it("reads a Slack user mention as that user", () => {
    expect(parseCommand("<@U012ABC|sarah>")).toMatchObject({
      who: { kind: "slack-user", userId: "U012ABC" },
    });
    expect(parseCommand("monday <@W0XYZ>")).toMatchObject({ who: { kind: "slack-user", userId: "W0XYZ" } });
  });

  it("takes everything after `at` as the location", () => {
    expect(parseCommand("all at Port Adelaide")).toEqual({
      kind: "query",
      date: { kind: "relative", days: 0 },
      who: { kind: "all" },
      location: "Port Adelaide",
    });
    expect(parseCommand("3/12 me at docklands")).toMatchObject({
      who: { kind: "me" },
      location: "docklands",
    });
    expect(parseCommand("all at")).toEqual({ kind: "invalid", reason: "empty-location", token: "at" });
  });
});
