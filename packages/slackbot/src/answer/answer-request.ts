/**
 * Answering a request, independent of Bolt: command text (or the Home tab) in, Block Kit and an
 * audit record out. Every coreplus wait is bounded, identical concurrent day lookups share one fetch,
 * and every failure becomes a clear message rather than silence.
 */
import type { CoreplusClient } from "@coreplus-kit/core";
import { CoreplusError, dateInZone } from "@coreplus-kit/core";
import type { LookupEmail, PractitionerLinker } from "../access/link-practitioner.js";
import type { AccessPolicy } from "../access/roles.js";
import { roleOf } from "../access/roles.js";
import type { AuditEntry, AuditOutcome } from "../audit.js";
import type { SlackMessage } from "../blocks/day-blocks.js";
import { dayMessages } from "../blocks/day-blocks.js";
import type { HomeContent } from "../blocks/home-view.js";
import type { BotProblem } from "../blocks/messages.js";
import { helpMessage, problemMessage } from "../blocks/messages.js";
import type { ParsedCommand } from "../command/parse-command.js";
import { parseCommand } from "../command/parse-command.js";
import { resolveDate } from "../command/resolve-date.js";
import type { DirectoryCache } from "../day/directory.js";
import { loadDay } from "../day/load-day.js";
import type { ClientNameMode } from "../day/patient-label.js";
import type { PatientNames } from "../day/patient-names.js";
import { SlackbotTimeoutError } from "../errors.js";
import { yieldToEventLoop } from "../internal/yield.js";
import type { DayAnswer } from "../types.js";
import { resolveRequest } from "./resolve-request.js";

/** Everything answering needs; built once by createSlackbot. */
export interface AnswerServices {
  client: CoreplusClient;
  directory: DirectoryCache;
  names: PatientNames;
  linker: PractitionerLinker;
  policy: AccessPolicy;
  nameMode: ClientNameMode;
  /** SLACK_SHOW_TYPES: show appointment type names (off: "Appointment"). */
  showTypes: boolean;
  /** SLACK_TIMEZONE; undefined means the first location's zone. */
  timezone: string | undefined;
  /** Business clock ("today"). */
  now: () => Date;
  /** Bound on the whole coreplus part of one answer. */
  timeoutMs: number;
  command: string;
  /** Day loads in flight by (date, whose, location, zone): identical concurrent requests share one. */
  inFlightDays: Map<string, Promise<DayAnswer>>;
  /** Aborted when the bot stops, so pending coreplus requests end with it. */
  signal: AbortSignal;
  /** Called with unexpected errors (already free of secrets) and a reference shown to the user. */
  onError: (error: unknown, reference: string) => void;
}

/** Who is asking. */
export interface AnswerInput {
  userId: string;
  /** The command text after the command name (commands only). */
  text: string;
  lookupEmail: LookupEmail;
}

/** The audit fields an answer decides (the listener adds who, when, and how long). */
export type AnswerAudit = Omit<AuditEntry, "at" | "ms" | "surface" | "user" | "team">;

type Query = Extract<ParsedCommand, { kind: "query" }>;
type DayOutcome =
  | { ok: true; answer: DayAnswer; audit: AnswerAudit }
  | { ok: false; problem: BotProblem; audit: AnswerAudit };

/** Runs `work` but gives up after `ms` with SlackbotTimeoutError (the work itself is left to finish). */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SlackbotTimeoutError(ms)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Maps a failure to what the user is told and what the audit records. */
export function problemForError(
  error: unknown,
  timeoutMs: number,
  onError: AnswerServices["onError"],
): { problem: BotProblem; outcome: AuditOutcome; errorCode: string } {
  const seconds = Math.round(timeoutMs / 1000);
  if (error instanceof SlackbotTimeoutError)
    return { problem: { kind: "timeout", seconds }, outcome: "timeout", errorCode: error.code };
  if (error instanceof CoreplusError) {
    if (error.code === "ERR_COREPLUS_TIMEOUT")
      return { problem: { kind: "timeout", seconds }, outcome: "timeout", errorCode: error.code };
    if (error.code === "ERR_COREPLUS_AUTH")
      return { problem: { kind: "coreplus-auth" }, outcome: "coreplus-error", errorCode: error.code };
    return {
      problem: { kind: "coreplus-unavailable", code: error.code },
      outcome: "coreplus-error",
      errorCode: error.code,
    };
  }
  const reference = Math.random().toString(36).slice(2, 10);
  onError(error, reference);
  return { problem: { kind: "internal", reference }, outcome: "error", errorCode: "ERR_SLACKBOT_INTERNAL" };
}

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
async function answerDay(s: AnswerServices, query: Query, input: AnswerInput): Promise<DayOutcome> {
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

/** Answers `/appointments <text>`: the day as ephemeral messages, or help, or a clear problem. */
export async function answerCommand(
  s: AnswerServices,
  input: AnswerInput,
): Promise<{ messages: SlackMessage[]; audit: AnswerAudit }> {
  const parsed = parseCommand(input.text);
  if (parsed.kind === "help") return { messages: [helpMessage(s.command)], audit: { outcome: "help" } };
  if (parsed.kind === "invalid") {
    const problem: BotProblem =
      parsed.reason === "bad-date"
        ? { kind: "bad-date", token: parsed.token }
        : parsed.reason === "two-dates"
          ? { kind: "two-dates", token: parsed.token }
          : { kind: "empty-location", locations: await locationNames(s) };
    return { messages: [problemMessage(problem, s.command)], audit: { outcome: "not-understood" } };
  }
  const outcome = await answerDay(s, parsed, input);
  return outcome.ok
    ? { messages: dayMessages(outcome.answer), audit: outcome.audit }
    : { messages: [problemMessage(outcome.problem, s.command)], audit: outcome.audit };
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
