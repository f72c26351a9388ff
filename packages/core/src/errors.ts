/**
 * The coreplus error hierarchy. Every error has a stable `code`, `name = this.constructor.name`, keeps
 * its `cause`, and never carries the Authorization header, the JWT, the consumer secret, the access
 * token or a query value (a query can hold a last name or a date of birth): message, url, reasons,
 * issues and cause text are redacted on construction; `url` keeps the path and the parameter names.
 */
import { queryValuesOf, redactCause, redactor, redactQuery } from "./internal/redact.js";

/** The reason coreplus gives when a booking or reschedule hits a taken slot. */
export const SLOT_UNAVAILABLE_REASON = "The selected time is not available for booking an appointment";

/** A field-level problem found by schema validation (paths only: never the offending value). */
export interface CoreplusIssue {
  path: string;
  code: string;
  message: string;
}

/** Every `code` a {@link CoreplusError} can carry; narrow on it instead of `instanceof` across bundles. */
export type CoreplusErrorCode =
  | "ERR_COREPLUS"
  | "ERR_COREPLUS_AUTH"
  | "ERR_COREPLUS_NOT_FOUND"
  | "ERR_COREPLUS_VALIDATION"
  | "ERR_COREPLUS_SLOT_UNAVAILABLE"
  | "ERR_COREPLUS_RATE_LIMITED"
  | "ERR_COREPLUS_UPSTREAM"
  | "ERR_COREPLUS_TIMEOUT"
  | "ERR_COREPLUS_NETWORK"
  | "ERR_COREPLUS_BAD_RESPONSE"
  | "ERR_COREPLUS_DATETIME";

/** Everything an error can be built from. */
export interface CoreplusErrorInit {
  status?: number | undefined;
  reasons?: readonly string[] | undefined;
  method?: string | undefined;
  url?: string | URL | undefined;
  cause?: unknown;
  issues?: readonly CoreplusIssue[] | undefined;
  /** Values to scrub from every text the error keeps (consumer secret, access token, JWT). */
  secrets?: readonly string[] | undefined;
}

/** Base class of every error thrown by @coreplus-kit/core. */
export class CoreplusError extends Error {
  /** Stable machine-readable code, e.g. "ERR_COREPLUS_RATE_LIMITED". */
  readonly code: CoreplusErrorCode = "ERR_COREPLUS";
  readonly status?: number;
  /** The `reason` texts of coreplus's `result` body (or local validation messages). */
  readonly reasons: string[];
  readonly method?: string;
  /** The request URL, redacted: path and query parameter names, never a query value. */
  readonly url?: string;
  /** Field problems, for validation and schema failures. */
  readonly issues: CoreplusIssue[];

  constructor(message: string, init: CoreplusErrorInit = {}) {
    const redact = redactor(init.secrets, queryValuesOf(init.url));
    const cause = redactCause(init.cause, redact);
    super(redact(message), cause === undefined ? undefined : { cause });
    this.name = this.constructor.name;
    if (init.status !== undefined) this.status = init.status;
    this.reasons = (init.reasons ?? []).map(redact);
    if (init.method !== undefined) this.method = init.method.toUpperCase();
    if (init.url !== undefined) this.url = redact(redactQuery(String(init.url)));
    this.issues = (init.issues ?? []).map((i) => ({ ...i, message: redact(i.message) }));
    if (this.stack !== undefined) this.stack = redact(this.stack);
  }

