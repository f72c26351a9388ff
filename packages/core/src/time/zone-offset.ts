/**
 * UTC offsets of IANA zones through Intl.DateTimeFormat, made cheap: one cached formatter per zone,
 * and offsets cached per UTC hour (verified at both ends of the hour, so an hour holding a transition
 * is never cached and is computed exactly instead).
 */
import { CoreplusDateTimeError } from "../errors.js";

const HOUR_MS = 3_600_000;
// Bounds memory when something walks a huge range of instants; cleared wholesale, which is cheap.
const MAX_CACHED_HOURS_PER_ZONE = 50_000;

interface ZoneEntry {
  format: Intl.DateTimeFormat;
  hours: Map<number, number>;
}

const zones = new Map<string, ZoneEntry>();

function zoneEntry(zone: string): ZoneEntry {
  let entry = zones.get(zone);
  if (entry === undefined) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        era: "short",
      });
    } catch (cause) {
      throw new CoreplusDateTimeError(`Unknown time zone "${zone}"`, { cause });
    }
    entry = { format, hours: new Map() };
    zones.set(zone, entry);
  }
  return entry;
}

/** The offset (ms, east positive) of `zone` at the whole-second instant `ms`, straight from Intl. */
function exactOffsetMs(format: Intl.DateTimeFormat, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of format.formatToParts(whole)) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        hour = Number(part.value);
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
      case "era":
        bc = part.value === "BC" || part.value === "B";
        break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime() - whole;
}

/**
 * The UTC offset of `zone` at instant `ms`, in milliseconds (east positive). Throws
 * CoreplusDateTimeError for an unknown zone.
 */
export function zoneOffsetMs(zone: string, ms: number): number {
  if (!Number.isFinite(ms)) throw new CoreplusDateTimeError("Invalid instant");
  const entry = zoneEntry(zone);
  const hour = Math.floor(ms / HOUR_MS);
  const cached = entry.hours.get(hour);
  if (cached !== undefined) return cached;
  const start = hour * HOUR_MS;
  const atStart = exactOffsetMs(entry.format, start);
  const atEnd = exactOffsetMs(entry.format, start + HOUR_MS - 1000);
  if (atStart === atEnd) {
    if (entry.hours.size >= MAX_CACHED_HOURS_PER_ZONE) entry.hours.clear();
    entry.hours.set(hour, atStart);
    return atStart;
  }
  return exactOffsetMs(entry.format, ms);
}

/** Throws CoreplusDateTimeError unless `zone` is a time zone Intl knows. */
export function assertZone(zone: string): void {
  zoneEntry(zone);
}
