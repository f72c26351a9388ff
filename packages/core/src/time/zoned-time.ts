/** Wall time in a zone → instant, with DST gaps and overlaps resolved like Temporal's "compatible". */
import { CoreplusDateTimeError } from "../errors.js";
import { utcMidnight } from "./calendar.js";
import { zoneOffsetMs } from "./zone-offset.js";

const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

/**
 * The instant at local wall time `time` ("HH:mm" or "HH:mm:ss", "24:00" = next midnight) on `date`
 * ("YYYY-MM-DD") in `zone`. In a DST gap the wall time is read with the offset before the gap and
 * so lands after it (Melbourne 2026-10-04 02:30 → 03:30+11:00); in an overlap the first occurrence
 * wins (2027-04-04 02:30 → 02:30+11:00).
 */
export function zonedTimeToInstant(date: string, time: string, zone: string): Date {
  const m = TIME_PATTERN.exec(time);
  if (m === null)
    throw new CoreplusDateTimeError(`Expected a time "HH:mm" or "HH:mm:ss", got "${time.slice(0, 20)}"`);
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  const isEndOfDay = hour === 24 && minute === 0 && second === 0;
  if ((hour > 23 && !isEndOfDay) || minute > 59 || second > 59) {
    throw new CoreplusDateTimeError(`Time "${time}" is out of range`);
  }
  const wall = utcMidnight(date) + ((hour * 60 + minute) * 60 + second) * 1000;
  return new Date(wallToInstant(wall, zone));
}

/** Resolves a wall-clock reading (expressed as if it were UTC ms) to an instant in `zone`. */
export function wallToInstant(wall: number, zone: string): number {
  // Offsets a day either side bracket at most one transition (true of every real zone since 1970).
  const before = zoneOffsetMs(zone, wall - DAY_MS);
  const after = zoneOffsetMs(zone, wall + DAY_MS);
  if (before === after) {
    const candidate = wall - before;
    if (zoneOffsetMs(zone, candidate) === before) return candidate;
  }
  const early = wall - Math.max(before, after);
  const late = wall - Math.min(before, after);
  const earlyOk = zoneOffsetMs(zone, early) === Math.max(before, after);
  const lateOk = zoneOffsetMs(zone, late) === Math.min(before, after);
  if (earlyOk) return early; // unique, or the first occurrence of an overlap
  if (lateOk) return late;
  // A gap: read the wall time with the offset in force before it, which lands after the gap.
  return wall - before;
}
