/**
 * The state and behaviour behind `<coreplus-booking>`: the public properties, the flow's state,
 * navigation between steps, booking with idempotency, and the events. The view (rendering) lives in
 * booking.component.ts, which extends this class.
 */
import { TaskStatus } from "@lit/task";
import { LitElement, type PropertyDeclarations } from "lit";
import { EdgeRequestError } from "./api/edge-error.js";
import type {
  AvailabilityResponse,
  BookingSummary,
  ClinicProfile,
  PublicLocation,
  PublicSlot,
} from "./api/types.js";
import { BookingData } from "./booking-data.js";
import { type BookingStep, type CoreplusEventDetails, coreplusEvent, pushDataLayer } from "./events.js";
import { addDays, type CalendarDate, dateIn, earlier, longDay } from "./internal/dates.js";
import {
  bookingRequest,
  type DetailsDraft,
  type DetailsField,
  emptyDetails,
  type FieldErrors,
  fieldForPointer,
  serverFieldMessage,
  validateDetails,
} from "./internal/details.js";
import { ANY, lockedId, lockedLocation, ORDER, stepAfter, visibleSteps } from "./internal/flow.js";
import { createIdempotencyKeys } from "./internal/idempotency.js";
import { countTimes, firstDayWithTimes } from "./internal/slots.js";
import { type Messages, resolveMessages } from "./messages/index.js";

/** The internal reactive state: changing any of these re-renders. */
const STATE = [
  "step",
  "locationId",
  "typeId",
  "practitionerId",
  "weekFrom",
  "day",
  "chosen",
  "details",
  "errors",
  "showSummary",
  "returnToReview",
  "notice",
  "booked",
  "bookFailure",
  "announcement",
  "refresh",
] as const;

/** The flow behind the element; see {@link CoreplusBooking} for the public contract. */
export abstract class BookingFlow extends LitElement {
  // Declared statically rather than with decorators: the same in every compiler, and smaller.
  static override properties: PropertyDeclarations = {
    api: {},
    clinic: {},
    location: {},
    practitioner: {},
    appointmentType: { attribute: "appointment-type" },
    theme: { reflect: true },
    datalayer: { type: Boolean },
    now: { attribute: false },
    langAttribute: { attribute: "lang" },
    ...Object.fromEntries(STATE.map((key) => [key, { state: true }])),
  };

  /** The edge API origin, for example `https://book.example.com`. */
  api = "";
  /** The clinic's public slug. */
  clinic = "";
  /** Preselected location id (skips the location step). */
  location = "";
  /** Preselected practitioner id (skips the practitioner step). */
  practitioner = "";
  /** Preselected appointment type id (skips the service step). */
  appointmentType = "";
  /** `light`, `dark` or `auto`. */
  theme: "light" | "dark" | "auto" = "light";
  /** Also push events to `window.dataLayer`. */
  datalayer = false;
  /** The clock that decides "today" (property only; tests and demos pin it). */
  now: () => Date = () => new Date();
  // `lang` stays the native global attribute (it also tells screen readers the language); this
  // differently named property only observes it, so changing it re-renders.
  /** @internal */ protected langAttribute = "";

  /** @internal */ protected step: BookingStep = "location";
  /** @internal */ protected locationId: string | undefined;
  /** @internal */ protected typeId: string | undefined;
  /** @internal */ protected practitionerId: string | undefined;
  /** @internal */ protected weekFrom: CalendarDate | undefined;
  /** @internal */ protected day: CalendarDate | undefined;
  /** @internal */ protected chosen: PublicSlot | undefined;
  /** @internal */ protected details: DetailsDraft = emptyDetails();
  /** @internal */ protected errors: FieldErrors = {};
  /** @internal */ protected showSummary = false;
  /** @internal */ protected returnToReview = false;
  /** @internal */ protected notice = "";
  /** @internal */ protected booked: BookingSummary | undefined;
  /** @internal */ protected bookFailure: unknown;
  /** @internal */ protected announcement = "";
  /** @internal */ protected refresh = 0;

  /** @internal */ protected keys = createIdempotencyKeys();
  /** @internal */ protected focusTarget: string | undefined;

  /** @internal */ protected data = new BookingData(
    this,
    () => ({
      api: this.api,
      clinic: this.clinic,
      locationId: this.locationId,
      typeId: this.typeId,
      practitionerId: this.practitionerId,
      from: this.weekFrom,
      to: this.weekTo(),
      // Fetched alongside the profile (not after it) so a deep link skips a lone location sooner.
      everyone: !this.location && !!(this.practitioner || this.appointmentType),
      refresh: this.refresh,
    }),
    {
      profile: (c) =>
        this.emit("coreplus-ready", {
          clinic: this.clinic,
          clinicName: c.name,
          locationCount: c.locations.length,
        }),
      types: (list) => {
        if (this.typeId && !list.some((t) => t.id === this.typeId)) this.typeId = undefined;
      },
      practitioners: (list) => {
        const id = this.practitionerId;
        if (id && id !== ANY && !list.some((p) => p.id === id)) this.practitionerId = undefined;
      },
      availability: (data) => this.showDays(data),
      booked: (booking) => this.onBooked(booking),
      bookingFailed: (e) => this.onBookingError(e),
      failed: (e, operation) => this.failed(e, operation),
    },
  );

