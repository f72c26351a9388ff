/** The review step ("check your answers"): every choice with a Change link, then Confirm booking. */
import { html, nothing, type TemplateResult } from "lit";
import type { PublicQuestion, PublicSlot } from "../api/types.js";
import type { BookingStep } from "../events.js";
import { formatDate, formatWhen } from "../internal/dates.js";
import { type DetailsDraft, dobIso } from "../internal/details.js";
import type { Messages } from "../messages/index.js";

/** One row of the summary list; `step` is where its Change link goes (none when locked). */
export interface ReviewRow {
  label: string;
  value: string;
  step?: BookingStep | undefined;
}

/** What the review step shows and the handlers it calls. */
export interface ReviewStepProps {
  m: Messages;
  rows: readonly ReviewRow[];
  pending: boolean;
  failure: TemplateResult | undefined;
  onChange(step: BookingStep): void;
  onConfirm(): void;
}

/** Renders the step body. */
export function reviewStep(p: ReviewStepProps): TemplateResult {
  const { m } = p;
  return html`
    <dl class="summary" part="summary">
      ${p.rows.map(
        (row) => html`<div class="row">
          <dt>${row.label}</dt>
          <dd>${row.value}</dd>
          <dd class="change">
            ${
              row.step
                ? html`<button type="button" class="link" @click=${() => p.onChange(row.step!)}>
                  ${m.change}<span class="sr-only"> ${row.label.toLowerCase()}</span>
                </button>`
                : nothing
            }
          </dd>
        </div>`,
      )}
    </dl>
    ${p.failure ?? nothing}
    <slot name="challenge"></slot>
    <button
      type="button"
      class="primary"
      part="primary-button"
      aria-disabled=${p.pending ? "true" : "false"}
      @click=${() => p.pending || p.onConfirm()}
    >
      ${p.pending ? m.booking : m.confirm}
    </button>
  `;
}

/** The facts the review lists; `shown` holds the steps a Change link may go back to. */
export interface ReviewFacts {
  m: Messages;
  locale: string;
  shown: readonly BookingStep[];
  location: { name: string; address: string; timezone: string } | undefined;
  /** The chosen discipline's name, when the clinic has disciplines. */
  disciplineName?: string | undefined;
  /** The answer to "Have you seen us before?" (a row while that step is asked: the review needs it answered). */
  returning?: boolean | undefined;
  typeName: string;
  practitionerName: string;
  slot: PublicSlot | undefined;
  details: DetailsDraft;
  /** The clinic's questions asked for this booking. */
  questions: readonly PublicQuestion[];
}

/** The rows of the summary list, in the order the visitor answered. */
export function reviewRows(f: ReviewFacts): ReviewRow[] {
  const { m, details: d } = f;
  const rows: ReviewRow[] = [];
  /** A row whose Change link goes back to `step` (when this visitor saw that step): by default the details. */
  const add = (label: string, value: string, step: BookingStep = "details") =>
    rows.push({ label, value, step: f.shown.includes(step) ? step : undefined });
  /** A row of a choice, labelled as its step is. */
  const choice = (step: keyof Messages["stepLabel"], value: string) => add(m.stepLabel[step], value, step);
  // The first question when the clinic has disciplines ("What do you need help with?").
  if (f.disciplineName) choice("discipline", f.disciplineName);
  choice("location", f.location ? `${f.location.name}, ${f.location.address}` : "");
  if (f.shown.includes("returning")) choice("returning", m.returning[f.returning ? "yes" : "no"]);
  choice("service", f.typeName);
  choice("practitioner", f.practitionerName);
  choice("time", f.slot && f.location ? formatWhen(f.slot.start, f.locale, f.location.timezone) : "");
  add(m.review.name, `${d.firstName.trim()} ${d.lastName.trim()}`);
  if (d.forWhom === "other")
    add(
      m.review.bookedBy,
      `${d.carerFirstName?.trim()} ${d.carerLastName?.trim()} (${d.relationship?.trim()})`,
    );
  const dob = dobIso(d);
  add(m.field.dob, dob ? formatDate(dob, f.locale, { dateStyle: "long" }) : "");
  add(m.field.email, d.email.trim());
  add(m.field.mobile, d.mobile.trim());
  for (const q of f.questions) {
    const value = d[`q:${q.id}`]?.trim();
    if (value) add(q.label, q.kind === "yes-no" ? m[value as "yes" | "no"] : value);
  }
  const note = d.note.trim();
  if (note) add(m.review.note, note);
  return rows;
}
