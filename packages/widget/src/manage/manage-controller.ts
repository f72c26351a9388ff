/**
 * Managing one booking, as a Lit ReactiveController beside the booking flow's (in the later chunk, with
 * the manage views): follows the `booking` and `view` attributes and the page's `coreplus_booking`
 * parameter (the booking flow shows when they ask for no manage view), opens "Find my booking" from the
 * first step, finds a booking by reference, last name and date of birth, reads it by its token, moves it
 * to another time of the same service and place, or cancels it. Every change carries one
 * Idempotency-Key per attempt, reused for its retries, like bookings. The first screen's ManageEntry
 * (view/manage-entry.ts) decides that a manage view is asked for, makes this once the chunk is in, and
 * renders manage-view.ts's card while `state.screen` is not "book".
 */

import type { TemplateResult } from "lit";
import { createEdgeClient } from "../api/edge-client.js";
import { createManageClient } from "../api/manage-client.js";
import type {
  CancelRequest,
  ManagedBooking,
  ManagedResponse,
  ProfileWithChanges,
  RescheduleRequest,
} from "../api/manage-types.js";
import type { AvailabilityResponse, PublicSlot } from "../api/types.js";
import { slotTaken } from "../controller/after-booking.js";
import { errorDetail } from "../controller/outcomes.js";
import { createProofs, type Proofs } from "../controller/proofs.js";
import { StateController } from "../controller/state-controller.js";
import type { ManageOperation } from "../events.js";
import { type CalendarDate, dateIn, later } from "../internal/dates.js";
import { createIdempotencyKeys } from "../internal/idempotency.js";
import { bookingLinks } from "../internal/manage-links.js";
import { askedView, type WidgetView } from "../internal/requested-view.js";
import { dayWithTimes } from "../internal/slots.js";
import { initialState, Task, TaskStatus } from "../internal/task.js";
import { type Messages, messagesFor } from "../messages/index.js";
import { type ManageMessages, manageMessages } from "../messages/manage.js";
import {
  initialManageState,
  type ManageFlow,
  type ManageHost,
  type ManageScreen,
  type ManageState,
} from "./manage-state.js";
import {
  afterChangeError,
  afterLookupError,
  type FindDraft,
  lookupRequest,
  managedDetail,
  rescheduledDetail,
  validateFind,
} from "./outcomes.js";

/** A change of a booking, by the manage client's call for it (and the `coreplus-error` operation). */
type ManageChange = "cancel" | "reschedule";

type AvailabilityArgs = readonly [
  string,
  string,
  ManagedBooking | undefined,
  CalendarDate | undefined,
  CalendarDate | undefined,
  number,
];

/** The manage views' flow behind one element, and the switch between them and the booking flow. */
export class ManageController extends StateController<ManageState> {
  readonly booking: Task<readonly [string, string, string | undefined, number], ManagedBooking>;
  readonly availability: Task<AvailabilityArgs, AvailabilityResponse>;
  readonly lookup: Task<[FindDraft], ManagedResponse>;
  /** The cancel or the reschedule (one at a time: its screen ignores presses while it is under way). */
  readonly change: Task<[string, ManageChange, CancelRequest | RescheduleRequest, string], ManagedResponse>;
  readonly #host: ManageHost;
  readonly #flow: ManageFlow;
  /** Whether "Find my booking" was opened from the booking flow (it then has a Back button). */
  fromBooking: boolean | undefined;
  /** The manage views' card (manage-view.ts, given by ManageEntry: it reads this), or undefined while the booking flow shows. */
  readonly render: () => TemplateResult | undefined;
  /** What the attributes and the page asked for when last followed. */
  #asked: string | undefined;
  #keys = createIdempotencyKeys();
  /** Proofs of the clinic's challenge for the lookup and the changes, solved in the background. */
  readonly #proofs: Proofs;
  #focus: boolean | undefined;
  /** The change last run (its outcome and failure are told as this). */
  #change: ManageChange | undefined;

