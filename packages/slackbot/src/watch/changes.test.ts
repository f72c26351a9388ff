import { describe, expect, it } from "vitest";
import { diffSnapshots, type SlotEntry, type Snapshot } from "./changes.js";

const NOW = Date.parse("2026-12-03T10:30:00+11:00");
const DAY = 86_400_000;
const at = (hhmm: string, day = "2026-12-03"): string => new Date(`${day}T${hhmm}:00+11:00`).toISOString();
const entry = (start: string, end: string, over: Partial<SlotEntry> = {}): SlotEntry => ({
  start: at(start),
  end: at(end),
  practitionerId: "p-priya",
  locationId: "loc-dock",
  typeId: "type-std",
  status: "Booked",
  ...over,
});
const snap = (entries: Record<string, SlotEntry>, from = NOW - DAY, to = NOW + 7 * DAY): Snapshot => ({
  from,
  to,
  entries,
});

describe("diffSnapshots", () => {
  const before = snap({
    a1: entry("14:00", "14:30"),
    a2: entry("15:00", "15:30"),
    past: entry("09:00", "09:30"),
  });

  it("sees nothing when nothing changed, or only the past changed", () => {
    expect(diffSnapshots(before, snap({ ...before.entries }), NOW)).toEqual([]);
    const { past: _gone, ...rest } = before.entries;
    expect(diffSnapshots(before, snap(rest), NOW)).toEqual([]);
  });

  it("reads a cancellation (marked or deleted) as cancelled plus a freed slot", () => {
    const marked = diffSnapshots(
      before,
      snap({ ...before.entries, a1: { ...before.entries.a1!, status: "Cancelled" } }),
      NOW,
    );
    const { a1: _deleted, ...rest } = before.entries;
    const deleted = diffSnapshots(before, snap(rest), NOW);
    for (const events of [marked, deleted]) {
      expect(events.map((e) => e.kind)).toEqual(["cancelled", "freed-slot"]);
      expect(events[1]).toMatchObject({
        kind: "freed-slot",
        because: "cancelled",
        slot: { start: at("14:00") },
      });
    }
  });

  it("does not call a slot free when someone else was booked into it", () => {
    const { a1: _gone, ...rest } = before.entries;
    const events = diffSnapshots(before, snap({ ...rest, b9: entry("14:00", "14:30") }), NOW);
    expect(events.map((e) => e.kind)).toEqual(["cancelled", "booked"]);
  });

  it("reads a new appointment as booked, a changed time as moved with its old slot freed", () => {
    const events = diffSnapshots(
      before,
      snap({ ...before.entries, a2: entry("16:00", "16:30"), n1: entry("11:00", "11:30") }),
      NOW,
    );
    expect(events.map((e) => e.kind)).toEqual(["booked", "freed-slot", "moved"]);
    expect(events[2]).toMatchObject({
      kind: "moved",
      from: { start: at("15:00") },
      slot: { start: at("16:00") },
    });
  });

  it("ignores what only came into view or fell out of it", () => {
    const later = snap(
      { ...before.entries, far: entry("10:00", "10:30", { start: at("10:00", "2026-12-11") }) },
      NOW,
      NOW + 8 * DAY,
    );
    expect(diffSnapshots(before, later, NOW)).toEqual([]);
  });
});
