/**
 * "Find my booking": the reference, the last name and the date of birth as three small fields (as
 * the details step asks it), GOV.UK-style errors with a summary, and one message for every miss.
 */
import { html, nothing, type TemplateResult } from "lit";
import { TaskStatus } from "../internal/task.js";
import type { Messages } from "../messages/index.js";
import type { ManageMessages } from "../messages/manage.js";
import { dobFieldset, fieldError } from "../steps/details-step.js";
import { problemNotice } from "../steps/shared.js";
import { problem } from "../view/problem.js";
import type { ManageController } from "./manage-controller.js";
import type { FindField } from "./outcomes.js";

/** The form's own fields' ids. */
const ids = { reference: "find-reference", lastName: "find-last-name" } as const;

/** Renders the form, with the lookup's outcome above it. */
export function findForm(c: ManageController, m: Messages, mm: ManageMessages): TemplateResult {
  const { find: draft, findErrors: errors, findProblem, failure } = c.state;
  const pending = c.lookup.status === TaskStatus.PENDING;
  const l = c.profile?.locations;
  const contact = l?.length === 1 ? m.contact(l[0]!.name, l[0]!.phone) : undefined;
  // In the form's order: validateFind adds them in it.
  const listed = Object.keys(errors) as FindField[];
  const target = (f: FindField) => (f === "dob" ? `find-dob-${m.dobOrder[0]}` : ids[f]);
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
                    href="#${target(f)}"
                    @click=${(e: Event) => {
                      e.preventDefault();
                      c.focus(target(f));
                    }}
                    >${errors[f]}</a
                  >
                </li>`,
            )}
          </ul>
        </div>`
        : nothing
    }
    ${findProblem ? problemNotice(findProblem === "miss" ? mm.find.miss : mm.find.tooMany(contact)) : nothing}
    ${failure ? problem(failure, () => c.submitFind(), m, contact) : nothing}
    <p>${mm.find.intro}</p>
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        c.submitFind();
      }}
    >
      ${textField(c, m, "reference", mm.find.reference, "off", mm.find.referenceHint)}
      ${textField(c, m, "lastName", m.field.lastName, "family-name")}
      ${dobFieldset("find-dob", m, draft, errors.dob, (part, value) => c.editFind(part, value))}
      <slot name="challenge"></slot>
      <button type="submit" class="primary" part="primary-button" aria-disabled=${pending ? "true" : nothing}>
        ${pending ? mm.find.searching : mm.heading.find}
      </button>
    </form>
  `;
}

/** A text field of the form: its hint (the reference's, which is typed as written) and its error. */
function textField(
  c: ManageController,
  m: Messages,
  key: keyof typeof ids,
  label: string,
  autocomplete: string,
  hint?: string,
): TemplateResult {
  const id = ids[key];
  const error = c.state.findErrors[key];
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return html`<div class="field ${error ? "has-error" : ""}">
    <label for=${id} part="label">${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    <input
      id=${id}
      part="input"
      autocomplete=${autocomplete}
      spellcheck=${hint ? "false" : nothing}
      aria-describedby=${describedBy || nothing}
      aria-invalid=${error ? "true" : "false"}
      .value=${c.state.find[key]}
      @input=${(e: Event) => c.editFind(key, (e.target as HTMLInputElement).value)}
    />
    ${fieldError(id, error, m)}
  </div>`;
}
