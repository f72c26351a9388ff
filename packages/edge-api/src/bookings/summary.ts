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

/** The summary of `a`; times in the location's zone, reminder flags as the caller derived them from the configuration and the form. */
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
