/** Text formatting for Block Kit: dates in words, mrkdwn escaping, length limits. */
import { weekdayOf } from "@coreplus-kit/core";

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * "Thursday 3 December 2026" for "2026-12-03": calendar arithmetic only, so the host's TZ never matters.
 */
export function longDate(date: string): string {
  const day = Number(date.slice(8, 10));
  const month = MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? "";
  return `${WEEKDAY_NAMES[weekdayOf(date)]} ${day} ${month} ${date.slice(0, 4)}`;
}

/** "Thu 3 Dec" for "2026-12-03". */
export function shortDate(date: string): string {
  const day = Number(date.slice(8, 10));
  const month = (MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? "").slice(0, 3);
  return `${WEEKDAY_NAMES[weekdayOf(date)].slice(0, 3)} ${day} ${month}`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Cuts text to `max` characters (code points), ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** "Perth time" for "Australia/Perth": how a zone other than the clinic's is marked next to a time. */
export function zoneLabel(zone: string): string {
  const city = zone.split("/").pop() ?? zone;
  return `${city.replace(/_/g, " ")} time`;
}

/** "1 appointment" / "3 appointments". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
