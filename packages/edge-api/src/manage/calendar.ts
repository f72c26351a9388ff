/**
 * The calendar file of a managed booking (GET …/bookings/{token}/calendar.ics): what the patient's
 * calendar shows, built from the booking as coreplus has it now, so a rescheduled or cancelled booking's
 * file says so. Only what the confirmation shows of the appointment: never a patient detail (no name,
 * email, mobile, date of birth or note). English labels, as the API's problem details are.
 */
import type { ManagedBooking } from "../schemas/manage.js";
import { buildIcs } from "./ics.js";

/** The .ics text of `booking` at `clinicName`, stamped `stamp`, linking to `manage` when given. */
export function bookingCalendar(
  booking: ManagedBooking,
  clinicName: string,
  stamp: Date,
  manage?: string,
): string {
  const { location } = booking;
  return buildIcs({
    uid: `${booking.reference}@coreplus-kit`,
    start: booking.start,
    end: booking.end,
    stamp,
    summary: `${booking.appointmentType.name} · ${clinicName}`,
    location: [location.name, location.address].filter(Boolean).join(", "),
    description: [
      `Reference: ${booking.reference}`,
      `With: ${booking.practitioner.displayName}`,
      location.phone,
      ...(manage ? [`Change or cancel: ${manage}`] : []),
    ]
      .filter(Boolean)
      .join("\n"),
    ...(manage ? { url: manage } : {}),
    status: booking.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
  });
}

/** `appointment-<reference>.ics`, the reference cut to `[A-Za-z0-9_-]` (safe inside a quoted filename). */
export function calendarFilename(reference: string): string {
  return `appointment-${reference.replace(/[^A-Za-z0-9_-]/g, "")}.ics`;
}
