/**
 * A clinic state's write generation in this process: every write through {@link countingWrites}
 * bumps it once the write is done, so anything computed from the state under an earlier generation
 * may be out of date, and anything stamped with the current one saw every write this process made.
 */
import type { ClinicState } from "./types.js";

/** A counter of writes (one per clinic and process). */
export class Generation {
  value = 0;
}

/**
 * `state`, with every write that can change a public read (cache entries, taken slots) bumping
 * `generation` once it has finished (or failed: its effect is then unknown). Bumped after the write,
 * never before: a reader that began under the old value and read the state before the write landed
 * is then seen as stale; one that began after the bump began after the write.
 */
export function countingWrites(state: ClinicState, generation: Generation): ClinicState {
  const bumped = async (write: Promise<void>) => {
    try {
      await write;
    } finally {
      generation.value++;
    }
  };
  const counted: ClinicState = {
    cacheGet: (key) => state.cacheGet(key),
    cacheSet: (key, value, opts) => bumped(state.cacheSet(key, value, opts)),
    coalesce: (key, fn) => state.coalesce(key, fn),
    withLock: (key, opts, fn) => state.withLock(key, opts, fn),
    idempotencyGet: (key) => state.idempotencyGet(key),
    idempotencyPut: (key, record, ttlMs) => state.idempotencyPut(key, record, ttlMs),
    markSlotTaken: (slotKey, ttlMs) => bumped(state.markSlotTaken(slotKey, ttlMs)),
    takenSlots: () => state.takenSlots(),
    releaseSlot: (slotKey) => bumped(state.releaseSlot(slotKey)),
    hit: (key, limit, windowMs) => state.hit(key, limit, windowMs),
    claimOnce: (key, ttlMs) => state.claimOnce(key, ttlMs),
  };
  const { hitNow } = state;
  if (hitNow) counted.hitNow = hitNow.bind(state);
  return counted;
}