  // `lang` stays the native global attribute (it also tells screen readers the language); observe it.
  /** @internal */ protected i18n(): { locale: string; m: Messages } {
    const tag = this.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang;
    const { locale, messages } = resolveMessages(tag);
    return { locale, m: messages };
  }

  /** @internal */ protected get profile(): ClinicProfile | undefined {
    return this.data.profile.value;
  }

  /** @internal */ protected get loc(): PublicLocation | undefined {
    return this.profile?.locations.find((l) => l.id === this.locationId);
  }

  /** What decides the steps and the locations offered (internal/flow.ts). @internal */
  protected flow() {
    return {
      profile: this.profile,
      location: this.location,
      appointmentType: this.appointmentType,
      practitioner: this.practitioner,
      types: this.data.types.value,
      practitioners: this.data.practitioners.value,
      everyone: this.data.everyone.value,
    };
  }

  /** @internal */ protected steps(): BookingStep[] {
    return visibleSteps(this.flow());
  }

  /** @internal */ protected today(): CalendarDate {
    return dateIn(this.loc?.timezone ?? "UTC", this.now());
  }

  /** @internal */ protected lastDay(): CalendarDate {
    return addDays(this.today(), this.profile?.rules.maxDaysAhead ?? 60);
  }

  /** @internal */ protected weekTo(): CalendarDate | undefined {
    if (!this.weekFrom) return undefined;
    const to = addDays(this.weekFrom, 6);
    return earlier(to, this.lastDay());
  }

  override willUpdate(): void {
    const located = lockedLocation(this.flow());
    if (located) this.locationId = located.id;
    // Preselections apply while valid; an id the lists do not offer falls back to a normal choice.
    for (const [attr, list, key] of [
      [this.appointmentType, this.data.types.value, "typeId"],
      [this.practitioner, this.data.practitioners.value, "practitionerId"],
    ] as const) {
      if (lockedId(attr, list)) this[key] = attr;
      else if (attr && this[key] === attr) this[key] = undefined;
    }
    const steps = this.steps();
    if (this.step !== "done" && !steps.includes(this.step)) {
      this.step = stepAfter(steps, this.step) ?? "time";
    }
    // Never stay ahead of an unanswered step (a preselection the lists turned out not to offer,
    // a choice a reloaded list no longer has).
    const missing = this.step === "done" ? undefined : this.missingStep();
    if (missing && ORDER.indexOf(missing) < ORDER.indexOf(this.step)) this.step = missing;
    if (this.step === "time" && !this.weekFrom && this.loc) this.weekFrom = this.today();
  }

  override updated(): void {
    if (!this.focusTarget) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    this.focusTarget = undefined;
    target?.focus();
  }

  /** @internal */ protected emit<K extends keyof CoreplusEventDetails>(
    name: K,
    detail: CoreplusEventDetails[K],
  ): void {
    this.dispatchEvent(coreplusEvent(name, detail));
    if (this.datalayer) pushDataLayer(window as { dataLayer?: unknown[] }, name, detail);
  }

  /** @internal */ protected failed(
    e: unknown,
    operation: CoreplusEventDetails["coreplus-error"]["operation"],
  ): void {
    if (!(e instanceof EdgeRequestError) || e.code === "ERR_ABORTED") return;
    this.emit("coreplus-error", {
      clinic: this.clinic,
      code: e.code,
      ...(e.status ? { status: e.status } : {}),
      step: this.step,
      operation,
      retryable: e.retryable,
    });
  }

  /** @internal */ protected announce(text: string): void {
    // A no-break space makes a repeated message a change, so it is read again.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** @internal */ protected goTo(step: BookingStep): void {
    const previousStep = this.step;
    this.step = step;
    this.focusTarget = "#heading";
    const steps = this.steps();
    const index = step === "done" ? steps.length : steps.indexOf(step) + 1;
    this.emit("coreplus-step-change", {
      clinic: this.clinic,
      step,
      previousStep,
      index,
      total: steps.length,
    });
  }

  /** The first step still waiting for an answer (hidden steps are answered by their preselection). @internal */
  protected missingStep(): BookingStep | undefined {
    const { m } = this.i18n();
    const answered: Partial<Record<BookingStep, unknown>> = {
      location: this.locationId,
      service: this.typeId,
      practitioner: this.practitionerId,
      time: this.chosen,
      details: Object.keys(validateDetails(this.details, m, this.today())).length === 0,
    };
    return [...ORDER.slice(0, 5)].find((s) => !answered[s]);
  }

  /** @internal */ protected complete(): boolean {
    return !this.missingStep();
  }

  /** @internal */ protected next(from: BookingStep): void {
    // After a Change link, only what the change invalidated is asked again, then the review.
    this.goTo(
      this.returnToReview ? (this.missingStep() ?? "review") : (stepAfter(this.steps(), from) ?? "review"),
    );
  }

