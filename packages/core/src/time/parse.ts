/** Parsing the date-time spellings coreplus sends and accepts. */
import { CoreplusDateTimeError } from "../errors.js";
import { isValidYmd, pad2 } from "./calendar.js";

/** A parsed coreplus date-time. */
export interface CoreplusDateTimeParts {
  instant: Date;
  /** "+10:00" ("Z" becomes "+00:00"). */
  offset: string;
  /** Wall time at that offset, "YYYY-MM-DDTHH:mm:ss". */
  local: string;
}

// Date, "T" or a space, HH:mm, optional :ss with optional fraction (.NET may send 7 digits; the
// fraction is dropped), optional spaces, then the offset: Z, ±HH:MM, ±HHMM or ±HH.
const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)? ?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/**
 * Parses every coreplus spelling: "2025-05-20T09:00:00+10:00", "…T09:00+10:00",
 * "2025-05-20 09:00 +10:00", "…T09:00:00 +10:00", "…Z". Fractional seconds are dropped. Throws
 * CoreplusDateTimeError when the offset is missing or a field is out of range.
 */
export function parseCoreplusDateTime(s: string): CoreplusDateTimeParts {
  const text = typeof s === "string" ? s.trim() : "";
  const m = DATE_TIME_PATTERN.exec(text);
  if (m === null) {
    throw new CoreplusDateTimeError(`Not a coreplus date-time: "${String(s).slice(0, 40)}"`);
  }
  const [, y, mo, d, h, mi, sec, zulu, sign, oh, om] = m;
  if (zulu === undefined && sign === undefined) {
    throw new CoreplusDateTimeError(`Date-time "${text}" has no UTC offset`);
  }
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = sec === undefined ? 0 : Number(sec);
  if (!isValidYmd(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    throw new CoreplusDateTimeError(`Date-time "${text}" is out of range`);
  }
  const offH = oh === undefined ? 0 : Number(oh);
  const offM = om === undefined ? 0 : Number(om);
  if (offH > 14 || offM > 59 || (offH === 14 && offM > 0)) {
    throw new CoreplusDateTimeError(`Date-time "${text}" has an impossible offset`);
  }
  const offsetMinutes = (sign === "-" ? -1 : 1) * (offH * 60 + offM);
  const offset = `${offsetMinutes < 0 ? "-" : "+"}${pad2(offH)}:${pad2(offM)}`;
  let wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC maps years 0–99 to 1900–1999; coreplus never sends those, but stay exact anyway.
  if (year < 100) wall = new Date(wall).setUTCFullYear(year);
  const instant = new Date(wall - offsetMinutes * 60_000);
  const local = `${y}-${mo}-${d}T${h}:${mi}:${sec ?? "00"}`;
  return { instant, offset, local };
}

/** Normalises any coreplus spelling to "YYYY-MM-DDTHH:mm:ss+HH:MM" (same offset, no space). */
export function normalizeCoreplusDateTime(s: string): string {
  const { local, offset } = parseCoreplusDateTime(s);
  return `${local}${offset}`;
}
