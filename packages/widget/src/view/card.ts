/** The card around every view, the booking flow's and the manage views'. */
import { html, nothing, type TemplateResult } from "lit";

/**
 * The card: Back (when `onBack` is given), the line beside it (`top`: the booking's progress), a tick
 * on a confirmation (`done`), the heading (focused on every step change), the body, what follows it (`after`), and the live region.
 */
export function card(
  locale: string,
  onBack: (() => void) | undefined,
  backLabel: string,
  top: unknown,
  done: boolean,
  heading: string,
  body: unknown,
  announcement: string,
  // Lit renders an undefined child as nothing.
  after?: unknown,
): TemplateResult {
  return html`<section class="card" part="card" lang=${locale} aria-labelledby="heading">
      <div class="top">
        ${
          onBack
            ? html`<button type="button" class="back" part="back-button" @click=${onBack}>
              <span aria-hidden="true">‹</span> ${backLabel}
            </button>`
            : nothing
        }
        ${top}
      </div>
      ${done ? html`<div class="tick" aria-hidden="true">✓</div>` : nothing}
      <h2 id="heading" tabindex="-1" part="heading">${heading}</h2>
      ${body}
      ${after}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${announcement}</div>
    </section>`;
}
