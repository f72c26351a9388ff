/**
 * The patient's details: the form's draft, its checks (GOV.UK style: specific, saying how to fix
 * it) and the request body. The limits mirror the edge API's BookingPatient schema so the server's
 * 422 is the exception, not the rule.
 */
import type { BookingRequest, PublicSlot } from "../api/types.js";
import type { DobPart, Messages } from "../messages/index.js";
import type { CalendarDate } from "./dates.js";
import type { DetailsDraft, DetailsField, FieldErrors } from "./details-draft.js";

export { type DetailsDraft, type DetailsField, emptyDetails, type FieldErrors } from "./details-draft.js";

/** The form's field order (the error summary follows it). */
export const fieldOrder: readonly DetailsField[] = [
  "firstName",
  "lastName",
  "dob",
  "email",
  "mobile",
  "note",
  "consent",
];

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[\d\s().-]+$/;
const NAME_MAX = 50;
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

/** Checks every field; an empty object means the form may continue. */
export function validateDetails(d: DetailsDraft, m: Messages, today: CalendarDate): FieldErrors {
  const e: FieldErrors = {};
  const first = d.firstName.trim();
  const last = d.lastName.trim();
  if (!first) e.firstName = m.error.firstName;
  else if (first.length > NAME_MAX) e.firstName = m.error.tooLong(m.field.firstName, NAME_MAX);
  if (!last) e.lastName = m.error.lastName;
  else if (last.length > NAME_MAX) e.lastName = m.error.tooLong(m.field.lastName, NAME_MAX);

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

  const email = d.email.trim();
  if (!email) e.email = m.error.email;
  else if (!EMAIL.test(email) || email.length > EMAIL_MAX) e.email = m.error.emailFormat;

  const mobile = d.mobile.trim();
  const digits = mobile.replace(/\D/g, "").length;
  if (!mobile) e.mobile = m.error.mobile;
  else if (!PHONE.test(mobile) || digits < 8 || digits > 15) e.mobile = m.error.mobileFormat;

  if (d.note.length > NOTE_MAX) e.note = m.error.tooLong(m.review.note, NOTE_MAX);
  if (!d.consent) e.consent = m.error.consent;
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

/** The POST /bookings body for a valid draft; `returning` answers "Have you seen us before?" when it was asked. */
export function bookingRequest(
  slot: PublicSlot,
  appointmentTypeId: string,
  d: DetailsDraft,
  returning?: boolean,
): BookingRequest {
  const note = d.note.trim();
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
      email: d.email.trim(),
      mobile: d.mobile.trim(),
    },
    ...(note ? { note } : {}),
    consent: true,
    ...(d.website ? { website: d.website } : {}),
    ...(returning === undefined ? {} : { returning }),
  };
}
