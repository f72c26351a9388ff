import { describe, expect, it } from "vitest";
import { directory } from "../../test/fixtures.js";
import { blockKitViolations, visibleText } from "../../test/limits.js";
import type { ChangeEvent, Slot } from "../watch/changes.js";
import { activityMessage, bookingRateMessage, slotText } from "./activity-message.js";

const slot = (hhmm: string, over: Partial<Slot> = {}): Slot => ({
  start: new Date(`2026-12-03T${hhmm}:00+11:00`).toISOString(),
  end: new Date(`2026-12-03T${hhmm}:00+11:00`).toISOString(),
  practitionerId: "p-chen",
  locationId: "loc-dock",
  typeId: "type-init",
  ...over,
});
const ctx = { directory, showTypes: true, zone: "Australia/Melbourne" };

describe("activity messages", () => {
  it("names time, practitioner and the location's short name, in the location's zone", () => {
    expect(slotText(slot("14:00"), ctx)).toBe("Thu 3 Dec 14:00 with Mei Chen at Docklands");
    // Hamilton is in Brisbane: 14:00 in Melbourne is 13:00 there.
    expect(slotText(slot("14:00", { locationId: "loc-ham" }), ctx)).toBe(
      "Thu 3 Dec 13:00 with Mei Chen at Hamilton",
    );
  });

  it("writes a burst as one message, a cancellation once, through its freed slot", () => {
    const events: ChangeEvent[] = [
      { kind: "cancelled", id: "a1", slot: slot("14:00") },
      { kind: "freed-slot", slot: slot("14:00"), because: "cancelled" },
      { kind: "booked", id: "a2", slot: slot("15:00") },
      { kind: "moved", id: "a3", slot: slot("16:00"), from: slot("11:00") },
      { kind: "freed-slot", slot: slot("11:00"), because: "moved" },
    ];
    const message = activityMessage(events, ctx)!;
    expect(blockKitViolations([message])).toEqual([]);
    const text = visibleText([message]);
    expect(text.match(/14:00/g)).toHaveLength(1);
    expect(text).toContain("Thu 3 Dec 14:00 with Mei Chen at Docklands is free again (cancelled)");
    expect(text).toContain("New booking: Thu 3 Dec 15:00 with Mei Chen at Docklands · Initial consultation");
    expect(text).toContain("Moved: Thu 3 Dec 11:00 with Mei Chen at Docklands → Thu 3 Dec 16:00");
    expect(message.text).toBe("1 new booking, 1 move, 2 freed slots");
  });

  it('shows "Appointment" instead of the type with SLACK_SHOW_TYPES off', () => {
    const text = visibleText([
      activityMessage([{ kind: "booked", id: "a", slot: slot("09:00") }], { ...ctx, showTypes: false })!,
    ]);
    expect(text).toContain("· Appointment");
    expect(text).not.toContain("Initial consultation");
  });

  it("says nothing for a cancellation alone, and cuts a long burst short", () => {
    expect(activityMessage([{ kind: "cancelled", id: "a", slot: slot("09:00") }], ctx)).toBeUndefined();
    const many: ChangeEvent[] = Array.from({ length: 40 }, (_, i) => ({
      kind: "booked",
      id: `b${i}`,
      slot: slot("09:00"),
    }));
    const message = activityMessage(many, ctx)!;
    expect(blockKitViolations([message])).toEqual([]);
    expect(visibleText([message])).toContain("…and 15 more changes.");
  });

  it("words the booking-rate alert for people", () => {
    const text = visibleText([
      bookingRateMessage({ clinic: "harbourside", count: 61, limit: 60, windowMinutes: 60 }),
    ]);
    expect(text).toContain("reached 61 in the last 60 minutes (the limit is 60)");
  });
});
