/** Small templates every step uses: choice lists, skeletons, the error notice with a retry. */
import { html, nothing, type TemplateResult } from "lit";
import type { Messages } from "../messages/index.js";

/** One row of a choice list: the whole row is the button. */
export interface ChoiceItem {
  id: string;
  label: string;
  hint?: string | undefined;
}

/** A list of large choice buttons; the previous choice is marked with aria-current. */
export function choiceList(
  items: readonly ChoiceItem[],
  selected: string | undefined,
  onPick: (id: string) => void,
): TemplateResult {
  return html`<ul class="choices" role="list">
    ${items.map(
      (item) =>
        html`<li>
          <button
            type="button"
            class="choice"
            part="choice"
            aria-current=${item.id === selected ? "true" : nothing}
            @click=${() => onPick(item.id)}
          >
            <span class="choice-label">${item.label}</span>
            ${item.hint ? html`<span class="choice-hint">${item.hint}</span>` : nothing}
          </button>
        </li>`,
    )}
  </ul>`;
}

/** Placeholder rows shaped like the choice buttons, so nothing moves when the list arrives. */
export function choiceSkeleton(rows = 3): TemplateResult {
  return html`<ul class="choices" role="list" aria-hidden="true">
    ${Array.from({ length: rows }, () => html`<li><div class="choice skeleton"></div></li>`)}
  </ul>`;
}

/** A friendly failure: what happened, what to do, and a retry button when retrying can help. */
export function problemNotice(
  message: string,
  retry?: { label: string; onRetry: () => void },
): TemplateResult {
  return html`<div class="notice error" role="alert" part="notice">
    <p>${message}</p>
    ${
      retry
        ? html`<button type="button" class="secondary" part="secondary-button" @click=${retry.onRetry}>${retry.label}</button>`
        : nothing
    }
  </div>`;
}

/** A field's error line (`id` is the field's id; the line's id is `${id}-error`). */
export function fieldError(
  id: string,
  error: string | undefined,
  m: Messages,
): TemplateResult | typeof nothing {
  return error
    ? html`<p class="field-error" id="${id}-error" part="field-error"><span class="sr-only">${m.error.prefix}</span> ${error}</p>`
    : nothing;
}
