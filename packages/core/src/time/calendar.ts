/** Calendar arithmetic on "YYYY-MM-DD" strings, done in UTC so the host's TZ never matters. */
import { CoreplusDateTimeError } from "../errors.js";

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether y-m-d names a real calendar day. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch ms of 00:00 UTC on a "YYYY-MM-DD" date; throws CoreplusDateTimeError when it is not one. */
export function utcMidnight(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (m === null) throw new CoreplusDateTimeError(`Expected a date "YYYY-MM-DD", got "${date.slice(0, 40)}"`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isValidYmd(year, month, day)) throw new CoreplusDateTimeError(`Not a calendar date: "${date}"`);
  return Date.UTC(year, month - 1, day);
}

/** "YYYY-MM-DD" of a UTC epoch ms. */
export function ymdOfUtc(ms: number): string {
  const d = new Date(ms);
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Calendar arithmetic: `date` plus `days` (negative allowed), as "YYYY-MM-DD". */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days))
    throw new CoreplusDateTimeError(`addDays needs a whole number of days, got ${days}`);
  return ymdOfUtc(utcMidnight(date) + days * DAY_MS);
}

/** Day of the week of a "YYYY-MM-DD" date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  return new Date(utcMidnight(date)).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** Two-digit zero padding. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, "0");
}
