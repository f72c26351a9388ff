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

/** The calendar date at `instant` in `timeZone`. */
export function dateIn(timeZone: string, instant: Date): CalendarDate {
  // en-CA formats as YYYY-MM-DD; parts keep it independent of that locale detail.
  const parts = dateFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
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
  return {
    weekday: formatDate(date, locale, { weekday: "short" }),
    day: formatDate(date, locale, { day: "numeric" }),
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
  const parts = dateFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(instant);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** A readable city for an IANA zone: "Australia/Melbourne" → "Melbourne". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split("/").pop() ?? timeZone).replaceAll("_", " ");
}

/** The visitor's own zone, or undefined where the runtime cannot say. */
export function visitorZone(): string | undefined {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** True when two zones show the same wall-clock offset at `instant` (so no second line is needed). */
export function sameOffset(a: string, b: string, instant: Date): boolean {
  const f = (zone: string): string =>
    dateFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }).format(instant).split(" ").pop() ??
    "";
  return f(a) === f(b);
}