  /** A log-friendly, secret-free view (also what `JSON.stringify(error)` produces). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      reasons: this.reasons,
      method: this.method,
      url: this.url,
      issues: this.issues.length > 0 ? this.issues : undefined,
      cause: this.cause === undefined ? undefined : describeCause(this.cause),
    };
  }
}

function describeCause(cause: unknown): unknown {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return { name: cause.name, message: cause.message, ...(code === undefined ? {} : { code }) };
  }
  return String(cause);
}

/** 401 or 403: the token, consumer or access token was refused. */
export class CoreplusAuthError extends CoreplusError {
  override readonly code = "ERR_COREPLUS_AUTH";
}
/** 404: unknown id or route. */
export class CoreplusNotFoundError extends CoreplusError {
  override readonly code = "ERR_COREPLUS_NOT_FOUND";
}
/** 400/422, or a 2xx body whose `result` holds an item of severity ≥ 2; also invalid request bodies caught locally. */
export class CoreplusValidationError extends CoreplusError {
  override readonly code = "ERR_COREPLUS_VALIDATION";
}
/** 409, or coreplus's "selected time is not available" reason: the slot is taken (or was taken meanwhile). */
export class CoreplusSlotUnavailableError extends CoreplusError {
  override readonly code = "ERR_COREPLUS_SLOT_UNAVAILABLE";
}
/** 429 after the retries ran out. */
export class CoreplusRateLimitedError extends CoreplusError {
  override readonly code = "ERR_COREPLUS_RATE_LIMITED";
  /** From the Retry-After header, when coreplus sent one. */
  readonly retryAfterMs?: number;
  constructor(message: string, init: CoreplusErrorInit & { retryAfterMs?: number | undefined } = {}) {
    super(message, init);
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}
/** 5xx and any other unexpected status. */
export class CoreplusUpstreamError extends CoreplusError {
  override readonly code = "ERR_COREPLUS_UPSTREAM";
}
/** An attempt took longer than the client's per-attempt timeout. */
export class CoreplusTimeoutError extends CoreplusError {
  override readonly code = "ERR_COREPLUS_TIMEOUT";
}
/** fetch threw or the connection dropped before a full response arrived. */
export class CoreplusNetworkError extends CoreplusError {
  override readonly code = "ERR_COREPLUS_NETWORK";
}
/** The response body was not JSON, or did not match the expected schema. */
export class CoreplusResponseError extends CoreplusError {
  override readonly code = "ERR_COREPLUS_BAD_RESPONSE";
}
/** A date-time without an offset, or otherwise not a coreplus date-time/date. */
export class CoreplusDateTimeError extends CoreplusError {
  override readonly code = "ERR_COREPLUS_DATETIME";
}

/** Options for {@link errorForStatus}. */
export interface ErrorForStatusInit extends CoreplusErrorInit {
  /** Parsed `Retry-After`, for 429. */
  retryAfterMs?: number | undefined;
  /** Overrides the generated message. */
  message?: string | undefined;
}

/** Whether any reason is coreplus's slot-unavailable text (compared loosely: case and trailing dot). */
export function isSlotUnavailableReason(reason: string): boolean {
  const norm = (s: string): string => s.trim().replace(/\.$/, "").toLowerCase();
  return norm(reason) === norm(SLOT_UNAVAILABLE_REASON);
}

/**
 * Maps an HTTP status (and coreplus's `result` reasons) to the matching error class. A 2xx status
 * here means a success status whose body carried a `result` error: it maps to a validation error.
 */
export function errorForStatus(status: number, init: ErrorForStatusInit = {}): CoreplusError {
  const reasons = init.reasons ?? [];
  const where =
    init.method !== undefined && init.url !== undefined
      ? ` (${init.method.toUpperCase()} ${pathOf(init.url)})`
      : "";
  const detail = reasons.length > 0 ? `: ${reasons.join("; ")}` : "";
  const message = init.message ?? `coreplus answered ${status}${detail}${where}`;
  const full: CoreplusErrorInit = { ...init, status };
  if (status === 409 || reasons.some(isSlotUnavailableReason))
    return new CoreplusSlotUnavailableError(message, full);
  if (status === 401 || status === 403) return new CoreplusAuthError(message, full);
  if (status === 404) return new CoreplusNotFoundError(message, full);
  if (status === 400 || status === 422 || (status >= 200 && status < 300)) {
    return new CoreplusValidationError(message, full);
  }
  if (status === 429)
    return new CoreplusRateLimitedError(message, { ...full, retryAfterMs: init.retryAfterMs });
  return new CoreplusUpstreamError(message, full);
}

function pathOf(url: string | URL): string {
  try {
    const u = new URL(String(url));
    return u.pathname;
  } catch {
    return String(url).split("?")[0] ?? "";
  }
}
