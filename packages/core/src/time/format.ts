/** Formatting instants in an IANA zone as coreplus spells them. */
import { CoreplusDateTimeError } from "../errors.js";
import { pad2, ymdOfUtc } from "./calendar.js";
import { zoneOffsetMs } from "./zone-offset.js";

function toMs(instant: Date | number): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new CoreplusDateTimeError("Invalid instant");
  return ms;
}

/** "+HH:MM" for an offset in milliseconds (rounded to the minute). */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** The zone's offset at the instant, e.g. "+11:00". */
export function offsetInZone(instant: Date | number, zone: string): string {
  return formatOffset(zoneOffsetMs(zone, toMs(instant)));
}

/** The calendar date ("YYYY-MM-DD") of the instant in the zone. */
export function dateInZone(instant: Date | number, zone: string): string {
  const ms = toMs(instant);
  return ymdOfUtc(ms + roundedOffset(zone, ms));
}

/**
 * "YYYY-MM-DDTHH:mm:ss+HH:MM" for the instant in the zone; `{ space: true }` gives coreplus's response
 * spelling "YYYY-MM-DDTHH:mm:ss +HH:MM".
 */
export function formatInZone(instant: Date | number, zone: string, opts?: { space?: boolean }): string {
  const ms = toMs(instant);
  const offset = roundedOffset(zone, ms);
  const wall = new Date(Math.floor((ms + offset) / 1000) * 1000);
  const time = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}`;
  return `${ymdOfUtc(wall.getTime())}T${time}${opts?.space === true ? " " : ""}${formatOffset(offset)}`;
}

// Historical offsets with seconds (local mean time) are rounded to the minute, so the wall time and
// the printed offset always add up to the instant.
function roundedOffset(zone: string, ms: number): number {
  return Math.round(zoneOffsetMs(zone, ms) / 60_000) * 60_000;
}
