/**
 * Answering a request, independent of Bolt: command text (or the Home tab, a menu, the morning) in,
 * Block Kit and an audit record out. Every coreplus wait is bounded, identical concurrent day lookups
 * share one fetch, and every failure becomes a clear message rather than silence.
 */
import { dateInZone } from "@coreplus-kit/core";
import { roleOf } from "../access/roles.js";
import type { AuditOutcome } from "../audit.js";
import { allSummaryMessage } from "../blocks/all-summary.js";
import type { SlackMessage } from "../blocks/day-blocks.js";
import { dayMessages } from "../blocks/day-blocks.js";
import type { HomeContent } from "../blocks/home-view.js";
import type { BotProblem, HelpExamples } from "../blocks/messages.js";
import { helpMessage } from "../blocks/messages.js";
import type { ParsedCommand } from "../command/parse-command.js";
import { parseCommand } from "../command/parse-command.js";
import { resolveDate } from "../command/resolve-date.js";
import { loadDay } from "../day/load-day.js";
import { shortLocationName } from "../day/location-name.js";
import { yieldToEventLoop } from "../internal/yield.js";
import type { ClinicDirectory, DayAnswer } from "../types.js";
import { answerSchedule } from "./answer-schedule.js";
import { resolveRequest } from "./resolve-request.js";
import {
  type AnswerAudit,
  type AnswerInput,
  type AnswerServices,
  problemFor,
  problemForError,
  withDeadline,
} from "./services.js";

export type { AnswerAudit, AnswerInput, AnswerServices } from "./services.js";

export type Query = Extract<ParsedCommand, { kind: "query" }>;
export type DayOutcome =
  | { ok: true; answer: DayAnswer; audit: AnswerAudit }
  | { ok: false; problem: BotProblem; audit: AnswerAudit };

function outcomeOf(problem: BotProblem): AuditOutcome {
  switch (problem.kind) {
    case "unlinked":
      return "unlinked";
    case "forbidden":
      return "forbidden";
    case "timeout":
      return "timeout";
    case "coreplus-auth":
    case "coreplus-unavailable":
      return "coreplus-error";
    case "internal":
      return "error";
    default:
      return "not-understood";
  }
}

/** Resolves and loads one day (bounded by the deadline), sharing identical in-flight loads. */
export async function answerDay(s: AnswerServices, query: Query, input: AnswerInput): Promise<DayOutcome> {
  const scope =
    query.who.kind === "all"
      ? "all"
      : query.who.kind === "default" || query.who.kind === "me"
        ? "self"
        : "practitioner";
  const audit: AnswerAudit = { outcome: "answered", scope };
  try {
    return await withDeadline(
      (async (): Promise<DayOutcome> => {
        const directory = await s.directory.get();
        const zone = s.timezone ?? directory.locations[0]?.zone ?? "Australia/Melbourne";
        const date = resolveDate(query.date, dateInZone(s.now(), zone));
        audit.date = date;
        const resolution = await resolveRequest(query, directory, {
          userId: input.userId,
          role: roleOf(input.userId, s.policy),
          link: (userId) => s.linker.link(userId, directory, input.lookupEmail),
        });
        if (!resolution.ok)
          return {
            ok: false,
            problem: resolution.problem,
            audit: { ...audit, outcome: outcomeOf(resolution.problem) },
          };
        const { target, location } = resolution;
        if (target.kind === "practitioner") audit.practitionerId = target.practitioner.id;
        else audit.scope = "all";
        if (location) audit.locationId = location.id;

        const key = [
          date,
          target.kind === "all" ? "all" : target.practitioner.id,
          location?.id ?? "",
          zone,
        ].join("|");
        const days = s.inFlightDays;
        let pending = days.get(key);
        if (!pending) {
          const started = loadDay(
            {
              client: s.client,
              directory,
              names: s.names,
              nameMode: s.nameMode,
              showTypes: s.showTypes,
              zone,
              signal: s.signal,
            },
            {
              date,
              practitioner:
                target.kind === "all"
                  ? "all"
                  : {
                      id: target.practitioner.id,
                      name: target.practitioner.name,
                      ...(target.practitioner.locationIds
                        ? { locationIds: target.practitioner.locationIds }
                        : {}),
                    },
              ...(location ? { location } : {}),
            },
          );
          pending = started.finally(() => days.delete(key));
          days.set(key, pending);
        }
        const answer = await pending;
        await yieldToEventLoop();
        audit.appointments = answer.days.reduce((n, d) => n + d.activeCount + d.cancelledCount, 0);
        return { ok: true, answer, audit };
      })(),
      s.timeoutMs,
    );
  } catch (error) {
    const { problem, outcome, errorCode } = problemForError(error, s.timeoutMs, s.onError);
    return { ok: false, problem, audit: { ...audit, outcome, errorCode } };
  }
}

/** The day's messages: everyone's as a per-practitioner summary, one practitioner's in full. */
export function messagesFor(answer: DayAnswer): SlackMessage[] {
  return answer.scope.kind === "all" ? [allSummaryMessage(answer)] : dayMessages(answer);
}

