/**
 * The details step, after the GOV.UK patterns: one column, label above, hint under the label, the
 * error in text under the field, an error summary linking to each field, date of birth as three
 * small fields in the locale's order. The honeypot is out of reach of keyboards and screen readers.
 * "Who is this appointment for?" comes first: for someone else, their name and date of birth, then
 * "Your details" (name, relationship, email, mobile), every label saying "their" where it means them.
 * The clinic's questions come before the note; the privacy link sits beside consent.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { PublicQuestion } from "../api/types.js";
import {
  type DetailsDraft,
  type DetailsField,
  dobFocusPart,
  type FieldErrors,
  fieldsWith,
  NOTE_MAX,
  patientLabels,
} from "../internal/details.js";
import type { ForWhomMessages } from "../messages/for-whom.js";
import type { DobPart, Messages } from "../messages/index.js";

/** What the details step shows and the handlers it calls. */
export interface DetailsStepProps {
  m: Messages;
  /** The someone-else strings (messages/for-whom.ts). */
  w: ForWhomMessages;
  draft: DetailsDraft;
  errors: FieldErrors;
  showSummary: boolean;
  /** The clinic's questions for the chosen service. */
  questions: readonly PublicQuestion[];
  privacyUrl: string | null;
  onInput(key: keyof DetailsDraft, value: string | boolean): void;
  onAnswer(questionId: string, value: string): void;
  onStartAgain(): void;
  onSubmit(): void;
  onFocusField(id: string): void;
}

/** The input id an error about `field` points at. */
export function inputIdFor(field: DetailsField, draft: DetailsDraft, m: Messages): string {
  if (field === "dob") return `dob-${dobFocusPart(draft, m.dobOrder)}`;
  return field.startsWith("q:") ? `q-${field.slice(2)}` : idOf[field as keyof typeof idOf];
}

const idOf = {
  firstName: "first-name",
  lastName: "last-name",
  email: "email",
  mobile: "mobile",
  note: "note",
  consent: "consent",
  carerFirstName: "carer-first-name",
  carerLastName: "carer-last-name",
  relationship: "relationship",
} as const;

const autocompleteOf: Record<DobPart, string> = { day: "bday-day", month: "bday-month", year: "bday-year" };

/** Renders the step body. */
export function detailsStep(p: DetailsStepProps): TemplateResult {
  const { m, w, draft, errors } = p;
  const listed = fieldsWith(p.questions).filter((f) => errors[f]);
  const other = draft.forWhom === "other";
  const label = patientLabels(draft, m, w);
  const input = (key: keyof DetailsDraft) => (e: Event) =>
    p.onInput(key, (e.target as HTMLInputElement).value);
  return html`
    ${
      p.showSummary && listed.length > 0
        ? html`<div class="error-summary" id="error-summary" tabindex="-1" part="error-summary" aria-labelledby="error-summary-title">
          <h3 id="error-summary-title">${m.error.summary}</h3>
          <ul role="list">
            ${listed.map((f) => {
              const id = inputIdFor(f, draft, m);
              return html`<li>
                <a
                  href="#${id}"
                  @click=${(e: Event) => {
                    e.preventDefault();
                    p.onFocusField(id);
                  }}
                  >${errors[f]}</a
                >
              </li>`;
            })}
          </ul>
        </div>`
        : nothing
    }
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <fieldset class="field radios">
        <legend part="label">${w.who.legend}</legend>
        ${(["me", "other"] as const).map(
          (who) => html`<div class="check">
            <input
              type="radio"
              id="for-${who}"
              name="for-whom"
              .checked=${draft.forWhom === who}
              @change=${() => p.onInput("forWhom", who)}
            />
            <label for="for-${who}">${w.who[who]}</label>
          </div>`,
        )}
      </fieldset>
      ${other ? html`<h3>${w.who.theirDetails}</h3>` : nothing}
      ${textField(p, "firstName", label.firstName, { autocomplete: other ? "off" : "given-name" })}
      ${textField(p, "lastName", label.lastName, { autocomplete: other ? "off" : "family-name" })}
      ${dobFieldset("dob", m, draft, errors.dob, (part, value) => p.onInput(part, value), label, !other)}
      ${
        other
          ? html`<h3>${w.who.yourDetails}</h3>
            ${textField(p, "carerFirstName", w.carer.firstName, { autocomplete: "given-name" })}
            ${textField(p, "carerLastName", w.carer.lastName, { autocomplete: "family-name" })}
            ${textField(p, "relationship", w.carer.relationship, { autocomplete: "off", hint: w.carer.relationshipHint })}`
          : nothing
      }
      ${textField(p, "email", label.email, { type: "email", autocomplete: "email", hint: m.field.emailHint })}
      ${textField(p, "mobile", label.mobile, { type: "tel", autocomplete: "tel", hint: label.mobileHint })}
      ${questionFields(p, w)}
      <div class="field ${errors.note ? "has-error" : ""}">
        <label for="note" part="label">${m.field.note}</label>
        <p class="hint" id="note-hint">${m.field.noteHint}</p>
        <textarea
          id="note"
          part="input"
          rows="3"
          maxlength=${NOTE_MAX}
          aria-describedby="note-hint${errors.note ? " note-error" : ""}"
          aria-invalid=${errors.note ? "true" : "false"}
          .value=${draft.note}
          @input=${input("note")}
        ></textarea>
        ${fieldError("note", errors.note, m)}
      </div>
      <div class="field check ${errors.consent ? "has-error" : ""}">
        <input
          id="consent"
          type="checkbox"
          part="checkbox"
          aria-describedby=${errors.consent ? "consent-error" : nothing}
          aria-invalid=${errors.consent ? "true" : "false"}
          .checked=${draft.consent}
          @change=${(e: Event) => p.onInput("consent", (e.target as HTMLInputElement).checked)}
        />
        <label for="consent">${label.consent}</label>
        ${
          p.privacyUrl
            ? html`<p class="hint privacy">
              <a href=${p.privacyUrl} target="_blank" rel="noopener noreferrer"
                >${w.questions.privacy}<span class="sr-only"> ${m.done.newTab}</span></a
              >
            </p>`
            : nothing
        }
        ${fieldError("consent", errors.consent, m)}
      </div>
      <div class="hp" aria-hidden="true" inert>
        <label for="website">${m.field.website}</label>
        <input id="website" name="website" tabindex="-1" autocomplete="off" .value=${draft.website} @input=${input("website")} />
      </div>
      <button type="submit" class="primary" part="primary-button">${m.continue}</button>
      <button type="button" class="link start-again" @click=${p.onStartAgain}>${w.who.startAgain}</button>
    </form>
  `;
}

