/**
 * Problem details (RFC 9457): the one error vocabulary of the edge API. Handlers throw a
 * {@link ProblemError}; `app.onError` turns it (and anything else) into application/problem+json.
 */
import type { Context } from "hono";
import type { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { EdgeError } from "../errors.js";
import type { ProblemDetails, ProblemFieldError, ProblemType } from "../schemas/public.js";

/** The base of every problem `type` URI; the name of the problem follows it. */
export const PROBLEM_BASE = "https://coreplus-kit.dev/problems/";

const TITLES: Record<ProblemType, string> = {
  "slot-unavailable": "The slot is no longer available",
  validation: "The request is not valid",
  "idempotency-key-reused": "The Idempotency-Key was used with another request",
  "idempotency-key-missing": "An Idempotency-Key header is required",
  "malformed-body": "The request body is not valid JSON",
  spam: "The request was refused",
  "clinic-not-found": "No such clinic",
  "rate-limited": "Too many requests",
  "upstream-unavailable": "The booking system is unavailable",
  "not-found": "Not found",
  "method-not-allowed": "Method not allowed",
  "payload-too-large": "The request body is too large",
  "unsupported-media-type": "The request body must be application/json",
  "forbidden-origin": "This website may not use this clinic's booking API",
  internal: "Internal error",
  "challenge-required": "A solved challenge is required",
  "challenge-failed": "The challenge was not solved",
  "booking-not-found": "No booking matches",
  "too-late-to-change": "This booking can no longer be changed online",
  "booking-cancelled": "This booking is cancelled",
};

/** Options of a problem beyond its type and detail. */
export interface ProblemOptions {
  status?: number;
  errors?: ProblemFieldError[];
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Sent as Allow (405). */
  allow?: string;
  /** too-late-to-change: the location's phone, for the patient to call. */
  phone?: string;
  cause?: unknown;
}

const STATUS: Record<ProblemType, number> = {
  "slot-unavailable": 409,
  validation: 422,
  "idempotency-key-reused": 422,
  "idempotency-key-missing": 400,
  "malformed-body": 400,
  spam: 422,
  "clinic-not-found": 404,
  "rate-limited": 429,
  "upstream-unavailable": 503,
  "not-found": 404,
  "method-not-allowed": 405,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  "forbidden-origin": 403,
  internal: 500,
  "challenge-required": 422,
  "challenge-failed": 422,
  "booking-not-found": 404,
  "too-late-to-change": 409,
  "booking-cancelled": 409,
};

/** An error that is answered as a problem+json response (`code` ERR_EDGE_PROBLEM). */
export class ProblemError extends EdgeError {
  readonly code = "ERR_EDGE_PROBLEM";
  /** The HTTP status of the answer. */
  readonly status: number;
  readonly problemType: ProblemType;
  readonly detail: string;
  readonly errors: ProblemFieldError[] | undefined;
  readonly retryAfter: number | undefined;
  readonly allow: string | undefined;
  readonly phone: string | undefined;
  constructor(type: ProblemType, detail: string, opts: ProblemOptions = {}) {
    super(detail, { cause: opts.cause });
    this.status = opts.status ?? STATUS[type];
    this.problemType = type;
    this.detail = detail;
    this.errors = opts.errors;
    this.retryAfter = opts.retryAfter;
    this.allow = opts.allow;
    this.phone = opts.phone;
  }

  /** The JSON body of this problem. */
  toJSON(): ProblemDetails {
    const body: ProblemDetails = {
      type: PROBLEM_BASE + this.problemType,
      title: TITLES[this.problemType],
      status: this.status,
      detail: this.detail,
    };
    if (this.errors) body.errors = this.errors;
    if (this.phone !== undefined) body.phone = this.phone;
    return body;
  }
}

/** A validation problem from field errors. */
export function validationProblem(errors: ProblemFieldError[], detail?: string): ProblemError {
  const first = errors[0];
  return new ProblemError(
    "validation",
    detail ?? (first ? `${first.pointer || "the request"}: ${first.detail}` : "The request is not valid."),
    { errors },
  );
}

/** Builds the problem+json Response for a problem body. */
export function problemResponse(body: ProblemDetails, retryAfter?: number): Response {
  const headers = new Headers({ "content-type": "application/problem+json", "cache-control": "no-store" });
  if (retryAfter !== undefined) headers.set("retry-after", String(Math.max(1, Math.ceil(retryAfter))));
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/** The problem+json answer to `problem`, through `c` so that it keeps the headers middleware set. */
export function problemAnswer(c: Context, problem: ProblemError): Response {
  // A problem describes one request at one moment: never stored by any cache.
  const headers: Record<string, string> = {
    "content-type": "application/problem+json",
    "cache-control": "no-store",
  };
  if (problem.retryAfter !== undefined)
    headers["retry-after"] = String(Math.max(1, Math.ceil(problem.retryAfter)));
  if (problem.allow) headers.allow = problem.allow;
  return c.body(JSON.stringify(problem.toJSON()), problem.status as ContentfulStatusCode, headers);
}

/** hono's own errors (a validator's 400 or 415, a body limit) as the problem they stand for. */
export function httpProblem(err: HTTPException): ProblemError {
  if (err.status === 400)
    return new ProblemError("malformed-body", "The request body is not valid JSON.", { cause: err });
  if (err.status === 413)
    return new ProblemError("payload-too-large", "The request body is too large.", { cause: err });
  if (err.status === 415)
    return new ProblemError("unsupported-media-type", "Send the body as application/json.", { cause: err });
  return new ProblemError("internal", "Something went wrong on our side.", { cause: err });
}
