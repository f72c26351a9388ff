/** Private helper: a bounded LRU map. */

/**
 * A Map used as an LRU with a size cap. Reading an entry makes it the most recent only once it may
 * be in the older half (more than `max / 2` entries placed since it was): an entry among the newer
 * half cannot be the next evicted, and moving it would cost a delete and a set on every read (the
 * hot path reads a few keys in turn). So an entry read at least once every `max / 2` placements is
 * never evicted, and the least recently placed go first.
 */
export class BoundedMap<V> {
  readonly #map = new Map<string, { value: V; placed: number }>();
  /** Counts placements (sets and moves): an entry's distance from the newest end is at most `#tick - placed`. */
  #tick = 0;
  readonly #half: number;
  constructor(readonly max: number) {
    this.#half = Math.max(1, Math.floor(max / 2));
  }
  get(key: string): V | undefined {
    const entry = this.#map.get(key);
    if (entry === undefined) return undefined;
    if (this.#tick - entry.placed >= this.#half) {
      this.#map.delete(key);
      entry.placed = ++this.#tick;
      this.#map.set(key, entry);
    }
    return entry.value;
  }
  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, { value, placed: ++this.#tick });
    while (this.#map.size > this.max) {
      const oldest = this.#map.keys().next().value;
      if (oldest === undefined) break;
      this.#map.delete(oldest);
    }
  }
  delete(key: string): void {
    this.#map.delete(key);
  }
  *entries(): IterableIterator<[string, V]> {
    for (const [key, entry] of this.#map) yield [key, entry.value];
  }
}
