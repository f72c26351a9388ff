/**
 * coreplus's limit: 10 requests per second per consumer (coreplus-api.md §3), as a sliding window
 * over the wall clock. Only admitted requests are recorded, so a client that keeps hammering is
 * admitted again as soon as its oldest admitted request leaves the window.
 */

/** Per-consumer sliding-window admission. */
export class ConsumerWindow {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #starts = new Map<string, number[]>();

  constructor(limit = 10, windowMs = 1000) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Admits (and records) one request at `now`, or returns false when the window is full. */
  admit(consumerId: string, now: number): boolean {
    const starts = (this.#starts.get(consumerId) ?? []).filter((t) => t > now - this.#windowMs);
    const admitted = starts.length < this.#limit;
    if (admitted) starts.push(now);
    this.#starts.set(consumerId, starts);
    return admitted;
  }

  reset(): void {
    this.#starts.clear();
  }
}
