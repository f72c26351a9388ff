/**
 * A store that exists before its home is open: createSlackbot is synchronous, but a file must be read
 * and Redis connected first. Calls wait until `open` is given the real store (in `start()`).
 */
import type { StateStore } from "./store.js";

/** A StateStore whose calls wait for `open`. */
export interface DeferredStore extends StateStore {
  open(store: StateStore): void;
  /** Rejects every waiting and future call (opening failed). */
  fail(error: unknown): void;
}

/** Creates a deferred store. */
export function deferredStore(): DeferredStore {
  let resolve!: (store: StateStore) => void;
  let reject!: (error: unknown) => void;
  const ready = new Promise<StateStore>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A failure is reported by start(); waiting calls see it too, but it is never unhandled.
  ready.catch(() => {});
  let opened: StateStore | undefined;
  return {
    open(store) {
      opened = store;
      resolve(store);
    },
    fail: (error) => reject(error),
    get: async (key) => (await ready).get(key),
    set: async (key, value) => (await ready).set(key, value),
    delete: async (key) => (await ready).delete(key),
    claim: async (key, ttlMs) => (await ready).claim(key, ttlMs),
    async close() {
      await opened?.close();
    },
  };
}
