/**
 * Managing one booking, as a Lit ReactiveController beside the booking flow's (loaded with the
 * manage views only): find it by reference, last name and date of birth, read it by its token, move
 * it to another time of the same service and place, or cancel it. Every change carries one
 * Idempotency-Key per attempt, reused for its retries, like bookings.
 */

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
import { errorDetail } from "../controller/outcomes.js";
import { createProofs, type Proofs } from "../controller/proofs.js";
import { StateController } from "../controller/state-controller.js";
import type { ManageOperation } from "../events.js";
import { type CalendarDate, dateIn, later } from "../internal/dates.js";
import { createIdempotencyKeys } from "../internal/idempotency.js";
import type { WidgetView } from "../internal/requested-view.js";
import { firstDayWithTimes } from "../internal/slots.js";
import { initialState, Task, TaskStatus } from "../internal/task.js";
import { type Messages, messagesFor } from "../messages/index.js";
import { type ManageMessages, manageMessages } from "../messages/manage.js";
import {
  initialManageState,
  type ManageDeps,
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
  REASON_MAX,
  rescheduledDetail,
  validateFind,
} from "./outcomes.js";

type AvailabilityArgs = readonly [
  string,
  string,
  ManagedBooking | undefined,
  CalendarDate | undefined,
  CalendarDate | undefined,
  number,
];

/** The manage views' flow behind one element. */
export class ManageController extends StateController<ManageState> {
  readonly booking: Task<readonly [string, string, string, number], ManagedBooking>;
  readonly availability: Task<AvailabilityArgs, AvailabilityResponse>;
  readonly lookup: Task<[FindDraft], ManagedResponse>;
  readonly cancelTask: Task<[string, CancelRequest, string], ManagedResponse>;
  readonly moveTask: Task<[string, RescheduleRequest, string], ManagedResponse>;
  readonly #host: ManageHost;
  /** What the element lends these views: the view reads the way back ("Book a new time", Back) from it. */
  readonly deps: ManageDeps;
  #keys = createIdempotencyKeys();
  /** Proofs of the clinic's challenge for the lookup and the changes, solved in the background. */
  readonly #proofs: Proofs;
  #focus = false;

