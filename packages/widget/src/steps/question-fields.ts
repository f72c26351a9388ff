/**
 * The clinic's own questions on the details step: yes-no and choice as radio groups, short text as
 * an input with the question's limit. "(optional)" marks the ones that may be left blank.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { PublicQuestion } from "../api/types.js";
import type { FieldErrors } from "../internal/details.js";
import type { Messages } from "../messages/index.js";
import { fieldError } from "./shared.js";

/** Renders the asked questions. */
export function questionFields(
  questions: readonly PublicQuestion[],
  answers: Readonly<Record<string, string>>,
  errors: FieldErrors,
  m: Messages,
  onAnswer: (questionId: string, value: string) => void,
): TemplateResult[] {
  return questions.map((q) => {
    const id = `q-${q.id}`;
    const error = errors[`q:${q.id}`];
    const label = html`${q.label}${q.required ? nothing : html` <span class="optional">${m.questions.optional}</span>`}`;
    const value = answers[q.id] ?? "";
    if (q.kind === "text")
      return html`<div class="field ${error ? "has-error" : ""}">
        <label for=${id} part="label">${label}</label>
        <input
          id=${id}
          part="input"
          autocomplete="off"
          maxlength=${q.maxLength ?? nothing}
          aria-describedby=${error ? `${id}-error` : nothing}
          aria-invalid=${error ? "true" : "false"}
          .value=${value}
          @input=${(e: Event) => onAnswer(q.id, (e.target as HTMLInputElement).value)}
        />
        ${fieldError(id, error, m)}
      </div>`;
    const options =
      q.kind === "yes-no"
        ? [
            { value: "yes", text: m.questions.yes },
            { value: "no", text: m.questions.no },
          ]
        : (q.options ?? []).map((o) => ({ value: o, text: o }));
    return html`<fieldset class="field radios ${error ? "has-error" : ""}" aria-describedby=${error ? `${id}-error` : nothing}>
      <legend part="label">${label}</legend>
      ${options.map(
        (o, i) => html`<div class="check">
          <input
            type="radio"
            id=${i === 0 ? id : `${id}-${i}`}
            name=${id}
            aria-invalid=${error ? "true" : "false"}
            .checked=${value === o.value}
            @change=${() => onAnswer(q.id, o.value)}
          />
          <label for=${i === 0 ? id : `${id}-${i}`}>${o.text}</label>
        </div>`,
      )}
      ${fieldError(id, error, m)}
    </fieldset>`;
  });
}
