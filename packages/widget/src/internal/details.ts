/**
 * The patient's details: the form's draft, its checks (GOV.UK style: specific, saying how to fix
 * it) and the request body. The limits mirror the edge API's BookingPatient schema so the server's
 * 422 is the exception, not the rule.
 */
import type { BookingRequest, ClinicProfile, PublicQuestion, PublicSlot } from "../api/types.js";
import type { DobPart, Messages } from "../messages/index.js";
import type { CalendarDate } from "./dates.js";
import type { BookingPrefill, DetailsDraft, DetailsField, FieldErrors } from "./details-draft.js";

export { type DetailsDraft, type DetailsField, emptyDetails, type FieldErrors } from "./details-draft.js";

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[\d\s().-]+$/;
const NAME_MAX = 50;
/** The relationship's limit, as the edge API's BookedBy schema sets it. */
const RELATIONSHIP_MAX = 30;
const EMAIL_MAX = 50;
/** The note's limit, as the edge API's schema sets it. */
export const NOTE_MAX = 300;

/** The date of birth as `YYYY-MM-DD`, or undefined when it is not a real date. */
export function dobIso(d: Pick<DetailsDraft, "day" | "month" | "year">): CalendarDate | undefined {
  const [day, month, year] = [d.day, d.month, d.year].map((s) => s.trim());
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return undefined;
  const [y, m, dd] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, dd));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== dd)
    return undefined;
  return `${year}-${String(m).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

/** The date-of-birth input that an error should focus: the first missing part, else the first. */
export function dobFocusPart(d: DetailsDraft, order: readonly DobPart[]): DobPart {
  return order.find((p) => d[p].trim() === "") ?? order[0]!;
}

/**
 * `d` with its empty fields filled from a host page's `prefill`; the date of birth only when the
 * draft has none and it is a real date. What was typed is never replaced.
 */
export function withPrefill(d: DetailsDraft, p: BookingPrefill = {}): DetailsDraft {
  const out = { ...d };
  // Only these: a page's object may carry anything (never a tick for consent, nor a note).
  for (const k of ["firstName", "lastName", "email", "mobile"] as const) {
    const v = p[k]?.trim();
    if (v && !out[k]) out[k] = v;
  }
  const [year = "", month = "", day = ""] = p.dateOfBirth?.split("-").map((x) => `${+x}`) ?? [];
  if (!d.day && !d.month && !d.year && dobIso({ day, month, year })) Object.assign(out, { day, month, year });
  return out;
}

/**
 * The clinic's questions asked for a service (the edge API's rule): those without a scope, and those
 * naming the service or the discipline chosen.
 */
export function askedQuestions(
  profile: ClinicProfile | undefined,
  typeId: string | undefined,
  disciplineId: string | undefined,
): PublicQuestion[] {
  return (profile?.questions ?? []).filter(
    (q) =>
      (!q.appointmentTypeIds && !q.disciplineIds) ||
      q.appointmentTypeIds?.includes(typeId!) ||
      q.disciplineIds?.includes(disciplineId!),
  );
}

/**
 * The messages that word the patient's fields: for someone else, "Their first name", "Enter their
 * date of birth…" (the `their` overrides); the carer's own fields keep the plain "your" wording.
 */
export function patientWords(m: Messages, d: DetailsDraft): Messages {
  return d.forWhom === "other"
    ? { ...m, field: { ...m.field, ...m.their.field }, error: { ...m.error, ...m.their.error } }
    : m;
}

/**
 * Checks every field; an empty object means the form may continue. The errors come in the form's
 * order (the error summary lists them so).
 */
export function validateDetails(
  d: DetailsDraft,
  base: Messages,
  today: CalendarDate,
  questions: readonly PublicQuestion[] = [],
): FieldErrors {
  const e: FieldErrors = {};
  const m = patientWords(base, d);
  // A name or the relationship: required, up to `max` characters; its label and errors are `w`'s for `word`.
  const required = (
    key: "firstName" | "lastName" | "carerFirstName" | "carerLastName" | "relationship",
    w: Messages,
    word: "firstName" | "lastName" | "relationship",
    max = NAME_MAX,
  ) => {
    const value = d[key]?.trim();
    if (!value) e[key] = w.error[word];
    else if (value.length > max) e[key] = w.error.tooLong(w.field[word], max);
  };
  required("firstName", m, "firstName");
  required("lastName", m, "lastName");

  const missing = m.dobOrder.filter((p) => d[p].trim() === "");
  if (missing.length === 3) e.dob = m.error.dob;
  else if (missing.length > 0) e.dob = m.error.dobPart(m.field[missing[0]!].toLowerCase());
  else if (!/^\d{4}$/.test(d.year.trim())) e.dob = m.error.dobYear;
  else {
    const iso = dobIso(d);
    if (!iso) e.dob = m.error.dobReal;
    else if (iso >= today) e.dob = m.error.dobPast;
    else if (iso < "1900-01-01") e.dob = m.error.dobReal;
  }

  if (d.forWhom === "other") {
    required("carerFirstName", base, "firstName");
    required("carerLastName", base, "lastName");
    required("relationship", m, "relationship", RELATIONSHIP_MAX);
  }

  const email = d.email.trim();
  if (!email) e.email = m.error.email;
  else if (!EMAIL.test(email) || email.length > EMAIL_MAX) e.email = m.error.emailFormat;

  const mobile = d.mobile.trim();
  const digits = mobile.replace(/\D/g, "").length;
  if (!mobile) e.mobile = m.error.mobile;
  else if (!PHONE.test(mobile) || digits < 8 || digits > 15) e.mobile = m.error.mobileFormat;

  // Radios offer only the question's answers, and a text input stops at its limit: only a missing answer is wrong.
  for (const q of questions)
    if (q.required && !d[`q:${q.id}`]?.trim()) e[`q:${q.id}`] = m.error.answer(q.label);
  if (d.note.length > NOTE_MAX) e.note = m.error.tooLong(m.review.note, NOTE_MAX);
  if (!d.consent) e.consent = m.error.consent;
  return e;
}

/**
 * The page's UTM parameters (`?utm_source=…&utm_medium=…&utm_campaign=…`) as the booking's
 * `attribution`, or undefined without any; a value the edge API would refuse (over 40 characters, or
 * outside letters, digits, spaces and `. _ - + : /`) is left out rather than failing the booking.
 */
export function attributionFrom(search: string): BookingRequest["attribution"] {
  const query = new URLSearchParams(search);
  let out: Record<string, string> | undefined;
  for (const k of ["source", "medium", "campaign"]) {
    const v = query.get(`utm_${k}`)?.trim();
    if (v && /^[\w .:+/-]{1,40}$/.test(v)) {
      out ??= {};
      out[k] = v;
    }
  }
  return out;
}

/** Maps an edge API error pointer ("/patient/email") to the form field it concerns. */
export function fieldForPointer(pointer: string): DetailsField | undefined {
  const map: Record<string, DetailsField> = {
    "/patient/firstName": "firstName",
    "/patient/lastName": "lastName",
    "/patient/dateOfBirth": "dob",
    "/patient/email": "email",
    "/patient/mobile": "mobile",
    "/note": "note",
    "/consent": "consent",
    "/bookedBy/firstName": "carerFirstName",
    "/bookedBy/lastName": "carerLastName",
    "/bookedBy/relationship": "relationship",
    "/bookedBy/email": "email",
    "/bookedBy/mobile": "mobile",
  };
  return map[pointer];
}

/** The message for a field the edge API refused (its own text is English-only and terse). */
export function serverFieldMessage(field: DetailsField, m: Messages): string {
  const byField: Partial<Record<DetailsField, string>> = {
    dob: m.error.dobReal,
    email: m.error.emailFormat,
    mobile: m.error.mobileFormat,
    consent: m.error.consent,
  };
  return byField[field] ?? m.error.server;
}

/**
 * The POST /bookings body for a valid draft; `returning` answers "Have you seen us before?" when it
 * was asked; the answers to `questions` (the ones asked) that are not blank.
 */
export function bookingRequest(
  slot: PublicSlot,
  appointmentTypeId: string,
  d: DetailsDraft,
  returning?: boolean,
  questions: readonly PublicQuestion[] = [],
): BookingRequest {
  const note = d.note.trim();
  const answers = questions
    .map((q) => ({ questionId: q.id, value: d[`q:${q.id}`]?.trim() ?? "" }))
    .filter((a) => a.value);
  const contact = { email: d.email.trim(), mobile: d.mobile.trim() };
  return {
    slot: {
      locationId: slot.locationId,
      practitionerId: slot.practitionerId,
      appointmentTypeId,
      start: slot.start,
    },
    patient: {
      firstName: d.firstName.trim(),
      lastName: d.lastName.trim(),
      dateOfBirth: dobIso(d) ?? "",
      // For someone else the contact is the carer's (in bookedBy); the edge API uses it for the patient.
      ...(d.forWhom === "other" ? {} : contact),
    },
    ...(note ? { note } : {}),
    consent: true,
    ...(d.website ? { website: d.website } : {}),
    ...(returning === undefined ? {} : { returning }),
    ...(answers[0] ? { answers } : {}),
    ...(d.forWhom === "other"
      ? {
          bookedBy: {
            firstName: d.carerFirstName?.trim() ?? "",
            lastName: d.carerLastName?.trim() ?? "",
            relationship: d.relationship?.trim() ?? "",
            ...contact,
          },
        }
      : {}),
  };
}
