/**
 * The `/appointments` grammar, parsed without any knowledge of the clinic:
 * `[today|tomorrow|YYYY-MM-DD|3/12|monday|next monday|this friday|in 3 days…] [me|<practitioner name>|all]
 * [at <location>]`, plus the morning-message commands (`every day at 7:30`, `stop`; parse-schedule.ts).
 * Names and locations stay text here; `resolve-request.ts` matches them against coreplus.
 */
import { isScheduleText, parseSchedule, type ScheduleCommand } from "./parse-schedule.js";

/** A day as the user wrote it; `resolveDate` turns it into a calendar date. */
export type DateSpec =
  | { kind: "relative"; days: number }
  | { kind: "iso"; year: number; month: number; day: number }
  | { kind: "day-month"; day: number; month: number; year?: number }
  | { kind: "weekday"; weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6 }
  /** "next monday": that weekday in the week (Monday to Sunday) after this one. */
  | { kind: "next-weekday"; weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6 };

/** Whose day the user asked for. */
export type WhoSpec =
  | { kind: "default" }
  | { kind: "me" }
  | { kind: "all" }
  | { kind: "slack-user"; userId: string }
  /** From a button or menu the bot itself built (never typed). */
  | { kind: "practitioner-id"; id: string }
  | { kind: "name"; text: string };

/** The outcome of parsing the command text. */
export type ParsedCommand =
  | { kind: "help" }
  | { kind: "query"; date: DateSpec; who: WhoSpec; location?: string }
  | { kind: "invalid"; reason: InvalidReason; token: string }
  | ScheduleCommand;

/** Why a command text could not be parsed. */
export type InvalidReason = "bad-date" | "two-dates" | "empty-location" | "too-long";

/** Longer texts are refused unread: no real question is this long, and name matching is quadratic. */
export const MAX_COMMAND_TEXT = 300;

const WEEKDAYS: Readonly<Record<string, 0 | 1 | 2 | 3 | 4 | 5 | 6>> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};

const RELATIVE: Readonly<Record<string, number>> = {
  today: 0,
  tod: 0,
  tomorrow: 1,
  tmrw: 1,
  tmr: 1,
  yesterday: -1,
};

/** Words the grammar knows, for near-miss suggestions ("tomorow" → "tomorrow"). */
export const KEYWORDS: readonly string[] = [
  "today",
  "tomorrow",
  "yesterday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "next",
  "this",
  "me",
  "all",
  "help",
  "every",
];

const HELP_WORDS = new Set(["help", "?", "-h", "--help", "usage"]);
const ALL_WORDS = new Set(["all", "everyone", "everybody"]);
const ME_WORDS = new Set(["me", "my", "mine", "myself"]);
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_MONTH = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$/;
// Slack escapes a mentioned user as <@U123|name> when the command has "escape" turned on.
const USER_MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

type DateToken = { ok: true; date: DateSpec } | { ok: false } | undefined;

const IN_UNITS: Readonly<Record<string, number>> = { day: 1, days: 1, week: 7, weeks: 7 };

/**
 * Joins the words of a multi-word date into one token ("next monday" → "next monday", "in 3 days" →
 * "in 3 days"), so the rest of the parser sees one date token, as for "tomorrow".
 */
function joinDatePhrases(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const word = tokens[i]!.toLowerCase();
    const next = tokens[i + 1]?.toLowerCase();
    if ((word === "next" || word === "this") && next !== undefined && WEEKDAYS[next] !== undefined) {
      out.push(`${word} ${next}`);
      i += 1;
    } else if (word === "in" && next !== undefined && /^(\d{1,3}|a|one)$/.test(next)) {
      const unit = tokens[i + 2]?.toLowerCase();
      if (unit !== undefined && IN_UNITS[unit] !== undefined) {
        out.push(`in ${next} ${unit}`);
        i += 2;
      } else out.push(tokens[i]!);
    } else out.push(tokens[i]!);
  }
  return out;
}

