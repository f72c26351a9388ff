/** The booking summary (no patient details) of a coreplus appointment, as bookings and managing answer it. */
import { type Appointment, formatInZone } from "@coreplus-kit/core";
import type { CatalogueLocation } from "../catalogue/index.js";
import type { BookingSummary } from "../schemas/public.js";

/** What the summary names besides the appointment: where, with whom, what. */
export interface SummaryParts {
  location: CatalogueLocation;
  practitioners: readonly { id: string; displayName: string }[];
  type: { id: string; name: string; durationMinutes: number };
}

/** The summary of `a`; times in the location's zone, reminder flags as {@link remindersFor} derived them. */
export function bookingSummary(
  parts: SummaryParts,
  a: Appointment,
  reminders: { email: boolean; sms: boolean },
): BookingSummary {
  const { location, type } = parts;
  const practitioner = parts.practitioners[0]!;
  const zone = location.timezone;
  return {
    reference: String(a.appointmentReferenceNumber),
    start: formatInZone(Date.parse(a.startDateTime), zone),
    end: formatInZone(Date.parse(a.endDateTime), zone),
    timezone: zone,
    location: { id: location.id, name: location.name, address: location.address, phone: location.phone },
    practitioner: { id: practitioner.id, displayName: practitioner.displayName },
    appointmentType: { id: type.id, name: type.name, durationMinutes: type.durationMinutes },
    // Never what coreplus echoes: that depends on the client record and would reveal it (see remindersFor).
    reminders: { ...reminders },
  };
}

/**
 * The reminders that apply, the one place they are derived (for coreplus's flags and for every
 * summary): the clinic's flags, and with the booking form SMS only when it gave a mobile. Never what
 * coreplus echoes: that depends on the client record and would tell a prober whether (and how) the
 * person exists. Without a form (a managed booking, which may have been made at the front desk) the
 * clinic's flags as configured.
 */
export function remindersFor(
  configured: { email: boolean; sms: boolean },
  form?: { patient: { mobile?: string | undefined }; bookedBy?: { mobile?: string | undefined } | undefined },
): { email: boolean; sms: boolean } {
  if (!form) return { email: configured.email, sms: configured.sms };
  // Booking for someone else, the reminders reach the carer's mobile (the contact the record takes).
  const mobile = form.patient.mobile?.trim() || form.bookedBy?.mobile?.trim() || "";
  return { email: configured.email, sms: configured.sms && mobile !== "" };
}
