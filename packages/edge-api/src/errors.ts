/**
 * The edge API's one error hierarchy: every error it throws is an {@link EdgeError} with a stable
 * `code` from {@link EdgeErrorCode}, so callers narrow on `code` (or `instanceof`) rather than on
 * messages. Messages and causes never hold secrets or patient details.
 */

/** Every `code` an {@link EdgeError} may carry. */
export type EdgeErrorCode =
  /** A problem answered to the visitor as application/problem+json ({@link ProblemError}). */
  | "ERR_EDGE_PROBLEM"
  /** The configuration is invalid; `issues` names each field (EdgeConfigError). */
  | "ERR_EDGE_CONFIG"
  /** A lock was not obtained in time (LockTimeoutError). */
  | "ERR_EDGE_LOCK_TIMEOUT"
  /** A caller gave up waiting for the coreplus request budget (BudgetWaitAbortedError). */
  | "ERR_EDGE_BUDGET_WAIT"
  /** Redis could not be reached when the Redis state started (RedisUnavailableError). */
  | "ERR_EDGE_REDIS_UNAVAILABLE"
  /** A write made under a lock whose lease had run out was refused (LockLostError, a 503's cause). */
  | "ERR_EDGE_LOCK_LOST";

/** The base of every edge API error. */
export abstract class EdgeError extends Error {
  abstract readonly code: EdgeErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = this.constructor.name;
  }
}
