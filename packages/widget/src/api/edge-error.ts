/**
 * The widget's one error type for edge API calls, with stable codes. It carries the status, the
 * problem type and field pointers, never a body or patient details. No edge-api types are imported
 * here, so the published declarations that mention these codes stand alone.
 */

/** One field the edge API refused: a JSON pointer such as "/patient/email", a code and a detail. */
export interface FieldProblem {
  pointer: string;
  code: string;
  detail: string;
}

/**
 * Stable codes of {@link EdgeRequestError} (the README's "Errors" table). The `coreplus-error` event
 * carries every code but `ERR_ABORTED`, which the widget never reports.
 */
export type EdgeErrorCode =
  /** The request never got an answer (offline, DNS, CORS refused). Retryable. */
  | "ERR_NETWORK"
  /** No answer within the client's timeout. Retryable. */
  | "ERR_TIMEOUT"
  /** The caller's AbortSignal fired (a superseded load). Never shown or reported. */
  | "ERR_ABORTED"
  /** A 2xx answer that is not the expected JSON. Retryable. */
  | "ERR_BAD_RESPONSE"
  /** 409 (`slot-unavailable`): the time was taken meanwhile. */
  | "ERR_SLOT_UNAVAILABLE"
  /** 422 (`validation`): the request was refused field by field (`fieldErrors`). */
  | "ERR_VALIDATION"
  /** 429: too many requests from this visitor or clinic. Retryable. */
  | "ERR_RATE_LIMITED"
  /** 5xx: the edge API or coreplus behind it failed. Retryable. */
  | "ERR_UPSTREAM"
  /** 404: no such clinic (or resource). */
  | "ERR_NOT_FOUND"
  /** Any other 4xx: the same request would be refused again. */
  | "ERR_REFUSED";

/** A failed edge API call. `retryable` says whether the same request may simply be tried again. */
export class EdgeRequestError extends Error {
  override name = "EdgeRequestError";
  readonly retryable: boolean;
  constructor(
    readonly code: EdgeErrorCode,
    readonly status?: number,
    /** The problem+json `type` name, such as "slot-unavailable". */
    readonly problemType?: string,
    readonly fieldErrors: readonly FieldProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(`${code}${status ? ` (${status})` : ""}`, options);
    this.retryable = [
      "ERR_NETWORK",
      "ERR_TIMEOUT",
      "ERR_BAD_RESPONSE",
      "ERR_RATE_LIMITED",
      "ERR_UPSTREAM",
    ].includes(code);
  }
}

/** Maps an HTTP status and problem type to a code. */
export function codeFor(status: number, problemType: string | undefined): EdgeErrorCode {
  // Other 409s (too-late-to-change, booking-cancelled) are refusals the same request would meet again.
  if (problemType === "slot-unavailable" || (status === 409 && !problemType)) return "ERR_SLOT_UNAVAILABLE";
  if (problemType === "validation") return "ERR_VALIDATION";
  if (status === 429) return "ERR_RATE_LIMITED";
  if (status === 404) return "ERR_NOT_FOUND";
  if (status >= 500) return "ERR_UPSTREAM";
  return "ERR_REFUSED";
}
