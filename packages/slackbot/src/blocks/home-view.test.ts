import { describe, expect, it } from "vitest";
import { answerFor, day, longDay, record } from "../../test/fixtures.js";
import { blockKitViolations, visibleText } from "../../test/limits.js";
import { HOME_REFRESH_ACTION_ID, homeView, MAX_HOME_BLOCKS } from "./home-view.js";

describe("homeView", () => {
  it("shows the day with a refresh button and when it was updated", () => {
    const view = homeView(
      { kind: "day", answer: answerFor([day([record("09:00", "09:30")])]) },
      { updatedAt: "10:42" },
    );
    expect(view.type).toBe("home");
    expect(JSON.stringify(view.blocks)).toContain(`"action_id":"${HOME_REFRESH_ACTION_ID}"`);
    const text = visibleText([{ text: "", blocks: view.blocks }]);
    expect(text).toContain("Thursday 3 December 2026");
    expect(text).toContain("`09:00–09:30`");
    expect(text).toContain("Updated 10:42");
  });

  it("stays within the Home tab's block limit on a long day", () => {
    const view = homeView({ kind: "day", answer: answerFor([day(longDay(400))]) }, { updatedAt: "10:42" });
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_HOME_BLOCKS);
    expect(blockKitViolations([{ text: "x", blocks: view.blocks }], { maxBlocks: MAX_HOME_BLOCKS })).toEqual(
      [],
    );
  });

  it("explains a problem instead of a day", () => {
    const view = homeView(
      { kind: "problem", problem: { kind: "unlinked", userId: "U9" } },
      { updatedAt: "08:00" },
    );
    expect(visibleText([{ text: "", blocks: view.blocks }])).toContain(
      "isn't linked to a coreplus practitioner",
    );
  });
});
