/**
 * The details step, after the GOV.UK patterns: one column, label above, hint under the label, the
 * error in text under the field, an error summary linking to each field, date of birth as three
 * small fields in the locale's order. The honeypot is out of reach of keyboards and screen readers.
 * "Who is this appointment for?" comes first: for someone else, their name and date of birth (worded
 * "their", the browser's autofill off), then "Your details" (name, relationship, email, mobile).
 */
import { html, nothing, type TemplateResult } from "lit";
import type { PublicQuestion } from "../api/types.js";
import {
  type DetailsDraft,
  type DetailsField,
  dobFocusPart,
  type FieldErrors,
  NOTE_MAX,
  patientWords,
} from "../internal/details.js";
import type { DobPart, Messages } from "../messages/index.js";

/** What the details step reads of the flow and calls. */
export interface DetailsFlow {
  readonly state: {
    readonly details: DetailsDraft;
    readonly errors: FieldErrors;
    readonly showSummary: boolean;
  };
  editDetails(key: keyof DetailsDraft, value: string | boolean): void;
  submitDetails(): void;
  /** Focuses an input by id (the error summary's links). */
  focus(id: string): void;
  /** "Start again": every answer goes (the kept contact details with them). */
  another(): void;
  /** The later half (in whenever this step shows): the clinic's questions asked. */
  readonly later: { questions(): PublicQuestion[] } | undefined;
  /** The clinic's profile (its privacy policy's address, when it has one). */
  readonly profile: { privacyUrl?: string | null } | undefined;
}

/**
 * The input id an error about `field` points at: the field's name in kebab case ("carerFirstName" →
 * "carer-first-name"), a question's `q-` and its id as given.
 */
export function inputIdFor(field: DetailsField, draft: DetailsDraft, m: Messages): string {
  if (field === "dob") return `dob-${dobFocusPart(draft, m.dobOrder)}`;
  return field.startsWith("q:")
    ? field.replace(":", "-")
    : field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Renders the step body. */
export function detailsStep(c: DetailsFlow, base: Messages): TemplateResult {
  const { details: draft, errors, showSummary } = c.state;
  const other = draft.forWhom === "other";
  // The patient's fields say "their" for someone else; the carer's keep `base`'s "your".
  const m = patientWords(base, draft);
  // The checks list errors in the form's order.
  const listed = Object.keys(errors) as DetailsField[];
  const input = (key: keyof DetailsDraft) => (e: Event) =>
    c.editDetails(key, (e.target as HTMLInputElement).value);
  return html`
    ${showSummary ? errorSummary(c, m, errors, listed, (f) => inputIdFor(f, draft, m)) : nothing}
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        c.submitDetails();
      }}
    >
      ${radios(
        "for",
        m.who.legend,
        [
          ["me", m.who.me],
          ["other", m.who.other],
        ],
        draft.forWhom ?? "me",
        (v) => c.editDetails("forWhom", v),
        undefined,
        m,
      )}
      ${other ? html`<h3>${m.who.their}</h3>` : nothing}
      ${textField(c, m, "firstName", m.field.firstName, { autocomplete: other ? "off" : "given-name" })}
      ${textField(c, m, "lastName", m.field.lastName, { autocomplete: other ? "off" : "family-name" })}
      ${dobFieldset("dob", m, draft, errors.dob, (part, value) => c.editDetails(part, value), other)}
      ${
        other
          ? html`<h3>${m.who.your}</h3>
            ${textField(c, base, "carerFirstName", base.field.firstName, { autocomplete: "given-name" })}
            ${textField(c, base, "carerLastName", base.field.lastName, { autocomplete: "family-name" })}
            ${textField(c, m, "relationship", m.field.relationship, { autocomplete: "off", hint: m.field.relationshipHint })}`
          : nothing
      }
      ${textField(c, m, "email", m.field.email, { type: "email", autocomplete: "email", hint: m.field.emailHint })}
      ${textField(c, m, "mobile", m.field.mobile, { type: "tel", autocomplete: "tel", hint: m.field.mobileHint })}
      ${c.later!.questions().map((q) => {
        const key = `q:${q.id}` as const;
        const id = `q-${q.id}`;
        const label = q.required ? q.label : `${q.label} ${m.optional}`;
        const pick = (v: string) => c.editDetails(key, v);
        return q.kind === "text"
          ? textField(c, m, key, label, { autocomplete: "off", max: q.maxLength ?? 60 })
          : radios(
              id,
              label,
              q.kind === "yes-no"
                ? [
                    ["yes", m.yes],
                    ["no", m.no],
                  ]
                : (q.options ?? []).map((o) => [o, o] as const),
              draft[key],
              pick,
              errors[key],
              m,
            );
      })}
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
          @change=${(e: Event) => c.editDetails("consent", (e.target as HTMLInputElement).checked)}
        />
        <label for="consent">${m.field.consent}</label>
        ${
          c.profile?.privacyUrl
            ? html`<p><a href=${c.profile.privacyUrl} target="_blank" rel="noopener">${m.privacy}<span class="sr-only"> ${m.done.newTab}</span></a></p>`
            : nothing
        }
        ${fieldError("consent", errors.consent, m)}
      </div>
      <div class="hp" aria-hidden="true" inert>
        <label for="website">${m.field.website}</label>
        <input id="website" name="website" tabindex="-1" autocomplete="off" .value=${draft.website} @input=${input("website")} />
      </div>
      <slot name="challenge"></slot>
      <button type="submit" class="primary" part="primary-button">${m.continue}</button>
      <button type="button" class="link" @click=${() => c.another()}>${m.who.startAgain}</button>
    </form>
  `;
}

/**
 * The error summary (GOV.UK's): a link to each field's input (`idFor`) with its error, in `fields`' order;
 * nothing without errors.
 */
export function errorSummary<F extends string>(
  c: Pick<DetailsFlow, "focus">,
  m: Messages,
  errors: Partial<Record<F, string>>,
  fields: readonly F[],
  idFor: (field: F) => string,
): TemplateResult | typeof nothing {
  return fields.length > 0
    ? html`<div class="error-summary" id="error-summary" tabindex="-1" part="error-summary" aria-labelledby="error-summary-title">
        <h3 id="error-summary-title">${m.error.summary}</h3>
        <ul role="list">
          ${fields.map((f) => {
            const id = idFor(f);
            return html`<li>
              <a
                href="#${id}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  c.focus(id);
                }}
                >${errors[f]}</a
              >
            </li>`;
          })}
        </ul>
      </div>`
    : nothing;
}

