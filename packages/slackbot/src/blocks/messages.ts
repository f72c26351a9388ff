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

/** Usage, with examples; `command` is the slash command's name. */
export function usageBlocks(command = "/appointments"): KnownBlock[] {
  const c = command;
  return [
    section(`*${c}* shows a day of appointments, privately to you.`),
    section(
      [
        `\`${c}\` your appointments today`,
        `\`${c} tomorrow\` · \`${c} friday\` · \`${c} 3/12\` · \`${c} 2026-12-03\``,
        `\`${c} tomorrow Sarah Chen\` another practitioner's day (reception and managers)`,
        `\`${c} all at Southbank\` everyone's day at one location (reception and managers)`,
      ].join("\n"),
    ),
    context(
      "Dates: today, tomorrow, yesterday, a weekday (its next occurrence, today included), 3/12 (3 December) " +
        "or 2026-12-03. Times are in each location's time zone. Patients appear as initials.",
    ),
  ];
}

/** The answer to `/appointments help`. */
export function helpMessage(command = "/appointments"): SlackMessage {
  return { text: `How to use ${command}`, blocks: usageBlocks(command) };
}

/** The one-line explanation of a problem, in mrkdwn. */
export function problemText(problem: BotProblem): string {
  switch (problem.kind) {
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
        "Ask your coreplus administrator to make them match, or ask whoever runs this bot to add your Slack user ID " +
        `\`${problem.userId}\` to SLACK_PRACTITIONER_MAP.`
      );
    case "mention-unlinked":
      return `<@${problem.userId}> isn't linked to a coreplus practitioner. Ask for them by name instead.`;
    case "forbidden":
      return (
        "You can see your own appointments. Another practitioner's day, or everyone's, is for reception and " +
        `managers: ask whoever runs this bot to add your Slack user ID \`${problem.userId}\` to SLACK_VIEWERS.`
      );
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
  "two-dates",
  "not-understood",
  "unknown-practitioner",
]);

/** The ephemeral message for a problem: the explanation, and the usage when the command was mistyped. */
export function problemMessage(problem: BotProblem, command = "/appointments"): SlackMessage {
  const text = problemText(problem);
  const blocks: KnownBlock[] = [section(`:warning: ${text}`)];
  if (USAGE_PROBLEMS.has(problem.kind)) blocks.push({ type: "divider" }, ...usageBlocks(command));
  // The fallback text drops mrkdwn marks but keeps the explanation.
  return { text: text.replace(/[*`_~]/g, ""), blocks };
}
