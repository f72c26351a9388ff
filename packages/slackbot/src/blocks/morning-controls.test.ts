import { describe, expect, it } from "vitest";
import { visibleText } from "../../test/limits.js";
import {
  MORNING_DAYS_ACTION_ID,
  MORNING_STOP_ACTION_ID,
  MORNING_TIME_ACTION_ID,
  morningControls,
} from "./morning-controls.js";

type Actions = {
  type: string;
  elements?: { action_id: string; initial_time?: string; initial_options?: { value: string }[] }[];
};

describe("morningControls", () => {
  it("offers a time and days, starting at 07:30 on weekdays, without a stop button when off", () => {
    const blocks = morningControls(undefined, undefined) as Actions[];
    const actions = blocks.find((b) => b.type === "actions")!.elements!;
    expect(actions.map((e) => e.action_id)).toEqual([MORNING_TIME_ACTION_ID, MORNING_DAYS_ACTION_ID]);
    expect(actions[0]!.initial_time).toBe("07:30");
    expect(actions[1]!.initial_options!.map((o) => o.value)).toEqual(["1", "2", "3", "4", "5"]);
    expect(visibleText([{ text: "", blocks: blocks as never }])).toContain("*Morning message:* off.");
  });

  it("shows the current choice and a stop button when on", () => {
    const blocks = morningControls(
      { time: "06:45", days: [1, 3] },
      "on Mondays and Wednesdays at 06:45 (Melbourne time)",
    ) as Actions[];
    const actions = blocks.find((b) => b.type === "actions")!.elements!;
    expect(actions.map((e) => e.action_id)).toContain(MORNING_STOP_ACTION_ID);
    expect(actions[0]!.initial_time).toBe("06:45");
    expect(actions[1]!.initial_options!.map((o) => o.value)).toEqual(["1", "3"]);
    expect(visibleText([{ text: "", blocks: blocks as never }])).toContain(
      "on Mondays and Wednesdays at 06:45",
    );
  });
});
