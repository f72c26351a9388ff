/**
 * The morning-message grammar: `every day at 7:30`, `every weekday at 7:30`, `every mon wed fri at
 * 8am`, and `stop` (or `every day stop`, `morning stop`). Times are wall-clock times in the clinic's
 * zone, 24-hour or with am/pm.
 */

/** Days of the week, 0 = Sunday (as Date.getDay and weekdayOf). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A parsed schedule command. */
export type ScheduleCommand =
  | { kind: "subscribe"; time: string; days: Weekday[] }
  | { kind: "unsubscribe" }
  | { kind: "invalid-schedule"; problem: "no-time" | "bad-time" | "no-days"; token: string };

/** Monday to Friday. */
export const WORKING_DAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
/** Every day of the week. */
export const EVERY_DAY: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

const DAY_WORDS: Readonly<Record<string, Weekday>> = {
  sun: 0,
  sunday: 0,
  sundays: 0,
  mon: 1,
  monday: 1,
  mondays: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  tuesdays: 2,
  wed: 3,
  wednesday: 3,
  wednesdays: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  thursdays: 4,
  fri: 5,
  friday: 5,
  fridays: 5,
  sat: 6,
  saturday: 6,
  saturdays: 6,
};

const TIME = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/;
const STOP_WORDS = new Set(["stop", "off", "cancel", "unsubscribe", "none"]);

/** "7:30" → "07:30", "7pm" → "19:00"; undefined when not a time (a bare "7" is not one). */
export function parseTime(text: string): string | undefined {
  const m = TIME.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const suffix = m[3];
  if (m[2] === undefined && suffix === undefined) return undefined;
  if (suffix !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (suffix === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** True when the text is a schedule command (it starts with "every", or is a stop word). */
export function isScheduleText(tokens: readonly string[]): boolean {
  const first = tokens[0]?.toLowerCase();
  if (first === "every" || first === "morning") return true;
  return tokens.length === 1 && first !== undefined && STOP_WORDS.has(first);
}

/**
 * Parses a schedule command's tokens (see the module comment).
 * @example parseSchedule(["every", "weekday", "at", "7:30"]) // { kind: "subscribe", time: "07:30", days: [1,2,3,4,5] }
 */
export function parseSchedule(tokens: readonly string[]): ScheduleCommand {
  const words = tokens.map((t) => t.toLowerCase().replace(/,$/, "")).filter((t) => t !== "" && t !== ",");
  if (words.some((w) => STOP_WORDS.has(w))) return { kind: "unsubscribe" };
  const rest = words[0] === "every" || words[0] === "morning" ? words.slice(1) : words;
  const atIndex = rest.indexOf("at");
  const timeText = atIndex === -1 ? undefined : rest.slice(atIndex + 1).join("");
  const dayWords = atIndex === -1 ? rest : rest.slice(0, atIndex);
  if (timeText === undefined || timeText === "")
    return { kind: "invalid-schedule", problem: "no-time", token: rest.join(" ") };
  const time = parseTime(timeText);
  if (time === undefined) return { kind: "invalid-schedule", problem: "bad-time", token: timeText };

  const days = new Set<Weekday>();
  for (const word of dayWords.flatMap((w) => w.split(","))) {
    if (word === "" || word === "and" || word === "on") continue;
    if (word === "day" || word === "days") for (const d of EVERY_DAY) days.add(d);
    else if (word === "weekday" || word === "weekdays" || word === "workday" || word === "workdays")
      for (const d of WORKING_DAYS) days.add(d);
    else {
      const day = DAY_WORDS[word];
      if (day === undefined) return { kind: "invalid-schedule", problem: "no-days", token: word };
      days.add(day);
    }
  }
  if (days.size === 0) return { kind: "invalid-schedule", problem: "no-days", token: rest.join(" ") };
  return { kind: "subscribe", time, days: [...days].sort((a, b) => a - b) };
}
