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

  it("is one table row per practitioner and a button for each, with no patient", () => {
    const message = allSummaryMessage(answer);
    const table = message.blocks.find((b) => b.type === "table") as { rows: { text: string }[][] };
    expect(table.rows.map((r) => r[0]!.text)).toEqual(["Practitioner", "Mei Chen", "Marco Russo"]);
    const actions = message.blocks.find((b) => b.type === "actions") as {
      elements: { type: string; action_id: string; value: string }[];
    };
    expect(actions.elements.map((e) => [e.type, e.action_id])).toEqual([
      ["button", `${EXPAND_PRACTITIONER_ACTION_ID}:0`],
      ["button", `${EXPAND_PRACTITIONER_ACTION_ID}:1`],
    ]);
    expect(actions.elements.map((o) => parseExpandValue(o.value))).toEqual([
      { date: "2026-12-03", practitionerId: "p-chen" },
      { date: "2026-12-03", practitionerId: "p-russo" },
    ]);
    expect(JSON.stringify(message)).not.toContain("A.B.");
  });

  it("offers one menu instead when there are many practitioners", () => {
    const many = answerFor(
      Array.from({ length: 12 }, (_, i) =>
        day([record("09:00", "09:30", { practitioner: { practitionerId: `p${i}` } })], {
          id: `p${i}`,
          name: `P ${i}`,
        }),
      ),
      { kind: "all" },
    );
    const actions = allSummaryMessage(many).blocks.find((b) => b.type === "actions") as {
      elements: { type: string; action_id: string; options: unknown[] }[];
    };
    expect(actions.elements).toHaveLength(1);
    expect(actions.elements[0]).toMatchObject({
      type: "static_select",
      action_id: EXPAND_PRACTITIONER_ACTION_ID,
    });
    expect(actions.elements[0]!.options).toHaveLength(12);
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
