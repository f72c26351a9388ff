/**
 * The patient's details: the form's draft, its checks (GOV.UK style: specific, saying how to fix
 * it) and the request body. The limits mirror the edge API's BookingPatient schema so the server's
 * 422 is the exception, not the rule.
 */
import type { BookingRequest, PublicQuestion, PublicSlot } from "../api/types.js";
import { type ForWhomMessages, forWhomAU } from "../messages/for-whom.js";
import type { DobPart, Messages } from "../messages/index.js";
import type { CalendarDate } from "./dates.js";
import { type DetailsDraft, type DetailsField, type FieldErrors, fieldOrder } from "./details-draft.js";

export {
  type DetailsDraft,
  type DetailsField,
  emptyDetails,
  type FieldErrors,
  fieldOrder,
} from "./details-draft.js";

/** The form's fields in order, with the asked questions before the note. */
export function fieldsWith(questions: readonly PublicQuestion[]): DetailsField[] {
  const at = fieldOrder.indexOf("note");
  return [...fieldOrder.slice(0, at), ...questions.map((q) => `q:${q.id}` as const), ...fieldOrder.slice(at)];
}

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

/** The labels of the patient's fields: "First name", or "Their first name" for someone else. */
export function patientLabels(d: Pick<DetailsDraft, "forWhom">, m: Messages, w: ForWhomMessages) {
  const other = d.forWhom === "other";
  return {
    firstName: other ? w.their.firstName : m.field.firstName,
    lastName: other ? w.their.lastName : m.field.lastName,
    dob: other ? w.their.dob : m.field.dob,
    dobHint: other ? w.their.dobHint : m.field.dobHint,
    email: other ? w.carer.email : m.field.email,
    mobile: other ? w.carer.mobile : m.field.mobile,
    mobileHint: other ? w.carer.mobileHint : m.field.mobileHint,
    consent: other ? w.their.consent : m.field.consent,
  };
}

/**
 * Checks every field (and the asked questions); an empty object means the form may continue. `w` is
 * the locale's someone-else table (messages/for-whom.ts).
 */
export function validateDetails(
  d: DetailsDraft,
  m: Messages,
  today: CalendarDate,
  questions: readonly PublicQuestion[] = [],
  w: ForWhomMessages = forWhomAU,
): FieldErrors {
  const e: FieldErrors = {};
  const other = d.forWhom === "other";
  const err = other ? { ...m.error, ...w.theirError } : m.error;
  const label = patientLabels(d, m, w);
  const name = (key: "firstName" | "lastName" | "carerFirstName" | "carerLastName", text: string) => {
    const value = d[key].trim();
    if (!value) e[key] = key === "carerFirstName" || key === "carerLastName" ? w.theirError[key] : err[key];
    else if (value.length > NAME_MAX) e[key] = m.error.tooLong(text, NAME_MAX);
  };
  name("firstName", label.firstName);
  name("lastName", label.lastName);

  const missing = m.dobOrder.filter((p) => d[p].trim() === "");
  if (missing.length === 3) e.dob = err.dob;
  else if (missing.length > 0) e.dob = err.dobPart(m.field[missing[0]!].toLowerCase());
  else if (!/^\d{4}$/.test(d.year.trim())) e.dob = m.error.dobYear;
  else {
    const iso = dobIso(d);
    if (!iso) e.dob = err.dobReal;
    else if (iso >= today) e.dob = err.dobPast;
    else if (iso < "1900-01-01") e.dob = err.dobReal;
  }
  if (other) {
    name("carerFirstName", w.carer.firstName);
    name("carerLastName", w.carer.lastName);
    const relationship = d.relationship.trim();
    if (!relationship) e.relationship = w.theirError.relationship;
    else if (relationship.length > RELATIONSHIP_MAX)
      e.relationship = m.error.tooLong(w.carer.relationship, RELATIONSHIP_MAX);
  }

  const email = d.email.trim();
  if (!email) e.email = m.error.email;
  else if (!EMAIL.test(email) || email.length > EMAIL_MAX) e.email = m.error.emailFormat;

  const mobile = d.mobile.trim();
  const digits = mobile.replace(/\D/g, "").length;
  if (!mobile) e.mobile = m.error.mobile;
  else if (!PHONE.test(mobile) || digits < 8 || digits > 15) e.mobile = m.error.mobileFormat;

  for (const q of questions) {
    const value = (d.answers[q.id] ?? "").trim();
    if (!value && q.required) e[`q:${q.id}`] = w.questions.required;
    else if (q.maxLength && value.length > q.maxLength)
      e[`q:${q.id}`] = m.error.tooLong(q.label, q.maxLength);
  }
  if (d.note.length > NOTE_MAX) e.note = m.error.tooLong(m.review.note, NOTE_MAX);
  if (!d.consent) e.consent = err.consent;
  return e;
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

/** What the body carries besides the slot and the draft. */
export interface BookingExtras {
  questions?: readonly PublicQuestion[];
  returning?: boolean | undefined;
  attribution?: BookingRequest["attribution"];
}

/** The POST /bookings body for a valid draft. */
export function bookingRequest(
  slot: PublicSlot,
  appointmentTypeId: string,
  d: DetailsDraft,
  extras: BookingExtras = {},
): BookingRequest {
  const note = d.note.trim();
  const answers = (extras.questions ?? [])
    .map((q) => ({ questionId: q.id, value: (d.answers[q.id] ?? "").trim() }))
    .filter((a) => a.value !== "");
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
      ...(d.forWhom === "other" ? {} : contact),
    },
    ...(note ? { note } : {}),
    consent: true,
    ...(d.website ? { website: d.website } : {}),
    ...(d.forWhom === "other"
      ? {
          bookedBy: {
            firstName: d.carerFirstName.trim(),
            lastName: d.carerLastName.trim(),
            relationship: d.relationship.trim(),
            ...contact,
          },
        }
      : {}),
    ...(extras.returning === undefined ? {} : { returning: extras.returning }),
    ...(answers.length > 0 ? { answers } : {}),
    ...(extras.attribution ? { attribution: extras.attribution } : {}),
  };
}
