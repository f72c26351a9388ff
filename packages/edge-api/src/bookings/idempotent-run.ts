/**
 * One request per Idempotency-Key at a time (bookings, cancels, reschedules): a recorded final
 * outcome is replayed; otherwise the attempt runs with the key's patient-free record, which it
 * updates as it goes, and its final outcome is recorded for 24 hours. Anything else (a 429, 5xx or
 * timeout) leaves the record resumable, so a retry with the same key picks up where it stopped.
 * Every coreplus call an attempt makes (with `run.signal`) takes the request budget's priority lane.
 */
import { ProblemError } from "../http/index.js";
import type { IdempotencyRecord, Json } from "../state/index.js";
import type { RequestScope } from "../types.js";
import { priorityLane, upstreamProblem } from "../upstream/index.js";
import { IDEMPOTENCY_TTL_MS } from "./idempotency.js";

/** Nobody waits longer than this for a booking or a change (locks and the request budget included). */
export const BOOKING_ALLOWANCE_MS = 15_000;

/** What an attempt under a key needs. */
export interface IdempotentRun {
  scope: RequestScope;
  record: IdempotencyRecord;
  /** Persists the record's progress (patient-free). */
  save: () => Promise<void>;
  /** Fires when the 15 s allowance runs out. */
  signal: AbortSignal;
  /** Remaining allowance in ms. */
  remaining: () => number;
}

/** An answer under a key: status and JSON body, whether it was replayed, and the outcome for the log. */
export interface IdempotentAnswer<O extends string> {
  status: number;
  body: Json;
  replayed: boolean;
  outcome: O | "replayed";
}

/** How {@link runIdempotent} treats one kind of request. */
export interface IdempotentOptions<O extends string> {
  key: string;
  /** {@link bodyHash} of what pins the key to this request. */
  hash: string;
  /** Said when the key was used for another request ("booking request", "cancellation"). */
  what: string;
  /** The outcome of a final problem (recorded and replayed), or undefined for one that is not final. */
  finalOutcome: (problem: ProblemError) => O | undefined;
  /** Runs once before a new attempt (no record for the key yet) is recorded: the challenge's proof check. */
  beforeNewAttempt?: () => Promise<void>;
}

/** Runs `attempt` under the key's lock, or replays the key's recorded answer. */
export async function runIdempotent<O extends string>(
  scope: RequestScope,
  opts: IdempotentOptions<O>,
  attempt: (run: IdempotentRun) => Promise<{ status: number; body: Json; outcome: O }>,
): Promise<IdempotentAnswer<O>> {
  const started = Date.now();
  // Every coreplus call of the attempt uses this signal, so all of them take the budget's priority lane.
  const signal = priorityLane(AbortSignal.timeout(BOOKING_ALLOWANCE_MS));
  const remaining = () => Math.max(0, BOOKING_ALLOWANCE_MS - (Date.now() - started));
  const { state } = scope.rt;
  const { key, hash } = opts;

  return state.withLock(`idem:${key}`, { waitMs: remaining(), leaseMs: 60_000 }, async () => {
    const existing = await state.idempotencyGet(key);
    if (existing && existing.bodyHash !== hash)
      throw new ProblemError(
        "idempotency-key-reused",
        `This Idempotency-Key was already used for a different ${opts.what}. Use a new key.`,
      );
    if (existing?.status === "done" && existing.response)
      return {
        status: existing.response.status,
        body: existing.response.body,
        replayed: true,
        outcome: "replayed",
      };
    if (!existing) await opts.beforeNewAttempt?.();
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
    const finish = async (status: number, body: Json, outcome: O): Promise<IdempotentAnswer<O>> => {
      record.status = "done";
      record.response = { status, body };
      await save();
      return { status, body, replayed: false, outcome };
    };
    try {
      const answer = await attempt({ scope, record, save, signal, remaining });
      return await finish(answer.status, answer.body, answer.outcome);
    } catch (err) {
      const problem = upstreamProblem(err);
      const outcome = opts.finalOutcome(problem);
      if (outcome !== undefined) return finish(problem.status, problem.toJSON() as Json, outcome);
      // Not final: keep the progress so that a retry with the same key resumes.
      await save().catch(() => undefined);
      throw problem;
    }
  });
}
