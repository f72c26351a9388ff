/** What every listener receives: the answering services and the audit sink. */
import type { AnswerServices } from "../answer/answer-request.js";
import type { AuditSink } from "../audit.js";

/** Shared listener dependencies, built once by createSlackbot. */
export interface ListenerDeps {
  services: AnswerServices;
  audit: AuditSink;
  /** Wall clock for audit timestamps and durations (not the business clock). */
  wallClock: () => number;
}