function textField(
  p: DetailsStepProps,
  key: keyof typeof idOf &
    ("firstName" | "lastName" | "email" | "mobile" | "carerFirstName" | "carerLastName" | "relationship"),
  label: string,
  opts: { type?: string; autocomplete: string; hint?: string },
): TemplateResult {
  const id = idOf[key];
  const error = p.errors[key];
  const describedBy = [opts.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return html`<div class="field ${error ? "has-error" : ""}">
    <label for=${id} part="label">${label}</label>
    ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : nothing}
    <input
      id=${id}
      part="input"
      type=${opts.type ?? "text"}
      autocomplete=${opts.autocomplete}
      spellcheck=${opts.type === "email" ? "false" : nothing}
      aria-describedby=${describedBy || nothing}
      aria-invalid=${error ? "true" : "false"}
      .value=${p.draft[key]}
      @input=${(e: Event) => p.onInput(key, (e.target as HTMLInputElement).value)}
    />
    ${fieldError(id, error, p.m)}
  </div>`;
}

/**
 * Date of birth as three small fields in the locale's order (GOV.UK's memorable date), with its hint
 * and error; `base` prefixes the ids (`dob` → `dob-hint`, `dob-day`, `dob-error`). `label` words it
 * for someone else ("Their date of birth"); `autofill` off keeps the browser from offering your own.
 */
export function dobFieldset(
  base: string,
  m: Messages,
  draft: Record<DobPart, string>,
  error: string | undefined,
  onInput: (part: DobPart, value: string) => void,
  label: { dob: string; dobHint: string } = m.field,
  autofill = true,
): TemplateResult {
  return html`<fieldset class="field ${error ? "has-error" : ""}" aria-describedby="${base}-hint${error ? ` ${base}-error` : ""}">
    <legend part="label">${label.dob}</legend>
    <p class="hint" id="${base}-hint">${label.dobHint}</p>
    <div class="dob">
      ${m.dobOrder.map(
        (part) => html`<div class="dob-part dob-${part}">
          <label for="${base}-${part}" class="sub">${m.field[part]}</label>
          <input
            id="${base}-${part}"
            part="input"
            inputmode="numeric"
            autocomplete=${autofill ? autocompleteOf[part] : "off"}
            maxlength=${part === "year" ? 4 : 2}
            aria-invalid=${error ? "true" : "false"}
            .value=${draft[part]}
            @input=${(e: Event) => onInput(part, (e.target as HTMLInputElement).value)}
          />
        </div>`,
      )}
    </div>
    ${fieldError(base, error, m)}
  </fieldset>`;
}

/** A field's error under it, prefixed "Error:" for screen readers. */
export function fieldError(
  id: string,
  error: string | undefined,
  m: Messages,
): TemplateResult | typeof nothing {
  return error
    ? html`<p class="field-error" id="${id}-error" part="field-error"><span class="sr-only">${m.error.prefix}</span> ${error}</p>`
    : nothing;
}

/**
 * The clinic's own questions, before the note: yes-no and choice as radio groups, short text as an
 * input with the question's limit. "(optional)" marks the ones that may be left blank.
 */
function questionFields(p: DetailsStepProps, w: ForWhomMessages): TemplateResult[] {
  const { errors, m } = p;
  return p.questions.map((q) => {
    const id = `q-${q.id}`;
    const error = errors[`q:${q.id}`];
    const label = html`${q.label}${q.required ? nothing : html` <span class="optional">${w.questions.optional}</span>`}`;
    const value = p.draft.answers[q.id] ?? "";
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
          @input=${(e: Event) => p.onAnswer(q.id, (e.target as HTMLInputElement).value)}
        />
        ${fieldError(id, error, m)}
      </div>`;
    const options =
      q.kind === "yes-no"
        ? [
            { value: "yes", text: w.questions.yes },
            { value: "no", text: w.questions.no },
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
            @change=${() => p.onAnswer(q.id, o.value)}
          />
          <label for=${i === 0 ? id : `${id}-${i}`}>${o.text}</label>
        </div>`,
      )}
      ${fieldError(id, error, m)}
    </fieldset>`;
  });
}
