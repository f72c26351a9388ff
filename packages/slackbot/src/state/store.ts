/**
 * What the bot must remember across restarts (morning subscriptions, which mornings were sent, the
 * watcher's last snapshot), behind one small interface with three homes: memory (tests), a JSON file
 * (the default) and Redis (`REDIS_URL`, for several processes).
 */

/** Keyed JSON values, plus a once-only claim. */
export interface StateStore {
  /** The value at `key`, or undefined. */
  get<T>(key: string): Promise<T | undefined>;
  /** Stores `value` (JSON) at `key`. */
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Marks `key` as taken for `ttlMs`; true only for the first caller (in any process sharing the
   * store). The morning message is sent only after winning its claim, so it is never sent twice.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

interface Entry {
  value: unknown;
  /** Epoch ms after which the entry is gone; absent = kept. */
  expiresAt?: number;
}

/** The entries of a memory or file store, with expiry applied on read. */
export class EntryMap {
  readonly entries = new Map<string, Entry>();
  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): unknown {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: unknown, ttlMs?: number): void {
    this.entries.set(
      key,
      ttlMs === undefined ? { value: structuredClone(value) } : { value, expiresAt: this.now() + ttlMs },
    );
  }

  /** Drops expired entries (before a save). */
  prune(): void {
    for (const key of [...this.entries.keys()]) this.get(key);
  }
}

/**
 * A store over an EntryMap; `save` runs after every change (nothing for memory, a file write for the
 * file store).
 */
export function entryMapStore(
  map: EntryMap,
  save: () => Promise<void>,
  close: () => Promise<void>,
): StateStore {
  return {
    async get<T>(key: string) {
      const value = map.get(key);
      return value === undefined ? undefined : (structuredClone(value) as T);
    },
    async set(key, value) {
      map.set(key, value);
      await save();
    },
    async delete(key) {
      map.entries.delete(key);
      await save();
    },
    async claim(key, ttlMs) {
      if (map.get(key) !== undefined) return false;
      map.set(key, true, ttlMs);
      await save();
      return true;
    },
    close,
  };
}

/** A store in this process only (tests, or a bot that may forget on restart). */
export function createMemoryStore(): StateStore {
  const nothing = async (): Promise<void> => {};
  return entryMapStore(new EntryMap(), nothing, nothing);
}
