/** Private helper: one promise per key while it runs, shared by every caller that asks meanwhile. */
export class InFlight {
  readonly #running = new Map<string, Promise<unknown>>();

  /** `start()`'s promise, or the one already running for `key`. */
  run<T>(key: string, start: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) return running as Promise<T>;
    const p = start().finally(() => this.#running.delete(key));
    this.#running.set(key, p);
    return p;
  }
}
