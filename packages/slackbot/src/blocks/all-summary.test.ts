import { describe, expect, it } from "vitest";
import { answerFor, day, record } from "../../test/fixtures.js";
import {
  allSummaryMessage,
  EXPAND_PRACTITIONER_ACTION_ID,
  parseExpandValue,
  practitionerSummary,
} from "./all-summary.js";

describe("the all summary", () => {
  const mei = day([
    record("09:00", "09:30"),
    record("11:00", "11:30"),
    record("12:00", "12:30", { status: "Cancelled" }),
  ]);
  const marco = day([record("08:00", "09:00", { practitioner: { practitionerId: "p-russo" } })], {
    id: "p-russo",
    name: "Marco Russo",
  });
  const answer = answerFor([mei, marco], { kind: "all" });

  it("gives count, first and last time and the gaps per practitioner", () => {
    expect(practitionerSummary(mei)).toEqual({
      count: "2 (+1 cancelled)",
      span: "09:00–11:30",
      gaps: "09:30–11:00",
    });
    expect(practitionerSummary(marco)).toEqual({ count: "1", span: "08:00–09:00", gaps: "none" });
  });

  it("is one table row per practitioner and a menu that names each, with no patient", () => {
    const message = allSummaryMessage(answer);
    const table = message.blocks.find((b) => b.type === "table") as { rows: { text: string }[][] };
    expect(table.rows.map((r) => r[0]!.text)).toEqual(["Practitioner", "Mei Chen", "Marco Russo"]);
    const menu = message.blocks.find((b) => b.type === "actions") as {
      elements: { action_id: string; options: { value: string }[] }[];
    };
    expect(menu.elements[0]!.action_id).toBe(EXPAND_PRACTITIONER_ACTION_ID);
    expect(menu.elements[0]!.options.map((o) => parseExpandValue(o.value))).toEqual([
      { date: "2026-12-03", practitionerId: "p-chen" },
      { date: "2026-12-03", practitionerId: "p-russo" },
    ]);
    expect(JSON.stringify(message)).not.toContain("A.B.");
  });

  it("reads only its own menu values", () => {
    expect(parseExpandValue("not json")).toBeUndefined();
    expect(parseExpandValue('["2026-12-3","p"]')).toBeUndefined();
    expect(parseExpandValue('["2026-12-03","p","loc"]')).toEqual({
      date: "2026-12-03",
      practitionerId: "p",
      locationId: "loc",
    });
  });
});
