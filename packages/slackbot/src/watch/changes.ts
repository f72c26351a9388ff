/**
 * Change detection as a pure function: two snapshots of the coming days' appointments in, typed
 * events out (booked, cancelled, moved, freed slot). A snapshot holds only when, who, where and
 * which type: never a client, a subject or notes.
 */
import { isCancelled } from "../day/build-day.js";

/** One appointment as the watcher remembers it. */
export interface SlotEntry {
  /** ISO instants. */
  start: string;
  end: string;
  practitionerId: string;
  locationId: string;
  typeId?: string;
  status: string;
}

/** The coming days' appointments by id, and the span they cover. */
export interface Snapshot {
  /** Epoch ms: appointments starting in [from, to) are all in `entries`. */
  from: number;
  to: number;
  entries: Record<string, SlotEntry>;
}

/** A slot as events carry it. */
export type Slot = Omit<SlotEntry, "status">;

/** What changed between two snapshots. */
export type ChangeEvent =
  | { kind: "booked"; id: string; slot: Slot }
  | { kind: "cancelled"; id: string; slot: Slot }
  | { kind: "moved"; id: string; slot: Slot; from: Slot }
  | { kind: "freed-slot"; slot: Slot; because: "cancelled" | "moved" };

const slotOf = ({ status: _status, ...slot }: SlotEntry): Slot => slot;
const ms = (iso: string): number => Date.parse(iso);
const sameSlot = (a: SlotEntry, b: SlotEntry): boolean =>
  a.start === b.start &&
  a.end === b.end &&
  a.practitionerId === b.practitionerId &&
  a.locationId === b.locationId;

/** True when another active appointment of the same practitioner overlaps the slot in `snapshot`. */
function stillTaken(slot: Slot, snapshot: Snapshot, exceptId: string): boolean {
  const start = ms(slot.start);
  const end = ms(slot.end);
  return Object.entries(snapshot.entries).some(
    ([id, e]) =>
      id !== exceptId &&
      !isCancelled(e.status) &&
      e.practitionerId === slot.practitionerId &&
      ms(e.start) < end &&
      ms(e.end) > start,
  );
}

/**
 * The events that turn `before` into `after`, for appointments starting at or after `now` within
 * both snapshots' spans (an appointment that merely came into view is not "booked"). A cancelled or
 * moved appointment's old time is a freed slot unless someone else already holds it.
 * @example diffSnapshots(previous, current, Date.now()) // [{ kind: "cancelled", … }, { kind: "freed-slot", … }]
 */
export function diffSnapshots(before: Snapshot, after: Snapshot, now: number): ChangeEvent[] {
  const from = Math.max(now, before.from, after.from);
  const to = Math.min(before.to, after.to);
  const inSpan = (e: SlotEntry): boolean => ms(e.start) >= from && ms(e.start) < to;
  const events: ChangeEvent[] = [];
  const freed = (slot: Slot, id: string, because: "cancelled" | "moved"): void => {
    if (ms(slot.start) >= from && !stillTaken(slot, after, id))
      events.push({ kind: "freed-slot", slot, because });
  };

  for (const [id, old] of Object.entries(before.entries)) {
    if (isCancelled(old.status)) continue;
    const current = after.entries[id];
    if (current === undefined || isCancelled(current.status)) {
      // Gone from the list (deleted) or marked cancelled: only within the span both reads cover.
      if (!inSpan(old)) continue;
      events.push({ kind: "cancelled", id, slot: slotOf(old) });
      freed(slotOf(old), id, "cancelled");
    } else if (!sameSlot(old, current) && (inSpan(old) || inSpan(current))) {
      events.push({ kind: "moved", id, slot: slotOf(current), from: slotOf(old) });
      freed(slotOf(old), id, "moved");
    }
  }
  for (const [id, entry] of Object.entries(after.entries)) {
    if (id in before.entries || isCancelled(entry.status) || !inSpan(entry)) continue;
    events.push({ kind: "booked", id, slot: slotOf(entry) });
  }
  return events.sort((a, b) => ms(a.slot.start) - ms(b.slot.start));
}
