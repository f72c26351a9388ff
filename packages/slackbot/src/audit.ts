/**
 * The audit trail: one line per request saying who asked for what, when, and how it ended. It names
 * Slack users and coreplus practitioner/location ids, never a patient, and never the raw command text
 * (someone might type a patient's name into it).
 */

/** Where a request came from. */
export type AuditSurface = "command" | "home" | "action" | "morning" | "workflow";

/** How a request ended. */
export type AuditOutcome =
  | "answered"
  | "help"
  | "subscribed"
  | "unsubscribed"
  | "not-understood"
  | "unlinked"
  | "forbidden"
  | "timeout"
  | "coreplus-error"
  | "error";

/** One audit record. */
export interface AuditEntry {
  /** Wall-clock time the request arrived (ISO 8601, UTC). */
  at: string;
  surface: AuditSurface;
  /** Slack user and team ids. */
  user: string;
  team?: string;
  /** The resolved request: the date asked for, whose day ("self", "practitioner", "all"), ids. */
  date?: string;
  scope?: "self" | "practitioner" | "all";
  practitionerId?: string;
  locationId?: string;
  outcome: AuditOutcome;
  /** Appointments shown (a count, no details). */
  appointments?: number;
  /** Stable error code when the outcome is an error. */
  errorCode?: string;
  /** Time from arrival to answer. */
  ms: number;
}

/** Receives audit entries. */
export type AuditSink = (entry: AuditEntry) => void;

/** The default sink: one JSON line on stdout prefixed `audit`, easy to grep and to ship to a log store. */
export function consoleAuditSink(write: (line: string) => void = (line) => console.log(line)): AuditSink {
  return (entry) => write(`audit ${JSON.stringify(entry)}`);
}
