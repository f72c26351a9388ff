/**
 * The bookable window at business time: from today (in the location's zone) past the minimum
 * notice, up to the clinic's maximum days ahead; and the calendar-date arithmetic the answer needs.
 */
import { addDays, dateInZone } from "@coreplus-kit/core";
import { validationProblem } from "../http/index.js";
import type { RequestScope } from "../types.js";

/** The most days one availability query may span (coreplus's own limit). */
export const MAX_RANGE_DAYS = 31;

/** What may be booked now in one zone. */
export interface BookingWindow {
  /** Today's date in the zone ("YYYY-MM-DD"). */
  today: string;
  /** The last bookable date. */
  lastDate: string;
  /** The earliest bookable start (epoch ms): now plus the minimum notice. */
  earliestMs: number;
}

/** The bookable window in the location's zone at business time `now`. */
export function bookingWindow(scope: RequestScope, zone: string): BookingWindow {
  const { rules } = scope.rt.config;
  const nowMs = scope.now.getTime();
  const today = dateInZone(nowMs, zone);
  return {
    today,
    lastDate: addDays(today, rules.maxDaysAhead),
    earliestMs: nowMs + rules.minNoticeMinutes * 60_000,
  };
}

/** Refuses a start sooner than the minimum notice or past the last bookable date (422 at `pointer`). */
export function requireInWindow(win: BookingWindow, startMs: number, date: string, pointer: string): void {
  if (startMs < win.earliestMs)
    throw validationProblem([
      { pointer, code: "too_soon", detail: "is sooner than the clinic's minimum notice" },
    ]);
  if (date > win.lastDate)
    throw validationProblem([
      { pointer, code: "too_far_ahead", detail: "is further ahead than the clinic takes bookings" },
    ]);
}

/** Whole days from date `a` to date `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayMs(b) - dayMs(a)) / 86_400_000);
}

// Date.UTC of the digits: the hot path compares several dates per answer, and this is 10× Date.parse.
const dayMs = (d: string) => Date.UTC(+d.slice(0, d.length - 6), +d.slice(-5, -3) - 1, +d.slice(-2));

/**
 * The most look-ahead queries one availability answer may make past `to` (a year of 31-day queries):
 * however `from` and `to` are chosen, the work behind one answer is bounded.
 */
export const MAX_LOOKAHEAD_QUERIES = 12;

// Compared as dates (day numbers), never as strings: "10000-01-01" sorts before "2026-12-01" as text.
/** The later of two dates. */
export function laterDate(a: string, b: string): string {
  return daysBetween(a, b) < 0 ? a : b;
}

/** The earlier of two dates. */
export function earlierDate(a: string, b: string): string {
  return daysBetween(a, b) > 0 ? a : b;
}

/** Whether date `a` is on or before date `b`. */
export function onOrBefore(a: string, b: string): boolean {
  return daysBetween(a, b) >= 0;
}
