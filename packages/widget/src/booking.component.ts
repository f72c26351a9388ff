/**
 * The `<coreplus-booking>` element's class (no side effects: coreplus-booking.ts registers it). The
 * flow's state and behaviour are in booking-flow.ts; this file is the public contract and the view.
 */
import { TaskStatus } from "@lit/task";
import { html, nothing, type TemplateResult } from "lit";
import { EdgeRequestError } from "./api/edge-error.js";
import type { ClinicProfile } from "./api/types.js";
import { bookingStyles } from "./booking.styles.js";
import { BookingFlow } from "./booking-flow.js";
import type { BookingStep } from "./events.js";
import { addDays, later, longDay } from "./internal/dates.js";
import { ANY, lockedId, offeredLocations } from "./internal/flow.js";
import { countTimes } from "./internal/slots.js";
import type { Messages } from "./messages/index.js";
import { detailsStep } from "./steps/details-step.js";
import { doneStep } from "./steps/done-step.js";
import { reviewRows, reviewStep } from "./steps/review-step.js";
import { type ChoiceItem, choiceList, choiceSkeleton, problemNotice } from "./steps/shared.js";
import { timeStep } from "./steps/time-step.js";

/** The part of a Task the step renderers read. */
interface Loadable<R> {
  status: TaskStatus;
  value: R | undefined;
  error: unknown;
  run(): Promise<void>;
}

/**
 * Online booking for a clinic that runs coreplus, talking to the coreplus-kit edge API.
 *
 * @summary `<coreplus-booking api="https://book.example.com" clinic="harbourside">`
 *
 * @attr api - The edge API origin.
 * @attr clinic - The clinic's public slug.
 * @attr location - Preselects a location id and skips that step.
 * @attr practitioner - Preselects a practitioner id and skips that step.
 * @attr appointment-type - Preselects an appointment type id and skips that step.
 * @attr lang - Language (en-AU, en-US); defaults to the page's, else en-AU.
 * @attr theme - `light` (default), `dark` or `auto` (follows prefers-color-scheme).
 * @attr datalayer - When present, every event is also pushed to `window.dataLayer`.
 *
 * @fires {CustomEvent<CoreplusReadyDetail>} coreplus-ready - The clinic loaded; the first step shows.
 * @fires {CustomEvent<CoreplusStepChangeDetail>} coreplus-step-change - Another step shows.
 * @fires {CustomEvent<CoreplusSlotSelectedDetail>} coreplus-slot-selected - A time was picked.
 * @fires {CustomEvent<CoreplusBookedDetail>} coreplus-booked - Booked; the summary without patient details.
 * @fires {CustomEvent<CoreplusErrorDetail>} coreplus-error - A load or booking failed (no patient details).
 *
 * @csspart card - The card around everything.
 * @csspart progress - The "Step 3 of 5 · Date and time" line.
 * @csspart heading - Each step's heading.
 * @csspart back-button - The Back button.
 * @csspart choice - A location, service or practitioner button.
 * @csspart day - A day button of the week strip.
 * @csspart time - A time pill.
 * @csspart label - A field's label.
 * @csspart input - A text input or textarea.
 * @csspart checkbox - The consent checkbox.
 * @csspart field-error - A field's error message.
 * @csspart error-summary - The error summary above the form.
 * @csspart notice - An information or error notice.
 * @csspart summary - The review and confirmation summary list.
 * @csspart primary-button - Continue / Confirm booking.
 * @csspart secondary-button - Retry, week arrows, Next available, Add to calendar, Book another.
 *
 * @cssproperty --coreplus-accent - Buttons, selection and links.
 * @cssproperty --coreplus-accent-text - Text on the accent colour.
 * @cssproperty --coreplus-bg - The card's background.
 * @cssproperty --coreplus-surface - Hover and skeleton background.
 * @cssproperty --coreplus-text - Body text.
 * @cssproperty --coreplus-muted - Hints and secondary text.
 * @cssproperty --coreplus-border - Borders of the card, choices and inputs.
 * @cssproperty --coreplus-error - Error text and borders.
 * @cssproperty --coreplus-success - The confirmation tick.
 * @cssproperty --coreplus-focus - The focus ring.
 * @cssproperty --coreplus-font - The font stack.
 * @cssproperty --coreplus-font-size - The base size (never below 16px: iOS zooms smaller inputs).
 * @cssproperty --coreplus-radius - Corner radius.
 * @cssproperty --coreplus-space - The spacing unit (8px grid).
 * @cssproperty --coreplus-max-width - The card's widest size.
 */
export class CoreplusBooking extends BookingFlow {
  static override styles = bookingStyles;

  /** @internal */ protected problem(
    error: unknown,
    retry: () => unknown,
    m: Messages,
    booking = false,
  ): TemplateResult {
    const known = error instanceof EdgeRequestError ? error : undefined;
    if (known?.code === "ERR_NOT_FOUND") return problemNotice(m.notFound);
    // A refusal replays for the same request (idempotency), so trying again would not help.
    if (booking && known && !known.retryable) return problemNotice(m.bookRefused(this.contact(m)));
    const text = booking ? m.bookError(this.contact(m)) : m.loadError(this.contact(m));
    return problemNotice(text, { label: m.tryAgain, onRetry: () => void retry() });
  }

  /** @internal */ protected load<R>(
    task: Loadable<R>,
    m: Messages,
    view: (value: R) => unknown,
    skeleton: unknown = choiceSkeleton(),
  ): unknown {
    if (task.status === TaskStatus.ERROR) return this.problem(task.error, () => task.run(), m);
    return task.status === TaskStatus.COMPLETE && task.value !== undefined ? view(task.value) : skeleton;
  }

