/**
 * The opt-in `history` attribute: each step change pushes a history entry, so the browser's Back and
 * Forward (and a phone's back gesture) move between steps instead of leaving the booking. Entries
 * carry only the step's name, never an answer.
 */
import type { BookingStep } from "../events.js";

const KEY = "coreplusBookingStep";

/** Keeps the page's history in step with the flow; `show` is called for Back and Forward. */
export class StepHistory {
  readonly #show: (step: BookingStep) => void;
  #listening = false;

  constructor(show: (step: BookingStep) => void) {
    this.#show = show;
  }

  readonly #onPop = (e: PopStateEvent) => {
    const step = (e.state as Record<string, unknown> | null)?.[KEY];
    if (typeof step === "string") this.#show(step as BookingStep);
  };

  /** Starts listening, recording `step` as the current entry. */
  start(step: BookingStep): void {
    if (this.#listening) return;
    this.#listening = true;
    history.replaceState({ ...(history.state ?? {}), [KEY]: step }, "");
    window.addEventListener("popstate", this.#onPop);
  }

  /** Stops listening (the element left the page, or `history` was removed). */
  stop(): void {
    if (!this.#listening) return;
    this.#listening = false;
    window.removeEventListener("popstate", this.#onPop);
  }

  /** A step change the visitor made (not Back or Forward): a new entry. */
  push(step: BookingStep): void {
    if (!this.#listening || history.state?.[KEY] === step) return;
    history.pushState({ [KEY]: step }, "");
  }
}
