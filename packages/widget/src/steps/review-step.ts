/** The review step ("check your answers"): every choice with a Change link, then Confirm booking. */
import { html, nothing, type TemplateResult } from "lit";
import type { BookingStep } from "../events.js";
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
