/**
 * POST /bookings in two steps. {@link checkBookingRequest}, before anything is stored: JSON, honeypot,
 * Idempotency-Key. {@link handleBooking}, one request per key at a time: replay a recorded final
 * outcome, or validate and book, recording progress and the final outcome (201, 409, 422) for 24 hours.
 */
import { ProblemError, zodProblem } from "../http/index.js";
import { BookingRequest, type BookingResponse } from "../schemas/public.js";
import type { IdempotencyRecord, Json } from "../state/index.js";
import type { RequestScope } from "../types.js";
import { priorityLane, upstreamProblem } from "../upstream/index.js";
import { type BookingRun, book } from "./book.js";
import { bodyHash, IDEMPOTENCY_TTL_MS, requireIdempotencyKey } from "./idempotency.js";

/** Nobody waits longer than this for a booking (locks and the request budget included). */
export const BOOKING_ALLOWANCE_MS = 15_000;

/** A booking answer: status and JSON body, plus whether it was replayed. */
export interface BookingAnswer {
  status: number;
  body: Json;
  replayed: boolean;
  outcome: "booked" | "slot-unavailable" | "invalid" | "replayed";
}

/** Final outcomes are recorded and replayed; anything else leaves the record resumable. */
const FINAL = new Set(["slot-unavailable", "validation", "spam"]);

/** A booking request that passed the checks made before anything is stored. */
export interface CheckedBookingRequest {
  /** The parsed JSON object, not validated yet (that happens under the key's lock). */
  body: object;
  idempotencyKey: string;
}

/**
 * The checks made before anything is stored, in this order: the body is a JSON object, the honeypot
 * is empty, the Idempotency-Key is well formed. Throws {@link ProblemError} (400, 422 spam).
 */
export function checkBookingRequest(
  rawBody: string,
  idempotencyKey: string | undefined,
): CheckedBookingRequest {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new ProblemError("malformed-body", "The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new ProblemError("malformed-body", "The request body must be a JSON object.");
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
  const started = Date.now();
  const { body, idempotencyKey: key } = request;
  const hash = await bodyHash(body);
  // Every coreplus call of the booking uses this signal, so all of them take the budget's priority lane.
  const signal = priorityLane(AbortSignal.timeout(BOOKING_ALLOWANCE_MS));
  const remaining = () => Math.max(0, BOOKING_ALLOWANCE_MS - (Date.now() - started));
  const { state } = scope.rt;

  return state.withLock(`idem:${key}`, { waitMs: remaining(), leaseMs: 60_000 }, async () => {
    const existing = await state.idempotencyGet(key);
    if (existing && existing.bodyHash !== hash)
      throw new ProblemError(
        "idempotency-key-reused",
        "This Idempotency-Key was already used for a different booking request. Use a new key.",
      );
    if (existing?.status === "done" && existing.response)
      return {
        status: existing.response.status,
        body: existing.response.body,
        replayed: true,
        outcome: "replayed",
      };
    const now = scope.wallNow();
    const record: IdempotencyRecord = existing ?? {
      bodyHash: hash,
      status: "pending",
      progress: {},
      createdAt: now,
      updatedAt: now,
    };
    const save = async () => {
      record.updatedAt = scope.wallNow();
      await state.idempotencyPut(key, record, IDEMPOTENCY_TTL_MS);
    };
    if (!existing) await save();
    const finish = async (status: number, answerBody: Json, outcome: BookingAnswer["outcome"]) => {
      record.status = "done";
      record.response = { status, body: answerBody };
      await save();
      return { status, body: answerBody, replayed: false, outcome };
    };
    const parsed = BookingRequest.safeParse(body);
    if (!parsed.success) {
      const problem = zodProblem(parsed.error, "");
      return finish(problem.status, problem.toJSON() as Json, "invalid");
    }
    const run: BookingRun = { scope, record, save, signal, remaining };
    try {
      const booking = await book(run, parsed.data);
      const response: BookingResponse = { booking };
      return finish(201, response as unknown as Json, "booked");
    } catch (err) {
      const problem = upstreamProblem(err);
      if (FINAL.has(problem.problemType))
        return finish(
          problem.status,
          problem.toJSON() as Json,
          problem.problemType === "slot-unavailable" ? "slot-unavailable" : "invalid",
        );
      // Not final: keep the progress so that a retry with the same key resumes.
      await save().catch(() => undefined);
      throw problem;
    }
  });
}