  constructor(host: ManageHost, deps: ManageDeps) {
    super(host, initialManageState);
    this.#host = host;
    this.deps = deps;
    this.#proofs = createProofs(
      () => createEdgeClient(host.api, host.clinic),
      undefined,
      () => (host instanceof HTMLElement ? host : undefined),
    );
    const manage = () => createManageClient(host.api, host.clinic, this.#proofs);
    this.booking = new Task(host, {
      task: async ([, , token], { signal }) => {
        if (!token) return initialState;
        // A lookup or a change answered the booking of this token already.
        return this.state.known?.booking ?? (await manage().get(token, signal)).booking;
      },
      args: () => [host.api, host.clinic, this.state.token ?? "", this.state.reload] as const,
      onError: (e) => this.#failed(e, "manage-booking"),
    });
    this.availability = new Task(host, {
      // The same service, place and practitioner as the booking, on its times screens only.
      task: ([api, clinic, b, from, to], { signal }) =>
        b && from && to
          ? createEdgeClient(api, clinic).availability(
              {
                locationId: b.location.id,
                appointmentTypeId: b.appointmentType.id,
                practitionerId: b.practitioner.id,
                from,
                to,
              },
              signal,
            )
          : initialState,
      args: () => {
        const s = this.state;
        const b = s.screen === "times" || s.screen === "confirm-move" ? this.current : undefined;
        return [host.api, host.clinic, b, b && s.weekFrom, b && this.weekTo(), s.refresh] as const;
      },
      onComplete: (data) => {
        if (!data.days.some((d) => d.date === this.state.day && d.slots.length > 0))
          this.set({ day: firstDayWithTimes(data.days)?.date });
      },
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
    this.cancelTask = new Task<[string, CancelRequest, string], ManagedResponse>(host, {
      task: ([token, body, key], { signal }) => manage().cancel(token, body, key, signal),
      onComplete: (r) => {
        this.#show(r, "cancelled");
        this.emit("coreplus-cancelled", managedDetail(host.clinic, r.booking));
      },
      onError: (e) => this.#changeFailed(e, "cancel"),
    });
    this.moveTask = new Task<[string, RescheduleRequest, string], ManagedResponse>(host, {
      task: ([token, body, key], { signal }) => manage().reschedule(token, body, key, signal),
      onComplete: (r) => {
        const before = this.current;
        this.#show(r, "moved");
        if (before) this.emit("coreplus-rescheduled", rescheduledDetail(host.clinic, before, r.booking));
      },
      onError: (e) => this.#changeFailed(e, "reschedule"),
    });
  }

  /** The booking as last read or changed. */
  get current(): ManagedBooking | undefined {
    return this.state.known?.booking ?? this.booking.value;
  }

  /** The strings of these views, and the booking flow's. */
  i18n(): { locale: string; m: Messages; mm: ManageMessages } {
    const { locale } = this.deps.i18n();
    return { locale, m: messagesFor(locale), mm: manageMessages(locale) };
  }

  protected override get zone(): string | undefined {
    return this.current?.timezone;
  }

  /** The clinic's profile, when loaded. */
  override get profile(): ProfileWithChanges | undefined {
    return this.deps.profile();
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

  /** Opens what the attributes or the page ask for; `moveFocus` after a visitor's action. */
  open(view: WidgetView, moveFocus: boolean): void {
    const manage = view.view === "manage";
    this.set({
      ...initialManageState,
      token: manage ? view.token : undefined,
      screen: manage ? "view" : "find",
    });
    // Solved while the patient types their details or reads their booking: ready when they act.
    this.#proofs.prepare();
    if (moveFocus) this.#focus = true;
  }

  /** Shows a screen and moves focus to its heading. */
  go(screen: ManageScreen): void {
    this.set({ screen, failure: undefined, notice: screen === "times" ? this.state.notice : "" });
    this.#focus = true;
  }

  /** Back, where there is one. */
  back(): void {
    const screen = this.state.screen;
    if (screen === "find") this.deps.toBooking();
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
    const b = this.current;
    if (!b) return;
    this.set({
      weekFrom: later(dateIn(b.timezone, new Date(b.start)), this.today()),
      day: undefined,
      chosen: undefined,
      notice: "",
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
    const { token, chosen } = this.state;
    if (!token || !chosen || this.moveTask.status === TaskStatus.PENDING) return;
    const body: RescheduleRequest = { start: chosen.start, practitionerId: chosen.practitionerId };
    this.set({ failure: undefined });
    void this.moveTask.run([token, body, this.#keys.keyFor({ token, reschedule: body })]);
  }

  editReason(value: string): void {
    this.set({ reason: value, reasonError: "" });
  }

  /** "Cancel appointment" on the confirm step: one key per (booking, reason). */
  confirmCancel(): void {
    const { token, reason } = this.state;
    if (!token || this.cancelTask.status === TaskStatus.PENDING) return;
    const text = reason.trim();
    if (text.length > REASON_MAX) {
      this.set({ reasonError: this.i18n().mm.reasonTooLong });
      this.#focus = true;
      return;
    }
    const body: CancelRequest = text ? { reason: text } : {};
    this.set({ failure: undefined });
    void this.cancelTask.run([token, body, this.#keys.keyFor({ token, cancel: body })]);
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
      const taken = this.state.chosen;
      const day = taken && dateIn(this.current?.timezone ?? "UTC", new Date(taken.start));
      this.set({
        chosen: undefined,
        notice: this.i18n().m.slotTaken,
        refresh: this.state.refresh + 1,
        ...(day ? { day, weekFrom: later(day, this.today()) } : {}),
      });
      this.go("times");
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
