/**
 * The morning-message commands: `every weekday at 7:30` subscribes the asker (their day, or the
 * clinic's summary for reception), `stop` ends it; the reply says when the next message comes.
 */
import { formatInZone } from "@coreplus-kit/core";
import type { types } from "@slack/bolt";
import { canSeeOthers, roleOf } from "../access/roles.js";
import type { SlackMessage } from "../blocks/day-blocks.js";
import { longDate, zoneLabel } from "../blocks/format.js";
import { EVERY_DAY, type ScheduleCommand, type Weekday, WORKING_DAYS } from "../command/parse-schedule.js";
import { nextSend } from "../morning/due.js";
import type { Subscription } from "../morning/subscriptions.js";
import type { AnswerAudit, AnswerInput, AnswerServices } from "./services.js";
import { problemFor, problemForError, withDeadline } from "./services.js";

const DAY_NAMES = [
  "Sundays",
  "Mondays",
  "Tuesdays",
  "Wednesdays",
  "Thursdays",
  "Fridays",
  "Saturdays",
] as const;

/** "every weekday", "every day", "Mondays, Wednesdays and Fridays". */
export function daysText(days: readonly Weekday[]): string {
  const set = [...new Set(days)].sort((a, b) => a - b);
  if (set.length === EVERY_DAY.length) return "every day";
  if (set.length === WORKING_DAYS.length && WORKING_DAYS.every((d) => set.includes(d)))
    return "every weekday";
  // Monday first, as a clinic's week is read.
  const names = [...set].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => DAY_NAMES[d]);
  return names.length === 1
    ? `on ${names[0]}`
    : `on ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "every weekday at 07:30 (Melbourne time)". */
export function scheduleText(subscription: Pick<Subscription, "time" | "days">, zone: string): string {
  return `${daysText(subscription.days)} at ${subscription.time} (${zoneLabel(zone)})`;
}

const section = (text: string): types.KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const message = (text: string): SlackMessage => ({
  text: text.replace(/[*`_~]/g, ""),
  blocks: [section(text)],
});

/** Answers a schedule command for the asker. */
export async function answerSchedule(
  s: AnswerServices,
  command: ScheduleCommand,
  input: AnswerInput,
): Promise<{ messages: SlackMessage[]; audit: AnswerAudit }> {
  const c = s.command;
  if (command.kind === "invalid-schedule") {
    const why =
      command.problem === "no-time"
        ? "Tell me a time"
        : command.problem === "bad-time"
          ? `“${command.token}” isn't a time I can read. Write it like 7:30 or 8am`
          : `“${command.token}” isn't a day I know. Use day, weekday or day names`;
    return {
      messages: [
        message(`:warning: ${why}: \`${c} every weekday at 7:30\` or \`${c} every mon wed fri at 8am\`.`),
      ],
      audit: { outcome: "not-understood" },
    };
  }
  if (command.kind === "unsubscribe") {
    const had = await s.subscriptions.remove(input.userId);
    return {
      messages: [
        message(
          had
            ? `Done: no more morning messages. \`${c} every weekday at 7:30\` starts them again.`
            : `You had no morning message. \`${c} every weekday at 7:30\` starts one.`,
        ),
      ],
      audit: { outcome: "unsubscribed" },
    };
  }
  try {
    const directory = await withDeadline(s.directory.get(), s.timeoutMs);
    const zone = s.timezone ?? directory.locations[0]?.zone ?? "Australia/Melbourne";
    const role = roleOf(input.userId, s.policy);
    const link = await withDeadline(s.linker.link(input.userId, directory, input.lookupEmail), s.timeoutMs);
    if (!link.linked && !canSeeOthers(role)) {
      const problem = {
        kind: "unlinked" as const,
        userId: input.userId,
        ...(link.email ? { email: link.email } : {}),
      };
      return { messages: [problemFor(s, problem)], audit: { outcome: "unlinked" } };
    }
    const subscription: Subscription = { userId: input.userId, time: command.time, days: command.days };
    await s.subscriptions.put(subscription);
    const next = nextSend(subscription, s.now(), zone);
    const whose = link.linked ? "your day" : "the clinic's day";
    const when = next
      ? ` The next one: ${longDate(formatInZone(next, zone).slice(0, 10))} at ${subscription.time}.`
      : "";
    return {
      messages: [
        message(
          `:sunrise: I'll send you ${whose} ${scheduleText(subscription, zone)}.${when} \`${c} stop\` ends it; ` +
            "the Home tab changes it.",
        ),
      ],
      audit: { outcome: "subscribed" },
    };
  } catch (error) {
    const { problem, outcome, errorCode } = problemForError(error, s.timeoutMs, s.onError);
    return { messages: [problemFor(s, problem)], audit: { outcome, errorCode } };
  }
}
