/** Small templates every step uses: choice lists, skeletons, the error notice with a retry. */
import { html, nothing, type TemplateResult } from "lit";

/** One row of a choice list: the whole row is the button. */
export interface ChoiceItem {
  id: string;
  label: string;
  hint?: string | undefined;
  /** A second line under the hint (a service's description). */
  detail?: string | undefined;
  /** More about the choice, shown on request under its button (a practitioner's bio). */
  more?: { label: string; text: string } | undefined;
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
            ${item.detail ? html`<span class="choice-detail">${item.detail}</span>` : nothing}
          </button>
          ${item.more ? html`<details class="more"><summary>${item.more.label}</summary><p>${item.more.text}</p></details>` : nothing}
        </li>`,
    )}
  </ul>`;
}

/** Three placeholder rows shaped like the choice buttons, so nothing moves when the list arrives. */
export function choiceSkeleton(): TemplateResult {
  return html`<ul class="choices" role="list" aria-hidden="true">
    ${Array.from({ length: 3 }, () => html`<li><div class="choice skeleton"></div></li>`)}
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