  /** @internal */ protected body(profile: ClinicProfile, m: Messages, locale: string): unknown {
    const minutes = new Intl.NumberFormat(locale, { style: "unit", unit: "minute", unitDisplay: "long" });
    switch (this.step) {
      case "location":
        // While the clinic-wide practitioners load, the list may still shrink (or be skipped).
        if (this.data.everyone.status === TaskStatus.PENDING) return choiceSkeleton();
        return choiceList(
          offeredLocations(this.flow()).map(
            (l): ChoiceItem => ({ id: l.id, label: l.name, hint: l.address }),
          ),
          this.locationId,
          (id) => this.pick("locationId", id, "location"),
        );
      case "service":
        return this.load(this.data.types, m, (types) => {
          const who = this.data.practitioners.value?.find(
            (p) => p.id === lockedId(this.practitioner, this.data.practitioners.value),
          );
          const offered = who ? types.filter((t) => who.appointmentTypeIds.includes(t.id)) : types;
          if (offered.length === 0)
            return html`<p class="notice info" part="notice">${m.noServices} ${this.contact(m) ?? ""}</p>`;
          const items = offered.map(
            (t): ChoiceItem => ({ id: t.id, label: t.name, hint: minutes.format(t.durationMinutes) }),
          );
          return choiceList(items, this.typeId, (id) => this.pick("typeId", id, "service"));
        });
      case "practitioner":
        return this.load(this.data.practitioners, m, (list) => {
          const items: ChoiceItem[] = [
            { id: ANY, label: m.firstAvailable, hint: m.firstAvailableHint },
            ...list
              .filter((p) => !this.typeId || p.appointmentTypeIds.includes(this.typeId))
              .map((p) => ({ id: p.id, label: p.displayName, hint: p.title })),
          ];
          return choiceList(items, this.practitionerId, (id) =>
            this.pick("practitionerId", id, "practitioner"),
          );
        });
      case "time":
        return this.timeBody(m, locale);
      case "details":
        return detailsStep({
          m,
          draft: this.details,
          errors: this.errors,
          showSummary: this.showSummary,
          onInput: (key, value) => (this.details = { ...this.details, [key]: value }),
          onSubmit: () => this.submitDetails(),
          onFocusField: (id) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(),
        });
      case "review":
        return reviewStep({
          m,
          rows: reviewRows({
            m,
            locale,
            shown: this.steps(),
            location: this.loc,
            typeName: this.data.types.value?.find((t) => t.id === this.typeId)?.name ?? "",
            practitionerName:
              this.data.practitioners.value?.find((p) => p.id === this.chosen?.practitionerId)?.displayName ??
              "",
            slot: this.chosen,
            details: this.details,
          }),
          pending: this.data.booking.status === TaskStatus.PENDING,
          failure: this.bookFailure
            ? this.problem(this.bookFailure, () => this.confirm(), m, true)
            : undefined,
          onChange: (step) => {
            this.returnToReview = true;
            this.goTo(step);
          },
          onConfirm: () => this.confirm(),
        });
      case "done":
        return doneStep({
          m,
          locale,
          booking: this.booked!,
          clinicName: profile.name,
          stamp: this.now(),
          onAnother: () => this.another(),
        });
    }
  }

  /** @internal */ protected timeBody(m: Messages, locale: string): unknown {
    const from = this.weekFrom ?? this.today();
    const task = this.data.availability;
    const today = this.today();
    return timeStep({
      m,
      locale,
      timezone: task.value?.timezone ?? this.loc?.timezone ?? "UTC",
      from,
      to: this.weekTo() ?? from,
      canEarlier: from > today,
      canLater: addDays(from, 7) <= this.lastDay(),
      data: task.status === TaskStatus.COMPLETE ? task.value : undefined,
      failure: task.status === TaskStatus.ERROR ? this.problem(task.error, () => task.run(), m) : undefined,
      day: this.day,
      slot: this.chosen,
      notice: this.notice,
      contact: this.contact(m),
      onEarlier: () => this.showWeek(later(addDays(from, -7), today)),
      onLater: () => this.showWeek(addDays(from, 7)),
      onDay: (date) => {
        this.day = date;
        this.announce(
          m.timesOn(countTimes(task.value?.days.find((d) => d.date === date)), longDay(date, locale)),
        );
      },
      onSlot: (slot) => this.pickSlot(slot),
      onJump: (date) => {
        this.day = date;
        this.showWeek(date);
      },
    });
  }

  override render(): TemplateResult {
    const { locale, m } = this.i18n();
    const profile = this.profile;
    const steps = this.steps();
    const index = steps.indexOf(this.step);
    const status = this.data.profile.status;
    const body =
      !this.api || !this.clinic
        ? html`<p class="notice error" part="notice">${m.notFound}</p>`
        : status === TaskStatus.ERROR
          ? this.problem(this.data.profile.error, () => this.data.profile.run(), m)
          : profile && status === TaskStatus.COMPLETE
            ? this.body(profile, m, locale)
            : choiceSkeleton();
    return html`<section class="card" part="card" lang=${locale} aria-labelledby="heading">
      <div class="top">
        ${
          index > 0 || (index === 0 && this.returnToReview && this.complete())
            ? html`<button type="button" class="back" part="back-button" @click=${() => this.back()}>
              <span aria-hidden="true">‹</span> ${m.back}
            </button>`
            : nothing
        }
        <p class="progress" part="progress">${profile && index >= 0 ? m.progress(index + 1, steps.length, m.stepLabel[this.step as Exclude<BookingStep, "done">]) : "\u00a0"}</p>
      </div>
      ${this.step === "done" ? html`<div class="tick" aria-hidden="true">✓</div>` : nothing}
      <h2 id="heading" tabindex="-1" part="heading">${profile ? m.heading[this.step] : m.heading.start}</h2>
      ${body}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </section>`;
  }
}
