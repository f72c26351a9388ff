/**
 * Block Kit for everything that is not a day: usage, "did you mean", linking instructions,
 * permission refusals and coreplus failures. Each says what happened and what to do next.
 */
import type { types } from "@slack/bolt";
import type { SlackMessage } from "./day-blocks.js";
import { escapeMrkdwn as esc, plural, truncate } from "./format.js";

type KnownBlock = types.KnownBlock;

/** Something the bot answers with instead of a day. */
export type BotProblem =
  | { kind: "bad-date"; token: string }
  | { kind: "too-long" }
  | { kind: "two-dates"; token: string }
  | { kind: "empty-location"; locations: string[] }
  | { kind: "unknown-location"; text: string; suggestions: string[]; locations: string[] }
  | { kind: "ambiguous-location"; text: string; matches: string[] }
  | { kind: "unknown-practitioner"; text: string; suggestions: string[] }
  | { kind: "ambiguous-practitioner"; text: string; matches: string[] }
  | { kind: "not-understood"; text: string; suggestions: string[] }
  | { kind: "unlinked"; userId: string; email?: string }
  | { kind: "mention-unlinked"; userId: string }
  | { kind: "forbidden"; userId: string }
  | { kind: "timeout"; seconds: number }
  | { kind: "coreplus-unavailable"; code: string }
  | { kind: "coreplus-auth" }
  | { kind: "internal"; reference: string };

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const context = (text: string): KnownBlock => ({ type: "context", elements: [{ type: "mrkdwn", text }] });

// What the user typed is echoed back only to them (ephemeral), escaped and cut short.
const quote = (text: string): string => `“${esc(truncate(text, 80))}”`;
const list = (names: string[]): string => names.map((n) => `*${esc(n)}*`).join(", ");
const didYouMean = (names: string[]): string => (names.length > 0 ? ` Did you mean ${orList(names)}?` : "");
const orList = (names: string[]): string => {
  const bold = names.map((n) => `*${esc(n)}*`);
  return bold.length <= 1 ? (bold[0] ?? "") : `${bold.slice(0, -1).join(", ")} or ${bold[bold.length - 1]}`;
};

/** Names from the clinic for the help's examples, so each one works as typed in this clinic. */
export interface HelpExamples {
  /** A practitioner's name as staff type it ("Priya Sharma"). */
  practitioner: string;
  /** A location's short name ("Docklands"). */
  location: string;
}

/** The examples the help prints, as command texts (each is run as a command in the tests). */
export function helpExampleTexts(examples?: HelpExamples): { text: string; meaning: string }[] {
  const out = [
    { text: "", meaning: "your appointments today" },
    { text: "tomorrow", meaning: "tomorrow" },
    { text: "next monday", meaning: "Monday of next week" },
    { text: "in 3 days", meaning: "three days from now" },
    { text: "3/12", meaning: "3 December" },
  ];
  if (examples) {
    out.push(
      {
        text: `tomorrow ${examples.practitioner}`,
        meaning: "another practitioner's day (reception and managers)",
      },
      {
        text: `all at ${examples.location}`,
        meaning: "everyone's day at one location (reception and managers)",
      },
    );
  } else {
    out.push({ text: "all", meaning: "everyone's day (reception and managers)" });
  }
  out.push(
    { text: "every weekday at 7:30", meaning: "your day as a message each working morning" },
    { text: "stop", meaning: "no more morning messages" },
  );
  return out;
}

/** Usage, with examples from the clinic when known; `command` is the slash command's name. */
export function usageBlocks(command = "/appointments", examples?: HelpExamples): KnownBlock[] {
  const c = command;
  const line = ({ text, meaning }: { text: string; meaning: string }): string =>
    `\`${text === "" ? c : `${c} ${esc(text)}`}\` ${meaning}`;
  return [
    section(`*${c}* shows a day of appointments, privately to you.`),
    section(helpExampleTexts(examples).map(line).join("\n")),
    context(
      "Dates: today, tomorrow, a weekday (its next occurrence, today included), this friday, next monday, " +
        "in 3 days, 3/12 (3 December) or 2026-12-03. Morning messages: every day, every weekday or chosen days " +
        "(every mon wed at 8am), in the clinic's time zone; also on the app's Home tab. Times are in each " +
        "location's time zone. Patients appear as initials.",
    ),
  ];
}

