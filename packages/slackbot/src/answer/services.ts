/**
 * What answering needs and shares: the services built once by createSlackbot, who is asking, the
 * deadline on coreplus, and how failures and problems become messages. A leaf module, so the
 * answering modules import it and not each other.
 */
import type { CoreplusClient } from "@coreplus-kit/core";
import { CoreplusError } from "@coreplus-kit/core";
import type { LookupEmail, PractitionerLinker } from "../access/link-practitioner.js";
import type { AccessPolicy } from "../access/roles.js";
import type { AuditEntry, AuditOutcome } from "../audit.js";
import type { SlackMessage } from "../blocks/day-blocks.js";
import type { BotProblem, Contacts, HelpExamples } from "../blocks/messages.js";
import { problemMessage } from "../blocks/messages.js";
import type { DirectoryCache } from "../day/directory.js";
import type { ClientNameMode } from "../day/patient-label.js";
import type { PatientNames } from "../day/patient-names.js";
import { SlackbotTimeoutError } from "../errors.js";
import type { SubscriptionBook } from "../morning/subscriptions.js";
import type { DayAnswer } from "../types.js";

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
  /** Whom refusals name (SLACK_VIEWERS, SLACK_ADMINS). */
  contacts: Contacts;
  /** Morning-message subscriptions. */
  subscriptions: SubscriptionBook;
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

/** A problem as a message, naming who can help. */
export function problemFor(s: AnswerServices, problem: BotProblem, examples?: HelpExamples): SlackMessage {
  return problemMessage(problem, s.command, s.contacts, examples);
}
