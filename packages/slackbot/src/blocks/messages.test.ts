import { describe, expect, it } from "vitest";
import { blockKitViolations, visibleText } from "../../test/limits.js";
import { helpMessage, problemMessage } from "./messages.js";

describe("help and problem messages", () => {
  it("shows the usage with examples from the clinic's own names, and none made up", () => {
    const text = visibleText([
      helpMessage("/appointments", { practitioner: "Priya Sharma", location: "Docklands" }),
    ]);
    expect(text).toContain("`/appointments tomorrow`");
    expect(text).toContain("`/appointments next monday`");
    expect(text).toContain("`/appointments in 3 days`");
    expect(text).toContain("`/appointments tomorrow Priya Sharma`");
    expect(text).toContain("`/appointments all at Docklands`");
    expect(text).toContain("`/appointments every weekday at 7:30`");
    expect(text).toContain("3/12 (3 December)");
    // Without the clinic's names (coreplus unreachable), no invented practitioner or location.
    const generic = visibleText([helpMessage()]);
    expect(generic).toContain("`/appointments all`");
    expect(generic).not.toMatch(/Southbank|Sarah Chen|Docklands/);
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

  it("tells an unlinked user exactly how to get linked, and who can do it", () => {
    const text = visibleText([
      problemMessage({ kind: "unlinked", userId: "U0NEW", email: "new@clinic.example" }, "/appointments", {
        viewers: ["U0DESK"],
        admins: ["U0BOSS"],
      }),
    ]);
    expect(text).toContain("new@clinic.example");
    expect(text).toContain("`U0NEW`");
    expect(text).toContain("Ask <@U0BOSS>.");
    expect(text).not.toMatch(/SLACK_/);
  });

  it("explains refusals in human terms, naming who can help, and coreplus failures without jargon", () => {
    const refusal = visibleText([
      problemMessage({ kind: "forbidden", userId: "U1" }, "/appointments", {
        viewers: ["U0DESK"],
        admins: [],
      }),
    ]);
    expect(refusal).toContain("Only reception and practice managers can see other diaries. Ask <@U0DESK>.");
    expect(refusal).not.toMatch(/SLACK_|U1/);
    expect(visibleText([problemMessage({ kind: "forbidden", userId: "U1" })])).toContain(
      "Ask whoever runs this bot in your clinic.",
    );
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