  /** @internal */ protected back(): void {
    const steps = this.steps();
    const toReview = this.step !== "review" && this.returnToReview && this.complete();
    const previous = toReview ? "review" : steps[steps.indexOf(this.step) - 1];
    if (previous) this.goTo(previous);
  }

  /** @internal */ protected pick(
    key: "locationId" | "typeId" | "practitionerId",
    id: string,
    from: BookingStep,
  ): void {
    if (this[key] !== id) {
      this[key] = id;
      this.chosen = undefined;
      if (key === "locationId") {
        this.typeId = this.practitionerId = this.weekFrom = this.day = undefined;
      }
      const who = this.data.practitioners.value?.find((p) => p.id === this.practitionerId);
      if (key === "typeId" && who && !who.appointmentTypeIds.includes(id)) this.practitionerId = undefined;
    }
    this.next(from);
  }

  /** @internal */ protected showDays(data: AvailabilityResponse): void {
    const { m, locale } = this.i18n();
    if (!data.days.some((d) => d.date === this.day && d.slots.length > 0))
      this.day = firstDayWithTimes(data.days)?.date;
    const day = data.days.find((d) => d.date === this.day);
    this.announce(
      day
        ? m.timesOn(countTimes(day), longDay(day.date, locale))
        : m.noTimesInRange(longDay(this.weekFrom!, locale), longDay(this.weekTo()!, locale)),
    );
  }

  /** @internal */ protected pickSlot(slot: PublicSlot): void {
    this.chosen = slot;
    this.notice = "";
    this.emit("coreplus-slot-selected", {
      clinic: this.clinic,
      locationId: slot.locationId,
      appointmentTypeId: this.typeId!,
      practitionerId: slot.practitionerId,
      anyPractitioner: this.practitionerId === ANY,
      start: slot.start,
      end: slot.end,
      timezone: this.data.availability.value?.timezone ?? this.loc!.timezone,
    });
    this.next("time");
  }

  /** @internal */ protected submitDetails(): void {
    const { m } = this.i18n();
    this.errors = validateDetails(this.details, m, this.today());
    this.showSummary = Object.keys(this.errors).length > 0;
    if (this.showSummary) this.focusTarget = "#error-summary";
    else this.next("details");
  }

  /** @internal */ protected confirm(): void {
    if (this.data.booking.status === TaskStatus.PENDING || !this.chosen || !this.typeId) return;
    const body = bookingRequest(this.chosen, this.typeId, this.details);
    this.bookFailure = undefined;
    // The same body (a retry, a double click) gets the same key; any change gets a new one.
    void this.data.booking.run([body, this.keys.keyFor(body)]);
  }

  /** @internal */ protected onBooked(booking: BookingSummary): void {
    this.booked = booking;
    this.keys.reset();
    this.goTo("done");
    const { reference, start, end, timezone, location, practitioner, appointmentType, reminders } = booking;
    this.emit("coreplus-booked", {
      clinic: this.clinic,
      reference,
      start,
      end,
      timezone,
      location: { id: location.id, name: location.name },
      practitioner: { id: practitioner.id, displayName: practitioner.displayName },
      appointmentType: {
        id: appointmentType.id,
        name: appointmentType.name,
        durationMinutes: appointmentType.durationMinutes,
      },
      reminders: { email: reminders.email, sms: reminders.sms },
    });
  }

  /** @internal */ protected onBookingError(e: unknown): void {
    this.failed(e, "booking");
    const { m } = this.i18n();
    if (e instanceof EdgeRequestError && e.code === "ERR_SLOT_UNAVAILABLE") {
      const taken = this.chosen!;
      this.chosen = undefined;
      this.notice = m.slotTaken;
      this.weekFrom = this.day = dateIn(this.loc!.timezone, new Date(taken.start));
      if (this.weekFrom < this.today()) this.weekFrom = this.today();
      this.refresh++;
      this.returnToReview = true;
      this.goTo("time");
      return;
    }
    const fields = e instanceof EdgeRequestError && e.code === "ERR_VALIDATION" ? e.fieldErrors : [];
    const mapped = fields.map((f) => fieldForPointer(f.pointer)).filter((f): f is DetailsField => !!f);
    if (mapped.length > 0) {
      this.errors = Object.fromEntries(mapped.map((f) => [f, serverFieldMessage(f, m)]));
      this.showSummary = true;
      this.returnToReview = true;
      this.goTo("details");
      this.focusTarget = "#error-summary";
      return;
    }
    this.bookFailure = e;
  }

  /** @internal */ protected another(): void {
    this.chosen = this.booked = this.weekFrom = this.day = undefined;
    this.typeId = this.practitionerId = undefined;
    if (!lockedLocation(this.flow())) this.locationId = undefined;
    this.details = emptyDetails();
    this.errors = {};
    this.showSummary = this.returnToReview = false;
    this.goTo(this.steps()[0] ?? "time");
  }

  /** @internal */ protected contact(m: Messages): string | undefined {
    const l = this.loc ?? lockedLocation(this.flow());
    return l ? m.contact(l.name, l.phone) : undefined;
  }

  /** @internal */ protected showWeek(from: CalendarDate): void {
    this.weekFrom = from;
    this.notice = "";
  }
}
