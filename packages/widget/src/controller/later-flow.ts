/**
 * What the booking controller takes on once the later chunk is in (booking-controller.ts, `later`, on the
 * first host update after it arrives, before any later view renders): the later half (booking-later.ts),
 * the booking's tasks (booking-task.ts), the transitions only the later views call (Change on the review,
 * typing details, Continue, Confirm booking, the confirmation's link, "Book another appointment" and its
 * "For you again, or someone else?", "Start again"), and the later views' styles (form.styles.ts), adopted
 * into the shadow root after the first screen's as a constructable stylesheet (which a strict CSP allows).
 * None of it is on the first screen.
 */
import type { BookingStep } from "../events.js";
import { formStyles } from "../form.styles.js";
import { type DetailsDraft, emptyDetails } from "../internal/details-draft.js";
import { type FlowInputs, lockedLocation } from "../internal/flow.js";
import { draftForAnother } from "../internal/kept-contact.js";
import { BookingLater, type FlowCore, type SetFlow } from "./booking-later.js";
import { type BookingTasks, bookingTasks } from "./booking-task.js";
import type { BookingHost, FlowState } from "./flow-state.js";

/** The controller's transitions that only the later views (and the manage views' "Book a new time") call. */
export interface LaterTransitions {
  /** Continue on the details step: the error summary (focused), or the next step. */
  submitDetails(): void;
  /** Confirm booking: one idempotency key per slot and details, reused for every retry. */
  confirm(): void;
  /** A "Change" link on the review. */
  change(step: BookingStep): void;
  /** A details field changed. */
  editDetails(key: keyof DetailsDraft, value: string | boolean): void;
  /** "Book another appointment": asks "For you again, or someone else?" (focus on its first answer). */
  askAnother(): void;
  /**
   * A fresh flow, keeping only what the attributes fix ("Start again", the manage views' "Book a new
   * time"); with the answer to "For you again, or someone else?", the contact details arranged for it.
   */
  another(forWhom?: "me" | "other"): void;
}

/** What this reads of the controller (spelled out: the later chunk never imports it). */
export interface LaterCore extends FlowCore {
  readonly data: BookingTasks;
  flow(): FlowInputs;
}

/** What "Book another appointment" clears: every answer (the location too, unless it is fixed). */
export function clearedAnswers(): Partial<FlowState> {
  return {
    disciplineId: undefined,
    chosen: undefined,
    booked: undefined,
    manage: undefined,
    weekFrom: undefined,
    day: undefined,
    typeId: undefined,
    practitionerId: undefined,
    details: emptyDetails(),
    errors: {},
    showSummary: false,
    returnToReview: false,
    returning: undefined,
  };
}

/**
 * Gives `c` its later part: the booking's tasks on `c.data`, the {@link LaterTransitions} on `c`, the styles
 * on `host`'s shadow root; returns the later half. `failed` reports a failed booking (`coreplus-error`).
 */
export function attachLater(
  c: LaterCore,
  host: BookingHost,
  set: SetFlow,
  failed: (error: unknown) => void,
): BookingLater {
  const root = host.renderRoot;
  const sheet = formStyles.styleSheet;
  if (root instanceof ShadowRoot && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const half = new BookingLater(c, host, set);
  Object.assign(c.data, bookingTasks(host, half, failed));
  const transitions: LaterTransitions = {
    submitDetails: () => half.submitDetails(),
    confirm: () => half.confirm(),
    change: (step) => {
      set({ returnToReview: true });
      c.goTo(step);
    },
    editDetails: (key, value) => set({ details: { ...c.state.details, [key]: value } }),
    askAnother: () => set({ askAnother: true }, "#another"),
    another: (forWhom) => {
      const last = c.state.details;
      set(clearedAnswers());
      if (forWhom) set({ details: draftForAnother(last, forWhom, c.state.details) });
      if (!lockedLocation(c.flow())) set({ locationId: undefined });
      c.goTo(c.steps()[0] ?? "time");
    },
  };
  Object.assign(c, transitions);
  return half;
}
