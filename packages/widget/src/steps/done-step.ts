/** The confirmation: a tick, the reference, when, with whom, where (with a map), reminders, .ics. */
import { html, nothing, type TemplateResult } from "lit";
import type { BookingSummary } from "../api/types.js";
import { formatWhen } from "../internal/dates.js";
import { buildIcs, icsDataUrl } from "../internal/ics.js";
import type { Messages } from "../messages/index.js";

/** What the confirmation shows. */
export interface DoneStepProps {
  m: Messages;
  locale: string;
  booking: BookingSummary;
  clinicName: string;
  stamp: Date;
  /** "Book another appointment" was pressed: ask "For you again, or someone else?". */
  askAnother: boolean;
  onAnother(): void;
  onAnotherFor(forWhom: "me" | "other"): void;
}

/** The map search link for an address (opens the phone's map app on mobile). */
export function mapUrl(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

/** Renders the step body. */
export function doneStep(p: DoneStepProps): TemplateResult {
  const { m, booking: b } = p;
  const r = b.reminders;
  const reminders =
    r.email && r.sms
      ? m.done.reminders.both
      : r.email
        ? m.done.reminders.email
        : r.sms
          ? m.done.reminders.sms
          : m.done.reminders.none;
  const ics = buildIcs({
    uid: `${b.reference}@coreplus-kit`,
    start: b.start,
    end: b.end,
    stamp: p.stamp,
    summary: `${b.appointmentType.name} · ${p.clinicName}`,
    location: `${b.location.name}, ${b.location.address}`,
    description: `${m.done.reference}: ${b.reference}\n${m.done.with}: ${b.practitioner.displayName}\n${b.location.phone}`,
  });
  return html`
    <p class="lead">${m.done.lead}</p>
    <dl class="summary" part="summary">
      <div class="row"><dt>${m.done.reference}</dt><dd class="reference">${b.reference}</dd></div>
      <div class="row"><dt>${m.done.when}</dt><dd>${formatWhen(b.start, p.locale, b.timezone)}</dd></div>
      <div class="row"><dt>${m.review.service}</dt><dd>${b.appointmentType.name}</dd></div>
      <div class="row"><dt>${m.done.with}</dt><dd>${b.practitioner.displayName}</dd></div>
      <div class="row">
        <dt>${m.done.where}</dt>
        <dd>
          ${b.location.name}<br />${b.location.address}<br />
          <a href=${mapUrl(b.location.address)} target="_blank" rel="noopener noreferrer"
            >${m.done.map}<span class="sr-only"> ${m.done.newTab}</span></a
          >
        </dd>
      </div>
    </dl>
    <p>${reminders}</p>
    <div class="actions">
      <a class="button secondary" part="secondary-button" href=${icsDataUrl(ics)} download="appointment-${b.reference.replace(/[^\w-]/g, "")}.ics"
        >${m.done.calendar}</a
      >
      ${
        p.askAnother
          ? nothing
          : html`<button type="button" class="secondary" part="secondary-button" @click=${p.onAnother}>${m.done.another}</button>`
      }
    </div>
    ${
      p.askAnother
        ? html`<fieldset class="field another">
          <legend part="label">${m.done.anotherWho}</legend>
          <div class="actions">
            <button type="button" class="secondary" part="secondary-button" @click=${() => p.onAnotherFor("me")}>${m.done.anotherMe}</button>
            <button type="button" class="secondary" part="secondary-button" @click=${() => p.onAnotherFor("other")}>${m.done.anotherOther}</button>
          </div>
        </fieldset>`
        : nothing
    }
  `;
}