  /**
   * Made once the chunk is in: shows what the attributes ask for (moving focus there when `moveFocus`, as
   * after "Try again"), then "Find my booking" when `find` (it was pressed while the chunk loaded).
   */
  constructor(
    host: ManageHost,
    flow: ManageFlow,
    find: boolean,
    moveFocus: boolean,
    view: (c: ManageController) => TemplateResult | undefined,
  ) {
    super(host, initialManageState);
    this.render = () => view(this);
    this.#host = host;
    this.#flow = flow;
    this.#proofs = createProofs(host);
    const manage = () => createManageClient(host.api, host.clinic, this.#proofs);
    this.booking = new Task(host, {
      task: async ([, , token], { signal }) => {
        if (!token) return initialState;
        // A lookup or a change answered the booking of this token already.
        return this.state.known?.booking ?? (await manage().get(token, signal)).booking;
      },
      args: () => [host.api, host.clinic, this.state.token, this.state.reload] as const,
      onError: (e) => this.#failed(e, "manage-booking"),
    });
    this.availability = new Task(host, {
      // The same service, place and practitioner as the booking, on its times screens only (which always
      // have a week: Reschedule and a taken time set it).
      task: ([api, clinic, b, from, to], { signal }) =>
        b
          ? createEdgeClient(api, clinic).availability(
              {
                locationId: b.location.id,
                appointmentTypeId: b.appointmentType.id,
                practitionerId: b.practitioner.id,
                from: from!,
                to: to!,
              },
              signal,
            )
          : initialState,
      args: () => {
        const s = this.state;
        const b = s.screen === "times" || s.screen === "confirm-move" ? this.current : undefined;
        return [host.api, host.clinic, b, b && s.weekFrom, b && this.weekTo(), s.refresh] as const;
      },
      onComplete: (data) => this.set({ day: dayWithTimes(data.days, this.state.day) }),
      onError: (e) => this.#failed(e, "reschedule"),
    });
    this.lookup = new Task<[FindDraft], ManagedResponse>(host, {
      task: ([draft], { signal }) => manage().lookup(lookupRequest(draft), signal),
      onComplete: (r) => this.#show(r, "view"),
      onError: (e) => {
        this.#failed(e, "lookup");
        const outcome = afterLookupError(e);
        const retry = outcome === "retry";
        this.set({ failure: retry ? e : undefined, findProblem: retry ? "" : outcome });
        this.#focus = true;
      },
    });
    this.change = new Task(host, {
      // The body is its change's (#run's callers).
      task: ([token, change, body, key], { signal }) => manage()[change](token, body as never, key, signal),
      onComplete: (r) => {
        // Its screen showed the booking.
        const before = this.current!;
        if (this.#change === "cancel") {
          this.#show(r, "cancelled");
          this.emit("coreplus-cancelled", managedDetail(host.clinic, r.booking));
        } else {
          this.#show(r, "moved");
          this.emit("coreplus-rescheduled", rescheduledDetail(host.clinic, before, r.booking));
        }
      },
      onError: (e) => this.#changeFailed(e, this.#change!),
    });
    this.#follow(moveFocus);
    if (find) this.openFind();
  }

  /** The booking as last read or changed. */
  get current(): ManagedBooking | undefined {
    return this.state.known?.booking ?? this.booking.value;
  }

  /** The strings of these views, and the booking flow's. */
  i18n(): { locale: string; m: Messages; mm: ManageMessages } {
    const { locale } = this.#flow.i18n();
    return { locale, m: messagesFor(locale), mm: manageMessages(locale) };
  }

  protected override get zone(): string | undefined {
    return this.current?.timezone;
  }

  /** The clinic's profile, when loaded. */
  override get profile(): ProfileWithChanges | undefined {
    return this.#flow.profile;
  }

  /** Follows the attributes and the page's query whenever what they ask for changes. */
  hostUpdate(): void {
    this.#follow(false);
  }

  override hostUpdated(): void {
    if (!this.#focus) return;
    this.#focus = false;
    const root = this.#host.renderRoot;
    (
      root.querySelector<HTMLElement>("#error-summary") ?? root.querySelector<HTMLElement>("#heading")
    )?.focus();
  }

  // Transitions ----------------------------------------------------------------------------------

  #follow(moveFocus: boolean): void {
    const asked = askedView(this.#host);
    const key = JSON.stringify(asked);
    if (key === this.#asked) return;
    this.#asked = key;
    this.fromBooking = false;
    this.open(asked, moveFocus);
  }

  /** Opens what the attributes or the page ask for; `moveFocus` after a visitor's action. */
  open(view: WidgetView, moveFocus: boolean): void {
    const manage = view.view === "manage";
    this.set({
      ...initialManageState,
      token: manage ? view.token : undefined,
      screen: manage ? "view" : view.view,
    });
    // Solved while the patient types their details or reads their booking: ready when they act.
    if (view.view !== "book") this.#proofs.prepare();
    if (moveFocus) this.#focus = true;
  }

  /** "Find my booking" on the booking flow's first step. */
  openFind(): void {
    this.fromBooking = true;
    this.open({ view: "find" }, true);
  }

  /** "Book a new time", or Back from "Find my booking" opened from the first step: the booking flow. */
  toBooking(): void {
    this.set({ screen: "book" });
    this.#flow.another();
  }

  /**
   * "Add to calendar" for the booking shown (it has a token whenever it shows): the edge API's file, with
   * this page's "Change or cancel" link in it.
   */
  calendarHref(): string {
    return bookingLinks(this.#host, this.state.token!, location.href).calendar;
  }

  /** Shows a screen and moves focus to its heading. */
  go(screen: ManageScreen): void {
    this.set({ screen, failure: undefined, notice: "" });
    this.#focus = true;
  }

  /** Back, where there is one. */
  back(): void {
    const screen = this.state.screen;
    if (screen === "find") this.toBooking();
    else this.go(screen === "confirm-move" ? "times" : "view");
  }

  editFind(key: keyof FindDraft, value: string): void {
    this.set({ find: { ...this.state.find, [key]: value } });
  }

  /** "Find my booking": the form's errors (the summary focused), or the lookup. */
  submitFind(): void {
    if (this.lookup.status === TaskStatus.PENDING) return;
    const { m, mm } = this.i18n();
    const findErrors = validateFind(this.state.find, m, mm);
    this.set({ findErrors, findProblem: "", failure: undefined });
    if (Object.keys(findErrors).length > 0) this.#focus = true;
    else void this.lookup.run([this.state.find]);
  }

  /** "Reschedule": straight to the times of the same service and place. */
  startMove(): void {
    // Its button shows with the booking.
    const b = this.current!;
    this.set({
      weekFrom: later(dateIn(b.timezone, new Date(b.start)), this.today()),
      day: undefined,
      chosen: undefined,
    });
    this.go("times");
  }

  pickDay(date: CalendarDate): void {
    this.set({ day: date });
  }

  pickSlot(slot: PublicSlot): void {
    this.set({ chosen: slot });
    this.go("confirm-move");
  }

  /** "Confirm new time": one key per (booking, new time), reused by every retry. */
  confirmMove(): void {
    // Its screen shows the time chosen.
    const { start, practitionerId } = this.state.chosen!;
    this.#run("reschedule", { start, practitionerId });
  }

  editReason(value: string): void {
    this.set({ reason: value });
  }

  /** "Cancel appointment" on the confirm step: one key per (booking, reason). */
  confirmCancel(): void {
    // Never over REASON_MAX: the field's maxlength stops it (and the edge API refuses a longer one).
    const text = this.state.reason.trim();
    this.#run("cancel", text ? { reason: text } : {});
  }

  /** Runs a change, unless one is under way; one key per (booking, change, body), reused by every retry. */
  #run(change: ManageChange, body: CancelRequest | RescheduleRequest): void {
    const { token } = this.state;
    if (!token || this.change.status === TaskStatus.PENDING) return;
    this.#change = change;
    this.set({ failure: undefined });
    void this.change.run([token, change, body, this.#keys.keyFor({ token, [change]: body })]);
  }

  // Results -------------------------------------------------------------------------------------

  #show(r: ManagedResponse, screen: ManageScreen): void {
    this.#keys.reset();
    this.set({ ...initialManageState, token: r.manage?.token ?? this.state.token, known: r, screen });
    this.#focus = true;
  }

  #changeFailed(e: unknown, operation: ManageOperation): void {
    this.#failed(e, operation);
    const outcome = afterChangeError(e);
    if (outcome === "failure") this.set({ failure: e });
    else if (outcome === "slot-taken") {
      // Only a reschedule, which has a time chosen, finds its time taken.
      const { chosen, refresh } = this.state;
      this.go("times");
      this.set(slotTaken(chosen!.start, refresh, this.i18n().m, this.current!.timezone, this.today()));
    } else {
      // Too late: the phone instead of the buttons; cancelled or gone meanwhile: read it again.
      this.set(
        outcome === "too-late" ? { tooLate: true } : { known: undefined, reload: this.state.reload + 1 },
      );
      this.go("view");
    }
  }

  // Events --------------------------------------------------------------------------------------

  #failed(e: unknown, operation: ManageOperation): void {
    const step = this.state.screen === "find" ? "find" : "manage";
    const detail = errorDetail(e, this.#host.clinic, step, operation);
    if (detail) this.emit("coreplus-error", detail);
  }
}
