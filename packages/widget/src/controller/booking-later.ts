/**
 * The booking controller's later half (booking-controller.ts makes it once the later chunk is in):
 * what only the details, review and confirmation steps do — checking the details, booking with
 * idempotency, what the booking's outcome leads to, the manage link. None of it is on the first screen.
 */
import type { BookedResponse } from "../api/manage-types.js";
import type { BookingRequest, ClinicProfile, PublicLocation, PublicQuestion } from "../api/types.js";
import { type BookingStep, emitCoreplus } from "../events.js";
import type { CalendarDate } from "../internal/dates.js";
import {
  askedQuestions,
  attributionFrom,
  bookingRequest,
  validateDetails,
  withPrefill,
} from "../internal/details.js";
import type { DetailsDraft, FieldErrors } from "../internal/details-draft.js";
import { createIdempotencyKeys } from "../internal/idempotency.js";
import { keepContact, loadContact } from "../internal/kept-contact.js";
import { bookingLinks } from "../internal/manage-links.js";
import type { Task } from "../internal/task.js";
import { TaskStatus } from "../internal/task.js";
import { messagesFor } from "../messages/index.js";
import { afterBookingError, bookedDetail } from "./after-booking.js";
import type { BookingHost, FlowState } from "./flow-state.js";

/** What the later half reads of the controller (spelled out: the later chunk never imports it). */
export interface FlowCore {
  readonly state: Readonly<FlowState>;
  readonly data: { booking: Task<[BookingRequest, string], BookedResponse> };
  readonly loc: PublicLocation | undefined;
  readonly profile: ClinicProfile | undefined;
  i18n(): { locale: string };
  today(): CalendarDate;
  steps(): BookingStep[];
  goTo(step: BookingStep): void;
  next(from: BookingStep): void;
}

/** The history entries' key for the step. */
const STEP = "coreplusBookingStep";

/** Changes the flow's state; `focus` is where focus moves after the next render. */
export type SetFlow = (patch: Partial<FlowState>, focus?: string) => void;

/** The submitting side of one `<coreplus-booking>`'s flow. */
export class BookingLater {
  readonly #c: FlowCore;
  readonly #host: BookingHost;
  readonly #set: SetFlow;
  readonly #keys = createIdempotencyKeys();
  /** The `prefill` last applied. */
  #prefilled: unknown;
  /** The step the page's current history entry holds, while `history` is on. */
  #at: BookingStep | undefined;
  /** The details last kept in sessionStorage (undefined until the kept ones are read back). */
  #kept: unknown;

  constructor(c: FlowCore, host: BookingHost, set: SetFlow) {
    this.#c = c;
    this.#host = host;
    this.#set = set;
  }

  /**
   * Before each render (the controller's hostUpdate): first the contact details kept in this tab come
   * back; a new `prefill` fills the empty fields; changed details are kept.
   */
  sync(): void {
    const { prefill, clinic } = this.#host;
    let { details, step } = this.#c.state;
    // Nothing can have been typed yet: the details step comes with this half.
    if (!this.#kept) details = { ...details, ...loadContact(clinic) };
    if (prefill !== this.#prefilled) {
      this.#prefilled = prefill;
      details = withPrefill(details, prefill);
    }
    this.#set({ details });
    if (details !== this.#kept) {
      this.#kept = details;
      keepContact(clinic, details);
    }
    // `history`: an entry per step change (carrying only the step's name), Back and Forward show it.
    const on = !!this.#host.history && this.#host.isConnected;
    if (on !== !!this.#at) {
      if (on) history.replaceState({ ...history.state, [STEP]: step }, "");
      (on ? addEventListener : removeEventListener)("popstate", this.#pop);
      this.#at = on ? step : undefined;
    } else if (on && step !== this.#at) {
      this.#at = step;
      history.pushState({ [STEP]: step }, "");
    }
  }

  /** Back or Forward: the entry's step (never the confirmation without a booking, nor a step after one). */
  readonly #pop = (e: PopStateEvent): void => {
    const step = (e.state as Record<string, BookingStep> | null)?.[STEP];
    if (!this.#host.isConnected) {
      // The element left the page: stop (its next sync starts again if it comes back).
      removeEventListener("popstate", this.#pop);
      this.#at = undefined;
    } else if (step && (step === "done") === !!this.#c.state.booked) {
      this.#at = step;
      this.#c.goTo(step);
    }
  };

  /** The clinic's questions for the chosen service (and discipline). */
  questions(): PublicQuestion[] {
    const { state, profile } = this.#c;
    return askedQuestions(profile, state.typeId, state.disciplineId);
  }

  /** The details' errors, in the visitor's language. */
  errors(): FieldErrors {
    const c = this.#c;
    return validateDetails(c.state.details, messagesFor(c.i18n().locale), c.today(), this.questions());
  }

  /**
   * The confirmation's "Change or cancel" link and "Add to calendar" file (the edge API's, the link in it),
   * when the booking has a manage token.
   */
  links(): { manage: string; calendar: string } | undefined {
    const token = this.#c.state.manage?.token;
    return token ? bookingLinks(this.#host, token, location.href) : undefined;
  }

  /** Continue on the details step: the error summary (focused), or the next step. */
  submitDetails(): void {
    const errors = this.errors();
    const showSummary = Object.keys(errors).length > 0;
    this.#set({ errors, showSummary }, showSummary ? "#error-summary" : undefined);
    if (!showSummary) this.#c.next("details");
  }

  /** Confirm booking: one idempotency key per slot and details, reused for every retry. */
  confirm(): void {
    const c = this.#c;
    const { chosen, typeId, details, disciplineId, returning } = c.state;
    if (c.data.booking.status === TaskStatus.PENDING || !chosen || !typeId) return;
    const body = bookingRequest(
      chosen,
      typeId,
      details,
      c.steps().includes("returning") ? returning : undefined,
      this.questions(),
    );
    if (disciplineId) body.slot.disciplineId = disciplineId;
    // Where the visitor came from: the page's UTM parameters when they book.
    const attribution = attributionFrom(location.search);
    if (attribution) body.attribution = attribution;
    this.#set({ bookFailure: undefined });
    // The same body (a retry, a double click) gets the same key; any change gets a new one.
    void c.data.booking.run([body, this.#keys.keyFor(body)]);
  }

  /** Booked: the confirmation, and `coreplus-booked` for the page. */
  booked({ booking, manage }: BookedResponse): void {
    this.#set({ booked: booking, manage, askAnother: undefined });
    this.#keys.reset();
    // Booked: nothing stays behind in the tab (the details stay in memory for "Book another").
    keepContact(this.#host.clinic, {} as DetailsDraft);
    this.#c.goTo("done");
    emitCoreplus(this.#host, "coreplus-booked", bookedDetail(this.#host.clinic, booking));
  }

  /** A failed booking: back to the times, to the details, or a failure on the review (after-booking.ts). */
  bookingFailed(e: unknown): void {
    const c = this.#c;
    const { patch, step } = afterBookingError(
      e,
      c.state,
      messagesFor(c.i18n().locale),
      c.loc?.timezone ?? "UTC",
      c.today(),
    );
    this.#set(patch);
    if (step) c.goTo(step);
    if (step === "details") this.#set({}, "#error-summary");
  }
}