/** The answer to `/appointments help`. */
export function helpMessage(command = "/appointments", examples?: HelpExamples): SlackMessage {
  return { text: `How to use ${command}`, blocks: usageBlocks(command, examples) };
}

/** Who can help: reception and managers for other diaries, whoever runs the bot for links. */
export interface Contacts {
  viewers: readonly string[];
  admins: readonly string[];
}

/** "Ask <@U1>." / "Ask <@U1> or <@U2>." / "Ask whoever runs this bot." */
function ask(first: readonly string[], second: readonly string[]): string {
  const people = (first.length > 0 ? first : second).slice(0, 2);
  if (people.length === 0) return "Ask whoever runs this bot in your clinic.";
  return `Ask ${people.map((id) => `<@${id}>`).join(" or ")}.`;
}

/** The one-line explanation of a problem, in mrkdwn. */
export function problemText(problem: BotProblem, contacts: Contacts = { viewers: [], admins: [] }): string {
  switch (problem.kind) {
    case "too-long":
      return "That's longer than any question I understand. Ask for a day, a name and a place, as below.";
    case "bad-date":
      return `${quote(problem.token)} isn't a date I can read. Write it like 3/12 (3 December) or 2026-12-03.`;
    case "two-dates":
      return `That asks for more than one day (${quote(problem.token)}). Ask for one day at a time.`;
    case "empty-location":
      return `Add a location after “at”${problem.locations.length > 0 ? `: ${list(problem.locations)}` : ""}.`;
    case "unknown-location":
      return `No location matches ${quote(problem.text)}.${didYouMean(problem.suggestions) || (problem.locations.length > 0 ? ` Locations: ${list(problem.locations)}.` : "")}`;
    case "ambiguous-location":
      return `${quote(problem.text)} matches more than one location: ${list(problem.matches)}. Add another word of the name.`;
    case "unknown-practitioner":
      return `No practitioner matches ${quote(problem.text)}.${didYouMean(problem.suggestions)}`;
    case "ambiguous-practitioner":
      return `${quote(problem.text)} matches more than one practitioner: ${list(problem.matches)}. Add the surname.`;
    case "not-understood":
      return `I didn't understand ${quote(problem.text)}.${didYouMean(problem.suggestions)}`;
    case "unlinked":
      return (
        "Your Slack account isn't linked to a coreplus practitioner yet. I link you when your Slack profile email" +
        `${problem.email ? ` (${esc(problem.email)})` : ""} is the email on your practitioner record in coreplus. ` +
        `${ask(contacts.admins, contacts.viewers)} They can link you (your Slack user ID is \`${problem.userId}\`).`
      );
    case "mention-unlinked":
      return `<@${problem.userId}> isn't linked to a coreplus practitioner. Ask for them by name instead.`;
    case "forbidden":
      return `You can see your own appointments. Only reception and practice managers can see other diaries. ${ask(contacts.viewers, contacts.admins)}`;
    case "timeout":
      return `coreplus didn't answer within ${plural(problem.seconds, "second")}, so I stopped waiting. Please try again in a minute.`;
    case "coreplus-unavailable":
      return `coreplus isn't answering properly right now (\`${problem.code}\`). Please try again in a few minutes.`;
    case "coreplus-auth":
      return "coreplus refused this clinic's access token. Ask whoever runs this bot to renew the access token.";
    case "internal":
      return `Something went wrong on my side (reference \`${problem.reference}\`). Please try again.`;
  }
}

/** Problems about how the command was written, which are followed by the usage. */
const USAGE_PROBLEMS = new Set<BotProblem["kind"]>([
  "bad-date",
  "too-long",
  "two-dates",
  "not-understood",
  "unknown-practitioner",
]);

/** The ephemeral message for a problem: the explanation, and the usage when the command was mistyped. */
export function problemMessage(
  problem: BotProblem,
  command = "/appointments",
  contacts?: Contacts,
  examples?: HelpExamples,
): SlackMessage {
  const text = problemText(problem, contacts);
  const blocks: KnownBlock[] = [section(`:warning: ${text}`)];
  if (USAGE_PROBLEMS.has(problem.kind)) blocks.push({ type: "divider" }, ...usageBlocks(command, examples));
  // The fallback text drops mrkdwn marks and mentions but keeps the explanation.
  return { text: text.replace(/<@([A-Z0-9]+)>/g, "$1").replace(/[*`_~]/g, ""), blocks };
}
