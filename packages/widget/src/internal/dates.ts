/**
 * Calendar arithmetic on `YYYY-MM-DD` strings and zone-aware formatting, all through Intl so the
 * visitor's own time zone never leaks into what the clinic's location means by "today".
 */

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached Intl.DateTimeFormat: building one costs far more than formatting with it. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** The value of the part `type` ("" when there is none). */
export function partOf(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? "";
}

/**
 * The wall clock in `timeZone` (en-CA: "2026-11-30, 08:00", hours 0–23). One formatter per zone gives the
 * date, the hour and (two zones showing the same wall clock) the offset: building one costs far more than
 * formatting with it, and the first times wait for each.
 */
export function wallClock(timeZone: string): Intl.DateTimeFormat {
  return dateFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "numeric",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

/** The calendar date at `instant` in `timeZone`. */
export function dateIn(timeZone: string, instant: Date): CalendarDate {
  // en-CA formats as YYYY-MM-DD; parts keep it independent of that locale detail.
  const parts = wallClock(timeZone).formatToParts(instant);
  return `${partOf(parts, "year")}-${partOf(parts, "month")}-${partOf(parts, "day")}`;
}

/** `date` moved by `days` calendar days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = toUtcNoon(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The earlier of two calendar dates. */
export function earlier(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a < b ? a : b;
}

/** The later of two calendar dates. */
export function later(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtcNoon(b).getTime() - toUtcNoon(a).getTime()) / 86_400_000);
}

/** A calendar date as an instant at noon UTC, for formatting with `timeZone: "UTC"`. */
export function toUtcNoon(date: CalendarDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** Formats a calendar date (never shifted by any zone). */
export function formatDate(date: CalendarDate, locale: string, options: Intl.DateTimeFormatOptions): string {
  return dateFormat(locale, { ...options, timeZone: "UTC" }).format(toUtcNoon(date));
}

/** The parts of a calendar date for a compact day button: weekday, day number, month. */
export function dayParts(
  date: CalendarDate,
  locale: string,
): { weekday: string; day: string; month: string } {
  // Weekday and day from one formatter (its parts are the standalone forms); the month alone, since
  // en-AU writes "June" beside a day but "Jun" on its own.
  const parts = dateFormat(locale, { weekday: "short", day: "numeric", timeZone: "UTC" }).formatToParts(
    toUtcNoon(date),
  );
  return {
    weekday: partOf(parts, "weekday"),
    day: partOf(parts, "day"),
    month: formatDate(date, locale, { month: "short" }),
  };
}

/** A short day label such as "Tue 3 Dec" (en-AU) or "Tue, Dec 3" (en-US). */
export function shortDay(date: CalendarDate, locale: string): string {
  return formatDate(date, locale, { weekday: "short", day: "numeric", month: "short" });
}

/** A long day label such as "Tuesday 3 December 2026". */
export function longDay(date: CalendarDate, locale: string): string {
  return formatDate(date, locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

/** The time of an ISO instant in `timeZone`, such as "9:30 am". */
export function formatTime(iso: string, locale: string, timeZone: string): string {
  return dateFormat(locale, { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

/** Weekday, date and time of an ISO instant in `timeZone`, with the zone's short name. */
export function formatWhen(iso: string, locale: string, timeZone: string): string {
  return dateFormat(locale, {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** The calendar date of an ISO instant in `timeZone`. */
export function dateOfInstant(iso: string, timeZone: string): CalendarDate {
  return dateIn(timeZone, new Date(iso));
}

/** The zone's short name at `instant` ("AEDT" in en-AU; "GMT+11" where the locale has no name). */
export function zoneAbbreviation(timeZone: string, locale: string, instant: Date): string {
  return (
    partOf(dateFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(instant), "timeZoneName") ||
    timeZone
  );
}

/** A readable city for an IANA zone: "Australia/Melbourne" → "Melbourne" (split always gives one part at least). */
export function zoneCity(timeZone: string): string {
  return timeZone.split("/").pop()!.replaceAll("_", " ");
}

/**
 * The visitor's own zone, or undefined where the runtime cannot say (its formatter is cached: asked on
 * every render). Nothing to catch: "en" is always a valid locale, and a runtime whose formatters throw
 * could not have drawn the week above it.
 */
export function visitorZone(): string | undefined {
  return dateFormat("en", {}).resolvedOptions().timeZone;
}

/** True when two zones show the same wall-clock offset at `instant` (so no second line is needed). */
export function sameOffset(a: string, b: string, instant: Date): boolean {
  return a === b || wallClock(a).format(instant) === wallClock(b).format(instant);
}