function textField(
  c: DetailsFlow,
  m: Messages,
  key:
    | "firstName"
    | "lastName"
    | "carerFirstName"
    | "carerLastName"
    | "relationship"
    | "email"
    | "mobile"
    | `q:${string}`,
  label: string,
  opts: TextOptions,
): TemplateResult {
  return textInput(
    m,
    inputIdFor(key, c.state.details, m),
    label,
    c.state.details[key] ?? "",
    c.state.errors[key],
    (v) => c.editDetails(key, v),
    opts,
  );
}

/** How a text field's input is typed and described. */
export interface TextOptions {
  type?: string;
  autocomplete: string;
  hint?: string | undefined;
  /** Typed as written (an email address, a reference): the browser's spelling check off. */
  verbatim?: boolean;
  /** The most characters the input takes (a clinic's text question). */
  max?: number;
}

/** A text field: its label, hint, input and error (the input described by the hint and the error). */
export function textInput(
  m: Messages,
  id: string,
  label: string,
  value: string,
  error: string | undefined,
  onInput: (value: string) => void,
  opts: TextOptions,
): TemplateResult {
  const describedBy = `${opts.hint ? `${id}-hint ` : ""}${error ? `${id}-error` : ""}`.trim();
  return html`<div class="field ${error ? "has-error" : ""}">
    <label for=${id} part="label">${label}</label>
    ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : nothing}
    <input
      id=${id}
      part="input"
      type=${opts.type ?? "text"}
      autocomplete=${opts.autocomplete}
      maxlength=${opts.max ?? nothing}
      spellcheck=${opts.type === "email" || opts.verbatim ? "false" : nothing}
      aria-describedby=${describedBy || nothing}
      aria-invalid=${error ? "true" : "false"}
      .value=${value}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
    />
    ${fieldError(id, error, m)}
  </div>`;
}

/**
 * Date of birth as three small fields in the locale's order (GOV.UK's memorable date), with its hint
 * and error; `base` prefixes the ids (`dob` → `dob-hint`, `dob-day`, `dob-error`). `noAutofill` for
 * someone else's: the browser would offer the visitor's own.
 */
export function dobFieldset(
  base: string,
  m: Messages,
  draft: Record<DobPart, string>,
  error: string | undefined,
  onInput: (part: DobPart, value: string) => void,
  noAutofill?: boolean,
): TemplateResult {
  return html`<fieldset class="field ${error ? "has-error" : ""}" aria-describedby="${base}-hint${error ? ` ${base}-error` : ""}">
    <legend part="label">${m.field.dob}</legend>
    <p class="hint" id="${base}-hint">${m.field.dobHint}</p>
    <div class="dob">
      ${m.dobOrder.map(
        (part) => html`<div class="dob-part dob-${part}">
          <label for="${base}-${part}">${m.field[part]}</label>
          <input
            id="${base}-${part}"
            part="input"
            inputmode="numeric"
            autocomplete=${noAutofill ? "off" : `bday-${part}`}
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
 * A radio group (a whole row is the target): `options` are [value, text]; the first radio's id is
 * `id`, so an error summary's link focuses it.
 */
export function radios(
  id: string,
  legend: unknown,
  options: readonly (readonly [string, string])[],
  value: string | undefined,
  pick: (value: string) => void,
  error: string | undefined,
  m: Messages,
): TemplateResult {
  return html`<fieldset class="field ${error ? "has-error" : ""}" aria-describedby=${error ? `${id}-error` : nothing}>
    <legend part="label">${legend}</legend>
    ${options.map(([v, text], i) => {
      const at = i ? `${id}-${i}` : id;
      return html`<div class="field check">
        <input type="radio" id=${at} name=${id} aria-invalid=${error ? "true" : "false"} .checked=${value === v} @change=${() => pick(v)} />
        <label for=${at}>${text}</label>
      </div>`;
    })}
    ${fieldError(id, error, m)}
  </fieldset>`;
}
