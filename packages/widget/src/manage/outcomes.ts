/**
 * Pure parts of managing a booking: the events' patient-free details, the find form's checks and
 * body, and where a failed change leads. Unit-tested without a browser.
 */
import { EdgeRequestError } from "../api/edge-error.js";
import type { LookupRequest, ManagedBooking } from "../api/manage-types.js";
import { bookedDetail } from "../controller/after-booking.js";
import type { CoreplusManagedDetail, CoreplusRescheduledDetail } from "../events.js";
import { dobIso } from "../internal/details.js";
import type { Messages } from "../messages/index.js";
import type { ManageMessages } from "../messages/manage.js";

/** What identifies the appointment in `coreplus-cancelled` and `coreplus-rescheduled`. */
export function managedDetail(clinic: string, b: ManagedBooking): CoreplusManagedDetail {
  const { reminders: _, ...detail } = bookedDetail(clinic, b);
  return detail;
}

/** The `coreplus-rescheduled` detail: the new time, and the time it moved from. */
export function rescheduledDetail(
  clinic: string,
  before: ManagedBooking,
  after: ManagedBooking,
): CoreplusRescheduledDetail {
  return { ...managedDetail(clinic, after), previousStart: before.start, previousEnd: before.end };
}

/** The find form while the patient types (date of birth as three fields, like the details step). */
export interface FindDraft {
  reference: string;
  lastName: string;
  day: string;
  month: string;
  year: string;
}

/** A blank find form. */
export function emptyFind(): FindDraft {
  return { reference: "", lastName: "", day: "", month: "", year: "" };
}

/** The find form's fields that can carry an error. */
export type FindField = "reference" | "lastName" | "dob";

/** Errors by field. */
export type FindErrors = Partial<Record<FindField, string>>;

/** Checks the find form (the date of birth as the details step checks it). */
export function validateFind(d: FindDraft, m: Messages, mm: ManageMessages): FindErrors {
  const e: FindErrors = {};
  if (!d.reference.trim()) e.reference = mm.find.errorReference;
  if (!d.lastName.trim()) e.lastName = mm.find.errorLastName;
  const missing = m.dobOrder.filter((p) => d[p].trim() === "");
  if (missing.length === 3) e.dob = m.error.dob;
  else if (missing.length > 0) e.dob = m.error.dobPart(m.field[missing[0]!].toLowerCase());
  else if (!dobIso(d)) e.dob = m.error.dobReal;
  return e;
}

/** The lookup body for a valid form. */
export function lookupRequest(d: FindDraft): LookupRequest {
  return { reference: d.reference.trim(), lastName: d.lastName.trim(), dateOfBirth: dobIso(d) ?? "" };
}

/** How a failed lookup is told: one message for every kind of miss, else a retry or the phone. */
export type LookupOutcome = "miss" | "too-many" | "retry";

/** Every miss (unknown reference, wrong name or date of birth, refused input) reads the same. */
export function afterLookupError(e: unknown): LookupOutcome {
  if (!(e instanceof EdgeRequestError)) return "retry";
  if (e.code === "ERR_RATE_LIMITED") return "too-many";
  // A refused proof of the clinic's challenge (challenge-failed, challenge-required) is no miss: a new one may pass.
  const miss =
    ["ERR_NOT_FOUND", "ERR_VALIDATION", "ERR_REFUSED"].includes(e.code) &&
    !e.problemType?.startsWith("challenge-");
  return miss ? "miss" : "retry";
}

/** Where a failed cancel or reschedule leads. */
export type ChangeOutcome =
  /** The new time was taken meanwhile: back to the times around it. */
  | "slot-taken"
  /** Inside the notice period (or started): the phone instead of the buttons. */
  | "too-late"
  /** Someone cancelled it meanwhile: read it again. */
  | "cancelled"
  /** The token no longer opens it. */
  | "missing"
  /** Show the failure where the patient is, with "Try again" when that can help. */
  | "failure";

/** Classifies a failed change by the problem type the edge API answered. */
export function afterChangeError(e: unknown): ChangeOutcome {
  if (!(e instanceof EdgeRequestError)) return "failure";
  if (e.code === "ERR_SLOT_UNAVAILABLE") return "slot-taken";
  if (e.problemType === "too-late-to-change") return "too-late";
  if (e.problemType === "booking-cancelled") return "cancelled";
  if (e.code === "ERR_NOT_FOUND") return "missing";
  return "failure";
}

/** Whether any change can still be made online. */
export function canChange(b: ManagedBooking, tooLate: boolean): { cancel: boolean; reschedule: boolean } {
  const open = b.status === "booked" && !tooLate;
  return { cancel: open && b.changeable.cancel, reschedule: open && b.changeable.reschedule };
}

/** The longest cancellation reason the edge API takes. */
export const REASON_MAX = 200;
