/** Turns a parsed date into a calendar date, relative to "today" in the bot's zone. */
import { addDays, weekdayOf } from "@coreplus-kit/core";
import type { DateSpec } from "./parse-command.js";
import { isValidDate } from "./parse-command.js";

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** "YYYY-MM-DD" from its parts. */
export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Whole days from `a` to `b` (both "YYYY-MM-DD"), independent of any time zone. */
export function daysBetween(a: string, b: string): number {
  const toUtc = (d: string): number =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/**
 * The calendar date a DateSpec names, given today's date ("YYYY-MM-DD" in SLACK_TIMEZONE).
 * A weekday is its next occurrence, today included ("this friday" too); "next monday" is the Monday
 * of next week (weeks run Monday to Sunday), so on a Thursday "next friday" is eight days on. A day/month without a year (`3/12`, written the
 * Australian way: 3 December) is the nearest such date, so "3/1" typed on 30 December means next
 * month, and "20/12" typed on 5 January means last month.
 * @example resolveDate({ kind: "weekday", weekday: 1 }, "2026-12-03") // "2026-12-07"
 */
export function resolveDate(spec: DateSpec, today: string): string {
  switch (spec.kind) {
    case "relative":
      return addDays(today, spec.days);
    case "iso":
      return isoDate(spec.year, spec.month, spec.day);
    case "weekday":
      return addDays(today, (spec.weekday - weekdayOf(today) + 7) % 7);
    case "next-weekday": {
      // Weeks run Monday to Sunday: find this week's Monday, go one week on, then to the weekday.
      const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
      return addDays(monday, 7 + ((spec.weekday + 6) % 7));
    }
    case "day-month": {
      if (spec.year !== undefined) return isoDate(spec.year, spec.month, spec.day);
      const year = Number(today.slice(0, 4));
      let best: string | undefined;
      let bestDistance = Number.POSITIVE_INFINITY;
      // Ties go to the later date: staff look ahead more often than back. Four years either side
      // always holds a 29 February.
      for (let candidateYear = year - 4; candidateYear <= year + 4; candidateYear += 1) {
        if (!isValidDate(candidateYear, spec.month, spec.day)) continue;
        const candidate = isoDate(candidateYear, spec.month, spec.day);
        const distance = Math.abs(daysBetween(today, candidate));
        if (distance <= bestDistance) {
          best = candidate;
          bestDistance = distance;
        }
      }
      // parseCommand only lets through day/months that exist in some year, so a candidate was found.
      return best ?? isoDate(year, spec.month, spec.day);
    }
  }
}
