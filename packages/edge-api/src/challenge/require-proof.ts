/**
 * requireProof: the one call every state-changing public route makes before it does anything new —
 * bookings, and lookup, cancel and reschedule. Routes that are idempotent call it only for a new
 * attempt (no record for the key yet), so a retry is answered whatever proof it carries.
 */
import type { RequestScope } from "../types.js";

/**
 * Checks and spends the `proof` of a request body for the scope's clinic (a refusal is logged with
 * its reason). Throws a 422 `challenge-required` / `challenge-failed` problem (or 503
 * when Turnstile's siteverify cannot be reached).
 * @example
 * await requireProof(c.get("scope"), body); // before looking a booking up
 */
export async function requireProof(scope: RequestScope, body: { proof?: unknown }): Promise<void> {
  try {
    await scope.rt.challenge.spend(body.proof, scope.visitor, scope.wallNow());
  } catch (err) {
    // Why (missing, expired, replayed…) is for the operator; the visitor sees one problem type.
    const cause = (err as { cause?: unknown }).cause;
    scope.log({
      level: "info",
      msg: "proof refused",
      reason: cause instanceof Error ? cause.message : "missing",
    });
    throw err;
  }
}

/** A request body without its `proof`: what an Idempotency-Key's body hash covers. */
export function withoutProof<T extends object>(body: T): Omit<T, "proof"> {
  const { proof: _proof, ...rest } = body as T & { proof?: unknown };
  return rest;
}
