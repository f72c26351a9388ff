/** Where the edge API's short-lived state lives: the interface, and its in-memory implementation. */
export { createMemoryState, type MemoryStateOptions } from "./memory.js";
export {
  type CacheEntry,
  type CacheSetOptions,
  type ClinicState,
  type ConsumerState,
  type EdgeStateFactory,
  type HitResult,
  type IdempotencyRecord,
  type Json,
  type LockOptions,
  LockTimeoutError,
  type StateHealth,
} from "./types.js";
