/**
 * Maps whatever went wrong upstream to the visitor's problem: a coreplus slot conflict is 409, a
 * failed or saturated upstream 502/503/504 with Retry-After where known. A coreplus 429 never
 * reaches the visitor as 429: it is our budget's business, so the visitor sees 503.
 */
import {
  CoreplusAuthError,
  CoreplusError,
  CoreplusNetworkError,
  CoreplusRateLimitedError,
  CoreplusResponseError,
  CoreplusSlotUnavailableError,
  CoreplusTimeoutError,
  CoreplusUpstreamError,
} from "@coreplus-kit/core";
import { ProblemError } from "../http/index.js";
import { LockTimeoutError } from "../state/index.js";
import { BudgetWaitAbortedError } from "./client.js";

/** Turns an upstream (or waiting) failure into a problem; problems pass through unchanged. */
export function upstreamProblem(err: unknown): ProblemError {
  if (err instanceof ProblemError) return err;
  if (err instanceof CoreplusSlotUnavailableError)
    return new ProblemError(
      "slot-unavailable",
      "Someone else has just booked this time. Please choose another.",
      {
        cause: err,
      },
    );
  if (err instanceof BudgetWaitAbortedError || err instanceof LockTimeoutError)
    return new ProblemError("upstream-unavailable", "The booking system is busy. Please try again shortly.", {
      status: 503,
      retryAfter: 2,
      cause: err,
    });
  if (err instanceof CoreplusRateLimitedError)
    return new ProblemError("upstream-unavailable", "The booking system is busy. Please try again shortly.", {
      status: 503,
      retryAfter: Math.max(1, Math.ceil((err.retryAfterMs ?? 1000) / 1000)),
      cause: err,
    });
  if (err instanceof CoreplusTimeoutError || isAbort(err))
    return new ProblemError("upstream-unavailable", "The booking system did not answer in time.", {
      status: 504,
      retryAfter: 5,
      cause: err,
    });
  if (err instanceof CoreplusAuthError)
    // Said in public without naming the reason (the log line keeps the error's code).
    return new ProblemError("upstream-unavailable", "The booking system is unavailable just now.", {
      status: 502,
      cause: err,
    });
  if (err instanceof CoreplusUpstreamError && err.status === 503)
    return new ProblemError("upstream-unavailable", "The booking system is temporarily unavailable.", {
      status: 503,
      retryAfter: 5,
      cause: err,
    });
  if (
    err instanceof CoreplusUpstreamError ||
    err instanceof CoreplusNetworkError ||
    err instanceof CoreplusResponseError ||
    err instanceof CoreplusError
  )
    return new ProblemError("upstream-unavailable", "The booking system answered with an error.", {
      status: 502,
      retryAfter: 5,
      cause: err,
    });
  return new ProblemError("internal", "Something went wrong on our side.", { cause: err });
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError");
}
