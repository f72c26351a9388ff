/** Private helper: a bounded LRU map. */

/** A Map used as an LRU with a size cap: reading an entry makes it the most recent. */
export class BoundedMap<V> {
  readonly #map = new Map<string, V>();
  /** The most recent key: reading it again needs no reordering (the hot path reads one key in a row). */
  #last: string | undefined;
  constructor(readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined && key !== this.#last) {
      this.#map.delete(key);
      this.#map.set(key, v);
      this.#last = key;
    }
    return v;
  }
  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    this.#last = key;
    while (this.#map.size > this.max) {
      const oldest = this.#map.keys().next().value;
      if (oldest === undefined) break;
      this.#map.delete(oldest);
    }
  }
  delete(key: string): void {
    this.#map.delete(key);
    if (key === this.#last) this.#last = undefined;
  }
  entries(): IterableIterator<[string, V]> {
    return this.#map.entries();
  }
}
