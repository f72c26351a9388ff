/**
 * The booking flow as a Lit ReactiveController (modelled on @lit/task's Task: it is given its host,
 * adds itself, and asks the host to update when its state changes). It owns the flow's state, the
 * data tasks (booking-data.ts), the transitions between steps and the events; what only the later
 * steps do (checking the details, booking with idempotency, what its outcome leads to) is its later
 * half (booking-later.ts, in the later chunk). The element (booking.component.ts) only holds the
 * public attributes and renders.
 */

import type { AvailabilityResponse, ClinicProfile, PublicLocation, PublicSlot } from "../api/types.js";
import type { BookingStep, CoreplusErrorDetail } from "../events.js";
import { type CalendarDate, longDay } from "../internal/dates.js";
import {
  ANY,
  disciplineFixed,
  type FlowInputs,
  firstUnanswered,
  lockedId,
  lockedLocation,
  settledStep,
  stepAfter,
  visibleSteps,
} from "../internal/flow.js";
import { focusBelowHeader } from "../internal/focus-below-header.js";
import { laterIn, loadLater } from "../internal/later-chunk.js";
import { pageLang } from "../internal/page-lang.js";
import { countTimes, dayWithTimes } from "../internal/slots.js";
import { type FirstMessages, firstAU, resolveLocale } from "../messages/first-screen.js";
import { BookingData } from "./booking-data.js";
import type { BookingLater } from "./booking-later.js";
import { type BookingHost, type FlowState, initialFlowState } from "./flow-state.js";
import type { LaterTransitions } from "./later-flow.js";
import { errorDetail, slotDetail } from "./outcomes.js";
import { StateController } from "./state-controller.js";

/** The flow behind one `<coreplus-booking>`. */
export class BookingController extends StateController<FlowState> implements LaterTransitions {
  /** The data: clinic profile, lists, times and the booking, each a Task (internal/task.ts). */
  readonly data: BookingData;
  readonly #host: BookingHost;
  #half: BookingLater | undefined;
  #preloaded = false;
  #focusTarget: string | undefined;
  // The later views' transitions: the later part (later-flow.ts) sets them once the later chunk is in, which
  // is before any later view renders.
  declare submitDetails: LaterTransitions["submitDetails"];
  declare confirm: LaterTransitions["confirm"];
  declare change: LaterTransitions["change"];
  declare editDetails: LaterTransitions["editDetails"];
  declare askAnother: LaterTransitions["askAnother"];
  declare another: LaterTransitions["another"];

  constructor(host: BookingHost) {
    // Added (by StateController) before the tasks, so hostUpdate settles the state before they read their arguments.
    super(host, initialFlowState());
    this.#host = host;
    this.data = new BookingData(
      host,
      () => ({
        api: host.api,
        clinic: host.clinic,
        locationId: this.state.locationId,
        disciplineId: this.state.disciplineId,
        typeId: this.state.typeId,
        practitionerId: this.state.practitionerId,
        from: this.state.weekFrom,
        to: this.weekTo(),
        // Fetched alongside the profile (not after it) so a deep link skips a lone location sooner.
        everyone:
          !host.location &&
          !!(host.practitioner || host.appointmentType || this.profile?.disciplines?.length),
        refresh: this.state.refresh,
        first: {
          locationId: host.location,
          appointmentTypeId: host.appointmentType,
          practitionerId: host.practitioner,
          disciplineId: host.discipline,
        },
      }),
      {
        profile: (c) =>
          this.emit("coreplus-ready", {
            clinic: host.clinic,
            clinicName: c.name,
            locationCount: c.locations.length,
          }),
        types: (list) => {
          if (this.state.typeId && !list.some((t) => t.id === this.state.typeId))
            this.set({ typeId: undefined });
        },
        practitioners: (list) => {
          const id = this.state.practitionerId;
          if (id && id !== ANY && !list.some((p) => p.id === id)) this.set({ practitionerId: undefined });
        },
        availability: (data) => this.#showDays(data),
        failed: (e, operation) => this.#failed(e, operation),
      },
    );
  }

  // Lifecycle ----------------------------------------------------------------------------------

