import { describe, expect, it } from "vitest";
import { blockKitViolations, visibleText } from "../../test/limits.js";
import { helpMessage, problemMessage } from "./messages.js";

describe("help and problem messages", () => {
  it("shows the usage with examples", () => {
    const text = visibleText([helpMessage()]);
    expect(text).toContain("`/appointments tomorrow`");
    expect(text).toContain("`/appointments all at Southbank`");
    expect(text).toContain("3/12 (3 December)");
  });

  it("suggests the near-miss practitioner and repeats the usage", () => {
    const message = problemMessage({
      kind: "unknown-practitioner",
      text: "sarha chen",
      suggestions: ["Sarah Chen"],
    });
    expect(blockKitViolations([message])).toEqual([]);
    const text = visibleText([message]);
    expect(text).toContain("No practitioner matches “sarha chen”. Did you mean *Sarah Chen*?");
    expect(text).toContain("`/appointments tomorrow`");
  });

  it("joins several suggestions with or", () => {
    const text = visibleText([
      problemMessage({ kind: "not-understood", text: "tomorow x", suggestions: ["tomorrow", "today"] }),
    ]);
    expect(text).toContain("Did you mean *tomorrow* or *today*?");
  });

  it("tells an unlinked user exactly how to get linked", () => {
    const text = visibleText([
      problemMessage({ kind: "unlinked", userId: "U0NEW", email: "new@clinic.example" }),
    ]);
    expect(text).toContain("new@clinic.example");
    expect(text).toContain("`U0NEW`");
    expect(text).toContain("SLACK_PRACTITIONER_MAP");
  });

  it("explains refusals and coreplus failures without jargon-only codes", () => {
    expect(visibleText([problemMessage({ kind: "forbidden", userId: "U1" })])).toContain("SLACK_VIEWERS");
    expect(visibleText([problemMessage({ kind: "timeout", seconds: 20 })])).toContain(
      "didn't answer within 20 seconds",
    );
    expect(
      visibleText([problemMessage({ kind: "coreplus-unavailable", code: "ERR_COREPLUS_UPSTREAM" })]),
    ).toContain("try again in a few minutes");
  });

  it("escapes what the user typed when echoing it", () => {
    const text = visibleText([
      problemMessage({ kind: "not-understood", text: "<!here> & co", suggestions: [] }),
    ]);
    expect(text).toContain("&lt;!here&gt; &amp; co");
    expect(text).not.toContain("<!here>");
  });

  it("keeps the fallback text free of mrkdwn marks", () => {
    expect(problemMessage({ kind: "forbidden", userId: "U1" }).text).not.toMatch(/[`*]/);
  });
});
