/**
 * The booking as the confirmation shows it (reference, when, service, with whom, where with a map
 * link) and the "call … on …" line with a `tel:` link: shared by the confirmation and the manage views.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { BookingSummary } from "../api/types.js";
import { formatWhen } from "../internal/dates.js";
import { telHref } from "../internal/manage-links.js";
import type { Messages } from "../messages/index.js";

/** The map search link for an address (opens the phone's map app on mobile). */
export function mapUrl(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

/** A row the summary adds after the reference (for example the status). */
export interface ExtraRow {
  label: string;
  value: string;
}

/** The summary list of a booking. */
export function bookingSummary(
  b: BookingSummary,
  m: Messages,
  locale: string,
  extra: readonly ExtraRow[] = [],
): TemplateResult {
  return html`<dl class="summary" part="summary">
    <div class="row"><dt>${m.done.reference}</dt><dd class="reference">${b.reference}</dd></div>
    ${extra.map((r) => summaryRow(r.label, r.value))}
    ${summaryRow(m.done.when, formatWhen(b.start, locale, b.timezone))}
    ${summaryRow(m.stepLabel.service, b.appointmentType.name)}
    ${summaryRow(m.done.with, b.practitioner.displayName)}
    <div class="row">
      <dt>${m.done.where}</dt>
      <dd>
        ${b.location.name}<br>${b.location.address}<br>
        <a href=${mapUrl(b.location.address)} target="_blank" rel="noopener noreferrer"
          >${m.done.map}<span class="sr-only"> ${m.done.newTab}</span></a
        >
      </dd>
    </div>
  </dl>`;
}

/** One row of a summary list. */
export function summaryRow(label: string, value: string): TemplateResult {
  return html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
}

/** "{lead} {location} on {phone}." with the phone as a `tel:` link; nothing without a phone. */
export function phoneLine(
  lead: string,
  on: string,
  location: { name: string; phone: string },
): TemplateResult | typeof nothing {
  if (!location.phone) return nothing;
  return html`<p>${lead} ${location.name} ${on} <a href=${telHref(location.phone)}>${location.phone}</a>.</p>`;
}
