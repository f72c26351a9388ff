/**
 * "Find my booking": the reference, the last name and the date of birth as three small fields (as
 * the details step asks it), GOV.UK-style errors with a summary, and one message for every miss.
 */
import { html, nothing, type TemplateResult } from "lit";
import { TaskStatus } from "../internal/task.js";
import type { Messages } from "../messages/index.js";
import type { ManageMessages } from "../messages/manage.js";
import { dobFieldset, errorSummary, textInput } from "../steps/details-step.js";
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
  return html`
    ${errorSummary(c, m, errors, listed, (f) => (f === "dob" ? `find-dob-${m.dobOrder[0]}` : ids[f]))}
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
      ${textInput(
        m,
        ids.reference,
        mm.find.reference,
        draft.reference,
        errors.reference,
        (v) => c.editFind("reference", v),
        {
          autocomplete: "off",
          hint: mm.find.referenceHint,
          // Typed as written.
          verbatim: true,
        },
      )}
      ${textInput(
        m,
        ids.lastName,
        m.field.lastName,
        draft.lastName,
        errors.lastName,
        (v) => c.editFind("lastName", v),
        {
          autocomplete: "family-name",
        },
      )}
      ${dobFieldset("find-dob", m, draft, errors.dob, (part, value) => c.editFind(part, value))}
      <slot name="challenge"></slot>
      <button type="submit" class="primary" part="primary-button" aria-disabled=${pending ? "true" : nothing}>
        ${pending ? mm.find.searching : mm.heading.find}
      </button>
    </form>
  `;
}
