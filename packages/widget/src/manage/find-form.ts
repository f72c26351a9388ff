/**
 * "Find my booking": the reference, the last name and the date of birth as three small fields (as
 * the details step asks it), GOV.UK-style errors with a summary, and one message for every miss.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { Messages } from "../messages/index.js";
import type { ManageMessages } from "../messages/manage.js";
import { dobFieldset, fieldError } from "../steps/details-step.js";
import type { FindDraft, FindErrors, FindField } from "./outcomes.js";

/** What the find form shows and the handlers it calls. */
export interface FindFormProps {
  m: Messages;
  mm: ManageMessages;
  draft: FindDraft;
  errors: FindErrors;
  /** The answer's message after a miss or too many tries, else empty. */
  problem: string;
  /** A failed lookup to show with "Try again" (a network or server failure). */
  failure: TemplateResult | undefined;
  pending: boolean;
  onInput(key: keyof FindDraft, value: string): void;
  onSubmit(): void;
  onFocusField(id: string): void;
}

/** Renders the form. */
export function findForm(p: FindFormProps): TemplateResult {
  const { m, mm, draft, errors } = p;
  const input = (key: keyof FindDraft) => (e: Event) => p.onInput(key, (e.target as HTMLInputElement).value);
  const firstDob = `find-dob-${m.dobOrder[0]}`;
  const listed = (["reference", "lastName", "dob"] as const).filter((f) => errors[f]);
  const target: Record<FindField, string> = {
    reference: "find-reference",
    lastName: "find-last-name",
    dob: firstDob,
  };
  return html`
    ${
      listed.length > 0
        ? html`<div class="error-summary" id="error-summary" tabindex="-1" part="error-summary" aria-labelledby="error-summary-title">
          <h3 id="error-summary-title">${m.error.summary}</h3>
          <ul role="list">
            ${listed.map(
              (f) =>
                html`<li>
                  <a
                    href="#${target[f]}"
                    @click=${(e: Event) => {
                      e.preventDefault();
                      p.onFocusField(target[f]);
                    }}
                    >${errors[f]}</a
                  >
                </li>`,
            )}
          </ul>
        </div>`
        : nothing
    }
    ${p.problem ? html`<div class="notice error" role="alert" part="notice"><p>${p.problem}</p></div>` : nothing}
    ${p.failure ?? nothing}
    <p>${mm.find.intro}</p>
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <div class="field ${errors.reference ? "has-error" : ""}">
        <label for="find-reference" part="label">${mm.find.reference}</label>
        <p class="hint" id="find-reference-hint">${mm.find.referenceHint}</p>
        <input
          id="find-reference"
          part="input"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="find-reference-hint${errors.reference ? " find-reference-error" : ""}"
          aria-invalid=${errors.reference ? "true" : "false"}
          .value=${draft.reference}
          @input=${input("reference")}
        />
        ${fieldError("find-reference", errors.reference, m)}
      </div>
      <div class="field ${errors.lastName ? "has-error" : ""}">
        <label for="find-last-name" part="label">${m.field.lastName}</label>
        <input
          id="find-last-name"
          part="input"
          autocomplete="family-name"
          aria-describedby=${errors.lastName ? "find-last-name-error" : nothing}
          aria-invalid=${errors.lastName ? "true" : "false"}
          .value=${draft.lastName}
          @input=${input("lastName")}
        />
        ${fieldError("find-last-name", errors.lastName, m)}
      </div>
      ${dobFieldset("find-dob", m, draft, errors.dob, (part, value) => p.onInput(part, value))}
      <button type="submit" class="primary" part="primary-button" aria-disabled=${p.pending ? "true" : "false"}>
        ${p.pending ? mm.find.searching : mm.find.submit}
      </button>
    </form>
  `;
}
