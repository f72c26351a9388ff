/**
 * reference → appointment id for the bookings this edge made, kept in the clinic's cache until the
 * appointment starts. Only an optimisation of the lookup: when it is gone (evicted, another process,
 * a booking made at the front desk) the lookup finds the appointment through the patient's client
 * record instead, at the same cost. Holds no patient detail.
 */
import type { RequestScope } from "../types.js";

const key = (reference: string) => `ref:${reference}`;

/** Remembers which appointment a reference names, until `startMs`. */
export async function rememberReference(
  scope: RequestScope,
  reference: string,
  appointmentId: string,
  startMs: number,
): Promise<void> {
  const freshMs = startMs - scope.now.getTime();
  if (freshMs <= 0) return;
  await scope.rt.state.cacheSet(key(reference), appointmentId, { freshMs, staleMs: 0 });
}

/** The appointment id remembered for a reference, if any. */
export async function recallReference(scope: RequestScope, reference: string): Promise<string | undefined> {
  const entry = await scope.rt.state.cacheGet(key(reference));
  return entry && typeof entry.value === "string" && entry.freshUntil > scope.wallNow()
    ? entry.value
    : undefined;
}
