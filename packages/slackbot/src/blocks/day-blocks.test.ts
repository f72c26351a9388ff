import { describe, expect, it } from "vitest";
import { answerFor, day, longDay, record } from "../../test/fixtures.js";
import { blockKitViolations, visibleText } from "../../test/limits.js";
import { dayBlocksWithin, dayFallbackText, dayMessages, paginate } from "./day-blocks.js";

describe("dayMessages", () => {
  it("shows the date, the practitioner, the count, each appointment and the gaps", () => {
    const answer = answerFor([
      day([
        record("09:00", "10:00", { appointmentTypeId: "type-init" }),
        record("10:00", "10:30", { status: "Cancelled" }),
        record("11:00", "11:30"),
      ]),
    ]);
    const messages = dayMessages(answer);
    expect(messages).toHaveLength(1);
    expect(blockKitViolations(messages)).toEqual([]);
    const text = visibleText(messages);
    expect(text).toContain("Thursday 3 December 2026");
    expect(text).toContain("*Mei Chen*");
    expect(text).toContain("2 appointments (1 cancelled)");
    expect(text).toContain("`09:00–10:00`  *Initial consultation* · A.B.\nHarbourside Docklands · Booked");
    expect(text).toContain(
      "~10:00–10:30  Standard consultation · A.B.~\nHarbourside Docklands · *Cancelled*",
    );
    expect(text).toContain("free 10:00–11:00");
  });

  it("says so when the day is empty", () => {
    const messages = dayMessages(answerFor([day([])]));
    expect(blockKitViolations(messages)).toEqual([]);
    expect(visibleText(messages)).toContain("No appointments on Thursday 3 December 2026.");
    expect(messages[0]?.text).toBe("Thursday 3 December 2026 · Mei Chen: 0 appointments");
  });

  it("says once when every time is in another zone than the bot's", () => {
    const messages = dayMessages(answerFor([day([record("09:00", "09:30", { locationId: "loc-ham" })])]));
    const text = visibleText(messages);
    expect(text).toContain("*Mei Chen* · 1 appointment · times in Brisbane time");
    expect(text).toContain("`08:00–08:30`  *Standard consultation*");
  });

  it("marks each time in another zone when a day mixes zones", () => {
    const messages = dayMessages(
      answerFor([day([record("09:00", "09:30", { locationId: "loc-ham" }), record("11:00", "11:30")])]),
    );
    const text = visibleText(messages);
    expect(text).toContain("`08:00–08:30` _(Brisbane time)_");
    expect(text).toContain("`11:00–11:30`  *Standard consultation*");
    expect(text).not.toContain("times in");
  });

  it("escapes mrkdwn control characters from coreplus text", () => {
    const answer = answerFor([day([record("09:00", "09:30")])]);
    const a = answer.days[0]!.items[0]!;
    if (a.kind === "appointment") a.appointment.typeName = "<!channel> & <b>";
    const text = visibleText(dayMessages(answer));
    expect(text).toContain("&lt;!channel&gt; &amp; &lt;b&gt;");
    expect(text).not.toContain("<!channel>");
  });

  it("keeps patient labels out of the notification text", () => {
    const answer = answerFor([day([record("09:00", "09:30")])]);
    expect(dayFallbackText(answer)).not.toContain("A.B.");
  });

  it("writes a long day compactly and still lists every appointment", () => {
    const answer = answerFor([day(longDay(120))]);
    const messages = dayMessages(answer);
    expect(blockKitViolations(messages)).toEqual([]);
    const text = visibleText(messages);
    for (const item of answer.days[0]!.items) {
      if (item.kind === "appointment")
        expect(text).toContain(`${item.appointment.startTime}–${item.appointment.endTime}`);
    }
  });

  it("splits an everyone-day over several messages when one is not enough", () => {
    const names = Array.from({ length: 70 }, (_, i) => ({ id: `p${i}`, name: `Practitioner ${i}` }));
    const answer = answerFor(
      names.map((p) => day(longDay(8, p.id), p)),
      { kind: "all" },
    );
    const messages = dayMessages(answer);
    expect(messages.length).toBeGreaterThan(1);
    expect(blockKitViolations(messages)).toEqual([]);
    expect(visibleText(messages)).toContain("continued (2 of");
    for (const p of names) expect(visibleText(messages)).toContain(`*${p.name}*`);
  });

  it("summarises when even several messages cannot hold every appointment", () => {
    const names = Array.from({ length: 150 }, (_, i) => ({ id: `p${i}`, name: `Practitioner ${i}` }));
    const answer = answerFor(
      names.map((p) => day(longDay(60, p.id), p)),
      { kind: "all" },
    );
    const messages = dayMessages(answer);
    expect(blockKitViolations(messages)).toEqual([]);
    const text = visibleText(messages);
    expect(text).toContain("Too many appointments to list here");
    expect(text).toContain("*Practitioner 149* · 60 appointments");
  });

  it("never fails, even for absurd days", () => {
    const names = Array.from({ length: 600 }, (_, i) => ({ id: `p${i}`, name: `Practitioner ${i}` }));
    const answer = answerFor(
      names.map((p) => day(longDay(2, p.id), p)),
      { kind: "all" },
    );
    const messages = dayMessages(answer);
    expect(blockKitViolations(messages)).toEqual([]);
    expect(visibleText(messages)).toContain("More practitioners than fit here");
  });
});

describe("dayBlocksWithin", () => {
  it("fits the densest layout into a block budget", () => {
    const answer = answerFor([day(longDay(150))]);
    const blocks = dayBlocksWithin(answer, 90);
    expect(blocks.length).toBeLessThanOrEqual(90);
    expect(blockKitViolations([{ text: "x", blocks }], { maxBlocks: 90 })).toEqual([]);
  });
});

describe("paginate", () => {
  it("keeps groups together and splits oversized ones", () => {
    const b = { type: "divider" as const };
    const pages = paginate(
      [
        [b, b],
        [b, b, b],
        [b, b, b, b, b, b, b],
      ],
      4,
    );
    expect(pages.map((p) => p.length)).toEqual([2, 3, 4, 3]);
  });
});