  /**
   * The later half, once the later chunk (whoever loaded it) is in: every step that needs it comes after.
   * Made on the first host update after the chunk arrives, with the rest of the controller's later part
   * (later-flow.ts: the booking's tasks, the later views' transitions and styles). The later views read it
   * directly (the clinic's questions).
   */
  get later(): BookingLater | undefined {
    const later = laterIn();
    if (later)
      this.#half ??= later.attachLater(
        this,
        this.#host,
        (patch, focus) => {
          this.set(patch);
          if (focus) this.#focusTarget = focus;
        },
        (e) => this.#failed(e, "booking"),
      );
    return this.#half;
  }

  /** Before each render: apply preselections and never stay on a step that cannot be shown. */
  hostUpdate(): void {
    const host = this.#host;
    // The `discipline` attribute, while the clinic has it: a change starts the choices after it again.
    const discipline = lockedId(host.discipline, this.profile?.disciplines);
    if (discipline && this.profile && this.state.disciplineId !== discipline) this.#setDiscipline(discipline);
    const located = lockedLocation(this.flow());
    if (located) this.set({ locationId: located.id });
    // Preselections apply while valid; an id the lists do not offer falls back to a normal choice.
    for (const [attr, list, key] of [
      [host.appointmentType, this.data.types.value, "typeId"],
      [host.practitioner, this.data.practitioners.value, "practitionerId"],
    ] as const) {
      if (lockedId(attr, list)) this.set({ [key]: attr });
      else if (attr && this.state[key] === attr) this.set({ [key]: undefined });
    }
    // The later half's part (kept contact details, prefill, history), once it is in.
    this.later?.sync();
    this.set({ step: settledStep(this.state.step, this.steps(), this.#missingStep()) });
    if (this.state.step === "time" && !this.state.weekFrom && this.loc) this.set({ weekFrom: this.today() });
  }

  /** After each render: move focus where the last transition asked. */
  override hostUpdated(): void {
    if (!this.#focusTarget) return;
    const target = this.#host.renderRoot.querySelector<HTMLElement>(this.#focusTarget);
    this.#focusTarget = undefined;
    if (target) focusBelowHeader(target);
  }

  // What the view reads -------------------------------------------------------------------------

  /**
   * The locale and the first screen's strings: the nearest `lang` on the page, else en-AU (the later
   * views' strings come with them: messages/index.ts).
   */
  i18n(): { locale: string; m: FirstMessages } {
    return { locale: resolveLocale(pageLang(this.#host)), m: firstAU };
  }

  protected override get zone(): string | undefined {
    return this.loc?.timezone;
  }

  override get profile(): ClinicProfile | undefined {
    return this.data.profile.value;
  }

  /** The chosen location. */
  get loc(): PublicLocation | undefined {
    return this.profile?.locations.find((l) => l.id === this.state.locationId);
  }

  /** What decides the steps and the locations offered (internal/flow.ts). */
  flow(): FlowInputs {
    const host = this.#host;
    return {
      profile: this.profile,
      location: host.location,
      appointmentType: host.appointmentType,
      practitioner: host.practitioner,
      discipline: host.discipline,
      disciplineId: this.state.disciplineId,
      types: this.data.types.value,
      practitioners: this.data.practitioners.value,
      everyone: this.data.everyone.value,
    };
  }

  /** The steps this visitor sees. */
  steps(): BookingStep[] {
    return visibleSteps(this.flow());
  }

  /**
   * The first step still waiting for an answer (hidden steps are answered by their preselection); none when
   * every answer is in (the review can be reached).
   */
  #missingStep(): BookingStep | undefined {
    const s = this.state;
    return firstUnanswered({
      discipline: s.disciplineId || disciplineFixed(this.flow()),
      location: s.locationId,
      service: s.typeId,
      practitioner: s.practitionerId,
      returning: s.returning !== undefined || !this.steps().includes("returning"),
      time: s.chosen,
      // Until the checks load no one has typed details (the details step loads with them).
      details: !!this.later && Object.keys(this.later.errors()).length === 0,
    });
  }

  /** Whether a Back button shows. */
  canGoBack(): boolean {
    const index = this.steps().indexOf(this.state.step);
    return index > 0 || (index === 0 && this.state.returnToReview && !this.#missingStep());
  }

  /** "Call {location} on {phone}", once a location is known. */
  contact(m: FirstMessages): string | undefined {
    const l = this.loc ?? lockedLocation(this.flow());
    return l && m.contact(l.name, l.phone);
  }

  // Transitions ---------------------------------------------------------------------------------

  /** Shows a step, moves focus to its heading and tells the page. */
  goTo(step: BookingStep): void {
    const previousStep = this.state.step;
    // The last step's announcement would be read again on the new one.
    this.set({ step, announcement: "" });
    // The challenge is solved in the background while the patient types.
    if (step === "details") loadLater().then(() => this.later && this.data.proofs.prepare(), ignore);
    this.#focusTarget = "#heading";
    const steps = this.steps();
    const index = step === "done" ? steps.length : steps.indexOf(step) + 1;
    this.emit("coreplus-step-change", {
      clinic: this.#host.clinic,
      step,
      previousStep,
      index,
      total: steps.length,
    });
  }

  /** The step after `from`; after a Change link, only what the change invalidated, then the review. */
  next(from: BookingStep): void {
    this.goTo(
      this.state.returnToReview
        ? (this.#missingStep() ?? "review")
        : (stepAfter(this.steps(), from) ?? "review"),
    );
  }

  /** The Back button. */
  back(): void {
    const { step, returnToReview } = this.state;
    const steps = this.steps();
    const toReview = step !== "review" && returnToReview && !this.#missingStep();
    const previous = toReview ? "review" : steps[steps.indexOf(step) - 1];
    if (previous) this.goTo(previous);
  }

  /** A location, service or practitioner was chosen; a new choice clears what depended on the old. */
  pick(key: "locationId" | "typeId" | "practitionerId", id: string, from: BookingStep): void {
    if (this.state[key] !== id) {
      this.set({ [key]: id, chosen: undefined });
      if (key === "locationId") {
        this.set({ typeId: undefined, practitionerId: undefined, weekFrom: undefined, day: undefined });
      }
      const who = this.data.practitioners.value?.find((p) => p.id === this.state.practitionerId);
      if (key === "typeId" && who && !who.appointmentTypeIds.includes(id))
        this.set({ practitionerId: undefined });
    }
    this.next(from);
  }

  /** A discipline was chosen ("What do you need help with?"). */
  pickDiscipline(id: string): void {
    if (this.state.disciplineId !== id) this.#setDiscipline(id);
    this.next("discipline");
  }

  /** Sets the discipline; everything chosen after it depended on it. */
  #setDiscipline(id: string): void {
    this.set({
      disciplineId: id,
      typeId: undefined,
      practitionerId: undefined,
      chosen: undefined,
      weekFrom: undefined,
      day: undefined,
    });
    if (!this.#host.location) this.set({ locationId: undefined });
  }

  /** A day of the week strip was chosen (only a day with times can be): its times are announced. */
  pickDay(date: CalendarDate): void {
    this.set({ day: date });
    this.#showDays(this.data.availability.value!);
  }

  /** A time was chosen. */
  pickSlot(slot: PublicSlot): void {
    this.set({ chosen: slot, notice: "" });
    // A time is picked from the loaded week, which names its zone.
    const timezone = this.data.availability.value!.timezone;
    this.emit("coreplus-slot-selected", slotDetail(this.#host.clinic, slot, this.state, timezone));
    this.next("time");
  }

  /** "Have you seen us before?" was answered. */
  pickReturning(returning: boolean): void {
    if (this.state.returning !== returning) this.set({ returning, typeId: undefined, chosen: undefined });
    this.next("returning");
  }

  // Results of the tasks -------------------------------------------------------------------------

  #showDays(data: AvailabilityResponse): void {
    const { m, locale } = this.i18n();
    this.set({ day: dayWithTimes(data.days, this.state.day) });
    const day = data.days.find((d) => d.date === this.state.day);
    this.#announce(
      day
        ? m.timesOn(countTimes(day), longDay(day.date, locale))
        : m.noTimesInRange(longDay(this.state.weekFrom!, locale), longDay(this.weekTo()!, locale)),
    );
  }

  /**
   * Starts loading the later chunk once (the later views load it again after a failure). Its arrival
   * renders again: the later half is made, its styles adopted, the details step's check applies.
   */
  preload(): void {
    if (this.#preloaded) return;
    this.#preloaded = true;
    loadLater().then(() => this.#host.requestUpdate(), ignore);
  }

  // Events ---------------------------------------------------------------------------------------

  #failed(e: unknown, operation: CoreplusErrorDetail["operation"]): void {
    const detail = errorDetail(e, this.#host.clinic, this.state.step, operation);
    if (detail) this.emit("coreplus-error", detail);
  }

  #announce(text: string): void {
    // A no-break space makes a repeated message a change, so it is read again.
    const { announcement } = this.state;
    this.set({ announcement: announcement === text ? `${text}\u00a0` : text });
  }
}

/** For a load whose failure shows elsewhere (the details view says when the later chunk fails). */
const ignore = (): void => undefined;
