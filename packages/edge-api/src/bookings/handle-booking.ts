/**
 * POST /bookings in two steps. {@link checkBookingRequest}, before anything is stored (the route has read a JSON object of bounded
 * depth): honeypot, Idempotency-Key. {@link handleBooking}, one request per key at a time: replay a recorded final
 * outcome, or validate and book, recording progress and the final outcome (201, 409, 422) for 24 hours.
 */

import { requireProof, withoutProof } from "../challenge/index.js";
import { ProblemError, zodProblem } from "../http/index.js";
import { rememberReference } from "../manage/references.js";
import { BookingRequest, type BookingResponse } from "../schemas/public.js";
import type { Json } from "../state/index.js";
import type { RequestScope } from "../types.js";
import { book } from "./book.js";
import { bodyHash, requireIdempotencyKey } from "./idempotency.js";
import { type IdempotentAnswer, runIdempotent } from "./idempotent-run.js";

/** A booking answer: status and JSON body, plus whether it was replayed. */
export type BookingAnswer = IdempotentAnswer<"booked" | "slot-unavailable" | "invalid">;

/** Final outcomes are recorded and replayed; anything else leaves the record resumable. */
const FINAL = new Set(["slot-unavailable", "validation", "spam"]);

/** A booking request that passed the checks made before anything is stored. */
export interface CheckedBookingRequest {
  /** The parsed JSON object, not validated yet (that happens under the key's lock). */
  body: object;
  idempotencyKey: string;
}

/**
 * The checks made before anything is stored, after the body was read as a JSON object: the honeypot
 * is empty, the Idempotency-Key is well formed. Throws {@link ProblemError} (400, 422 spam).
 */
export function checkBookingRequest(body: object, idempotencyKey: string | undefined): CheckedBookingRequest {
  const website = (body as { website?: unknown }).website;
  if (website !== undefined && website !== null && website !== "")
    throw new ProblemError("spam", "This request looks automated and was refused.");
  return { body, idempotencyKey: requireIdempotencyKey(idempotencyKey) };
}

/** Handles one checked booking request. Throws {@link ProblemError} for answers that are not recorded. */
export async function handleBooking(
  scope: RequestScope,
  request: CheckedBookingRequest,
): Promise<BookingAnswer> {
  const { body, idempotencyKey: key } = request;
  const finalOutcome = (problem: ProblemError) =>
    FINAL.has(problem.problemType)
      ? problem.problemType === "slot-unavailable"
        ? ("slot-unavailable" as const)
        : ("invalid" as const)
      : undefined;
  // The proof is not part of the attempt: a retry with the same key may carry any (or none).
  const hash = await bodyHash(await scope.rt.bodyKey, withoutProof(body));
  return runIdempotent(
    scope,
    // A new attempt must prove a solved challenge before anything is recorded or asked upstream.
    { key, hash, what: "booking request", finalOutcome, beforeNewAttempt: () => requireProof(scope, body) },
    async (run) => {
      const parsed = BookingRequest.safeParse(body);
      if (!parsed.success) {
        const problem = zodProblem(parsed.error, "");
        return { status: problem.status, body: problem.toJSON() as Json, outcome: "invalid" };
      }
      const booking = await book(run, parsed.data);
      const appointmentId = run.record.progress.appointmentId!;
      const startMs = Date.parse(booking.start);
      await rememberReference(scope, booking.reference, appointmentId, startMs);
      const response: BookingResponse = {
        booking: { ...booking, status: "booked" },
        manage: await scope.rt.manage.sign(scope.rt.config.slug, appointmentId, startMs, booking.timezone),
      };
      return { status: 201, body: response as unknown as Json, outcome: "booked" };
    },
  );
}