/** Reads one token as a date: a DateSpec, `{ok:false}` when it looks like a date but is not one, or undefined. */
function parseDateToken(token: string): DateToken {
  const lower = token.toLowerCase();
  const relative = RELATIVE[lower];
  if (relative !== undefined) return { ok: true, date: { kind: "relative", days: relative } };
  const weekday = WEEKDAYS[lower];
  if (weekday !== undefined) return { ok: true, date: { kind: "weekday", weekday } };
  const phrase = /^(next|this) (\w+)$/.exec(lower);
  const phraseDay = phrase ? WEEKDAYS[phrase[2]!] : undefined;
  if (phrase && phraseDay !== undefined) {
    // "this friday" is the coming Friday, today included, as a bare "friday" is.
    return {
      ok: true,
      date: { kind: phrase[1] === "next" ? "next-weekday" : "weekday", weekday: phraseDay },
    };
  }
  const inDays = /^in (\d{1,3}|a|one) (\w+)$/.exec(lower);
  if (inDays) {
    const count = /^\d+$/.test(inDays[1]!) ? Number(inDays[1]) : 1;
    return { ok: true, date: { kind: "relative", days: count * (IN_UNITS[inDays[2]!] ?? 1) } };
  }
  const iso = ISO_DATE.exec(token);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isValidDate(year, month, day)
      ? { ok: true, date: { kind: "iso", year, month, day } }
      : { ok: false };
  }
  const dm = DAY_MONTH.exec(token);
  if (dm) {
    const day = Number(dm[1]);
    const month = Number(dm[2]);
    if (dm[3] === undefined) {
      // Without a year, 29/2 is fine as long as some nearby year has it; resolveDate picks the year.
      return isValidDate(2000, month, day)
        ? { ok: true, date: { kind: "day-month", day, month } }
        : { ok: false };
    }
    const year = dm[3].length === 2 ? 2000 + Number(dm[3]) : Number(dm[3]);
    return isValidDate(year, month, day)
      ? { ok: true, date: { kind: "day-month", day, month, year } }
      : { ok: false };
  }
  // Anything else made only of digits and separators is a date gone wrong, not a name.
  if (/^[\d/.-]+$/.test(token) && /\d/.test(token)) return { ok: false };
  return undefined;
}

/** True when year-month-day exists in the proleptic Gregorian calendar. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parses the text after `/appointments`. Tokens may come in any order except that `at` starts the
 * location, which runs to the end.
 * @example parseCommand("tomorrow sarah chen at southbank")
 *   // { kind: "query", date: { kind: "relative", days: 1 }, who: { kind: "name", text: "sarah chen" }, location: "southbank" }
 */
export function parseCommand(text: string): ParsedCommand {
  if (text.length > MAX_COMMAND_TEXT) return { kind: "invalid", reason: "too-long", token: "" };
  const tokens = joinDatePhrases(text.trim().split(/\s+/).filter(Boolean));
  if (tokens.length === 1 && HELP_WORDS.has(tokens[0]!.toLowerCase())) return { kind: "help" };
  if (isScheduleText(tokens)) return parseSchedule(tokens);

  let location: string | undefined;
  const atIndex = tokens.findIndex((t) => t.toLowerCase() === "at");
  let rest = tokens;
  if (atIndex !== -1) {
    location = tokens.slice(atIndex + 1).join(" ");
    rest = tokens.slice(0, atIndex);
    if (location === "") return { kind: "invalid", reason: "empty-location", token: "at" };
  }

  let date: DateSpec | undefined;
  const words: string[] = [];
  for (const token of rest) {
    const parsed = parseDateToken(token);
    if (parsed === undefined) {
      words.push(token);
    } else if (!parsed.ok) {
      return { kind: "invalid", reason: "bad-date", token };
    } else if (date !== undefined) {
      return { kind: "invalid", reason: "two-dates", token };
    } else {
      date = parsed.date;
    }
  }

  const query: ParsedCommand = {
    kind: "query",
    date: date ?? { kind: "relative", days: 0 },
    who: parseWho(words),
  };
  if (location !== undefined) query.location = location;
  return query;
}

function parseWho(words: string[]): WhoSpec {
  if (words.length === 0) return { kind: "default" };
  if (words.length === 1) {
    const only = words[0]!;
    const lower = only.toLowerCase();
    if (ME_WORDS.has(lower)) return { kind: "me" };
    if (ALL_WORDS.has(lower)) return { kind: "all" };
    const mention = USER_MENTION.exec(only);
    if (mention) return { kind: "slack-user", userId: mention[1]! };
  }
  return { kind: "name", text: words.join(" ") };
}
