/**
 * The priority lane of the consumer's request budget. Bookings, cancels and reschedules run under one
 * deadline signal that they pass to every coreplus call they make; marking that signal puts all of
 * those calls in the lane: they jump the budget's queue and may use the slots reads leave free, so a
 * flood of reads cannot starve a booking (see core's `AcquireOptions.priority`).
 */

const lane = new WeakSet<AbortSignal>();

/** Marks `signal` so that every coreplus call made with it has priority; returns it. */
export function priorityLane(signal: AbortSignal): AbortSignal {
  lane.add(signal);
  return signal;
}

/** Whether a call made with `signal` has priority. */
export function hasPriority(signal: AbortSignal | undefined): boolean {
  return signal !== undefined && lane.has(signal);
}