/** Help examples from the clinic's own names: a practitioner and a location staff can type. */
export function clinicExamples(directory: ClinicDirectory): HelpExamples | undefined {
  const practitioner = directory.practitioners[1] ?? directory.practitioners[0];
  const location = directory.locations[0];
  if (!practitioner || !location) return undefined;
  return {
    practitioner: `${practitioner.firstName} ${practitioner.lastName}`.trim() || practitioner.name,
    location: shortLocationName(location.name, directory),
  };
}

/** The clinic's help examples, or the generic ones when coreplus is slow or failing. */
async function examplesFor(s: AnswerServices): Promise<HelpExamples | undefined> {
  try {
    return clinicExamples(await withDeadline(s.directory.get(), Math.min(s.timeoutMs, 3000)));
  } catch {
    return undefined;
  }
}

/** Answers `/appointments <text>`: the day as ephemeral messages, or help, or a clear problem. */
export async function answerCommand(
  s: AnswerServices,
  input: AnswerInput,
): Promise<{ messages: SlackMessage[]; audit: AnswerAudit }> {
  const parsed = parseCommand(input.text);
  if (parsed.kind === "help")
    return { messages: [helpMessage(s.command, await examplesFor(s))], audit: { outcome: "help" } };
  if (parsed.kind === "subscribe" || parsed.kind === "unsubscribe" || parsed.kind === "invalid-schedule")
    return answerSchedule(s, parsed, input);
  if (parsed.kind === "invalid") {
    const problem: BotProblem =
      parsed.reason === "bad-date"
        ? { kind: "bad-date", token: parsed.token }
        : parsed.reason === "two-dates"
          ? { kind: "two-dates", token: parsed.token }
          : parsed.reason === "too-long"
            ? { kind: "too-long" }
            : { kind: "empty-location", locations: await locationNames(s) };
    return { messages: [problemFor(s, problem, await examplesFor(s))], audit: { outcome: "not-understood" } };
  }
  const outcome = await answerDay(s, parsed, input);
  if (outcome.ok) return { messages: messagesFor(outcome.answer), audit: outcome.audit };
  const examples =
    outcome.problem.kind === "not-understood" || outcome.problem.kind === "unknown-practitioner"
      ? await examplesFor(s)
      : undefined;
  return { messages: [problemFor(s, outcome.problem, examples)], audit: outcome.audit };
}

/** One practitioner's full day, from the "all" summary's menu (the permission is checked again). */
export async function answerExpand(
  s: AnswerServices,
  input: Omit<AnswerInput, "text"> & { date: string; practitionerId: string; locationId?: string },
): Promise<{ messages: SlackMessage[]; audit: AnswerAudit }> {
  const [year, month, day] = input.date.split("-").map(Number) as [number, number, number];
  let location: string | undefined;
  if (input.locationId !== undefined) {
    const directory = await s.directory.get();
    location = directory.locations.find((l) => l.id.toLowerCase() === input.locationId!.toLowerCase())?.name;
  }
  const query: Query = {
    kind: "query",
    date: { kind: "iso", year, month, day },
    who: { kind: "practitioner-id", id: input.practitionerId },
    ...(location !== undefined ? { location } : {}),
  };
  const outcome = await answerDay(s, query, { ...input, text: "" });
  return outcome.ok
    ? { messages: dayMessages(outcome.answer), audit: outcome.audit }
    : { messages: [problemFor(s, outcome.problem)], audit: outcome.audit };
}

/** The morning message for a date: the person's own day, or the clinic's summary for reception. */
export async function answerMorning(
  s: AnswerServices,
  input: Omit<AnswerInput, "text"> & { date: string },
): Promise<{ messages: SlackMessage[]; audit: AnswerAudit }> {
  const [year, month, day] = input.date.split("-").map(Number) as [number, number, number];
  const outcome = await answerDay(
    s,
    { kind: "query", date: { kind: "iso", year, month, day }, who: { kind: "default" } },
    { ...input, text: "" },
  );
  return outcome.ok
    ? { messages: messagesFor(outcome.answer), audit: outcome.audit }
    : { messages: [problemFor(s, outcome.problem)], audit: outcome.audit };
}

/** Answers the Home tab: today for the linked practitioner (everyone's, for an unlinked viewer). */
export async function answerHome(
  s: AnswerServices,
  input: Omit<AnswerInput, "text">,
): Promise<{ content: HomeContent; audit: AnswerAudit }> {
  const outcome = await answerDay(
    s,
    { kind: "query", date: { kind: "relative", days: 0 }, who: { kind: "default" } },
    { ...input, text: "" },
  );
  return outcome.ok
    ? { content: { kind: "day", answer: outcome.answer }, audit: outcome.audit }
    : { content: { kind: "problem", problem: outcome.problem }, audit: outcome.audit };
}

/** Location names for the "at" hint; a coreplus failure here only costs the hint. */
async function locationNames(s: AnswerServices): Promise<string[]> {
  try {
    const directory = await withDeadline(s.directory.get(), Math.min(s.timeoutMs, 3000));
    return directory.locations.map((l) => l.name);
  } catch {
    return [];
  }
}
