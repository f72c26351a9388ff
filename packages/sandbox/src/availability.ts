/**
 * Free time: each practitioner's roster at each location (local wall times in the location's zone,
 * turned into instants one local date at a time, so daylight-saving days are 23 or 25 hours long)
 * minus their appointments that still occupy time.
 */
import { addDays, dateInZone, weekdayOf, zonedTimeToInstant } from "@coreplus-kit/core";
import type { SandboxStore } from "./store.js";
import type { AppointmentTypeRecord } from "./types.js";

/** A half-open interval [start, end) of epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** One free slot (or, without an appointment type, one maximal free block). */
export interface Slot extends Interval {
  practitionerId: string;
  locationId: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Unsplit blocks that have begun are shown from the next quarter hour, not from an odd minute. */
const BLOCK_ROUNDING = 15 * MINUTE;

// Rosters repeat the same (date, time, zone) triples on every availability query; Intl is slow enough
// that remembering them matters under load. The key space is small (days × shift times × zones).
const instantCache = new Map<string, number>();

/** The instant of a local wall time; "24:00" means midnight at the end of `date`. */
export function localInstant(date: string, time: string, zone: string): number {
  const key = `${date}|${time}|${zone}`;
  const hit = instantCache.get(key);
  if (hit !== undefined) return hit;
  const value =
    time === "24:00"
      ? zonedTimeToInstant(addDays(date, 1), "00:00", zone).getTime()
      : zonedTimeToInstant(date, time, zone).getTime();
  if (instantCache.size > 50_000) instantCache.clear();
  instantCache.set(key, value);
  return value;
}

/** Sorts and joins overlapping or touching intervals. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else out.push({ ...iv });
  }
  return out;
}

/** Removes `cuts` from `blocks` (both sorted or not; the result is sorted). */
export function subtractIntervals(blocks: Interval[], cuts: Interval[]): Interval[] {
  const sortedCuts = [...cuts].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const block of mergeIntervals(blocks)) {
    let cursor = block.start;
    for (const cut of sortedCuts) {
      if (cut.end <= cursor || cut.start >= block.end) continue;
      if (cut.start > cursor) out.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
      if (cursor >= block.end) break;
    }
    if (cursor < block.end) out.push({ start: cursor, end: block.end });
  }
  return out;
}

/**
 * Rostered time of one practitioner at one location on every local date that touches [from, to),
 * merged but not clipped (so slot alignment never depends on the query window).
 */
export function rosteredIntervals(
  store: SandboxStore,
  practitionerId: string,
  locationId: string,
  from: number,
  to: number,
): Interval[] {
  const location = store.location(locationId);
  const entries = store.rosterOf(practitionerId, locationId);
  if (!location || entries.length === 0 || to <= from) return [];
  const zone = location.zone;
  const out: Interval[] = [];
  const last = dateInZone(to - 1, zone);
  for (let date = dateInZone(from, zone); date <= last; date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    for (const entry of entries) {
      if (entry.date !== undefined ? entry.date !== date : entry.weekday !== weekday) continue;
      const start = localInstant(date, entry.start, zone);
      const end = localInstant(date, entry.end, zone);
      if (end > start) out.push({ start, end });
    }
  }
  return mergeIntervals(out);
}

/** Free blocks of one practitioner at one location around [from, to) (unclipped, unsplit). */
export function freeBlocks(
  store: SandboxStore,
  practitionerId: string,
  locationId: string,
  from: number,
  to: number,
  exceptAppointmentId?: string,
): Interval[] {
  const rostered = rosteredIntervals(store, practitionerId, locationId, from, to);
  if (rostered.length === 0) return [];
  const busy = store
    .activeAppointmentsOf(practitionerId, exceptAppointmentId)
    .filter((a) => a.end > from - DAY && a.start < to + DAY)
    .map((a) => ({ start: a.start, end: a.end }));
  return subtractIntervals(rostered, busy);
}

/** The booking rule: wholly inside one free block of that practitioner at that location, and not in the past. */
export function isBookable(
  store: SandboxStore,
  q: {
    practitionerId: string;
    locationId: string;
    start: number;
    end: number;
    now: number;
    exceptAppointmentId?: string;
  },
): boolean {
  if (q.end <= q.start || q.start < q.now) return false;
  const blocks = freeBlocks(store, q.practitionerId, q.locationId, q.start, q.end, q.exceptAppointmentId);
  return blocks.some((b) => b.start <= q.start && q.end <= b.end);
}

/** What an availability query asks for (ids already lower-cased; empty filter arrays mean "any"). */
export interface AvailabilityQuery {
  from: number;
  to: number;
  now: number;
  practitionerIds: string[];
  locationIds: string[];
  specialtyIds: string[];
  type?: AppointmentTypeRecord;
}

/** Free slots sorted by start, then practitioner, then location. */
export function availableSlots(store: SandboxStore, q: AvailabilityQuery): Slot[] {
  const pairs = new Map<string, { practitionerId: string; locationId: string }>();
  for (const r of store.rosters) pairs.set(`${r.practitionerId}|${r.locationId}`, r);
  const slots: Slot[] = [];
  const notBefore = Math.max(q.from, q.now);
  for (const { practitionerId, locationId } of pairs.values()) {
    if (!offered(store, q, practitionerId, locationId)) continue;
    const blocks = freeBlocks(store, practitionerId, locationId, q.from, q.to);
    if (q.type) {
      const length = q.type.durationMinutes * MINUTE;
      for (const block of blocks) {
        for (let start = block.start; start + length <= block.end; start += length) {
          if (start >= notBefore && start + length <= q.to) {
            slots.push({ start, end: start + length, practitionerId, locationId });
          }
        }
      }
    } else {
      const firstStart = Math.max(q.from, Math.ceil(q.now / BLOCK_ROUNDING) * BLOCK_ROUNDING);
      for (const block of blocks) {
        const start = Math.max(block.start, firstStart);
        const end = Math.min(block.end, q.to);
        if (end > start) slots.push({ start, end, practitionerId, locationId });
      }
    }
  }
  return slots.sort(
    (a, b) =>
      a.start - b.start ||
      compare(a.practitionerId, b.practitionerId) ||
      compare(a.locationId, b.locationId) ||
      a.end - b.end,
  );
}

/** Whether this practitioner at this location matches the filters and the type's restrictions. */
function offered(
  store: SandboxStore,
  q: AvailabilityQuery,
  practitionerId: string,
  locationId: string,
): boolean {
  if (q.practitionerIds.length > 0 && !q.practitionerIds.includes(practitionerId)) return false;
  if (q.locationIds.length > 0 && !q.locationIds.includes(locationId)) return false;
  if (q.type?.practitionerId && q.type.practitionerId !== practitionerId) return false;
  if (q.type?.locationId && q.type.locationId !== locationId) return false;
  if (q.specialtyIds.length > 0) {
    const tags = store.practitioner(practitionerId)?.specialtyIds ?? [];
    if (!q.specialtyIds.some((s) => tags.includes(s))) return false;
  }
  return true;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
