/**
 * A coreplus appointment as its patient manages it (ManagedBooking): the booking summary, its status,
 * and what the clinic's `changes` policy still allows online. An appointment at a location this
 * clinic does not serve is nobody's booking here.
 */
import { type Appointment, CoreplusNotFoundError, formatInZone } from "@coreplus-kit/core";
import { bookingSummary, remindersFor } from "../bookings/index.js";
import { type Catalogue, type CatalogueLocation, practitionersFor } from "../catalogue/index.js";
import { ProblemError } from "../http/index.js";
import type { ManagedBooking } from "../schemas/manage.js";
import type { RequestScope } from "../types.js";

/** Said for every kind of miss, so that no answer tells one from another. */
export const NOT_FOUND_DETAIL =
  "We couldn't find a booking with those details. Check them, or call the clinic.";

/** The one answer for a booking that is unknown, not this patient's, another clinic's or past. */
export function bookingNotFound(): ProblemError {
  return new ProblemError("booking-not-found", NOT_FOUND_DETAIL);
}

/** An appointment resolved against the clinic's catalogue. */
export interface ResolvedAppointment {
  appointment: Appointment;
  location: CatalogueLocation;
  startMs: number;
  cancelled: boolean;
  /** The clinic offers its type online at its location (so it may be rescheduled online). */
  onlineType: boolean;
  /** Changes online are possible before this instant (epoch ms). */
  untilMs: number;
}

/** Resolves `a`, or throws booking-not-found when it is not this clinic's. */
export function resolveAppointment(scope: RequestScope, cat: Catalogue, a: Appointment): ResolvedAppointment {
  const location = cat.locations.find((l) => l.id === a.locationId.toLowerCase());
  if (!location) throw bookingNotFound();
  const type = cat.appointmentTypes.find((t) => t.id === a.appointmentTypeId?.toLowerCase());
  const startMs = Date.parse(a.startDateTime);
  return {
    appointment: a,
    location,
    startMs,
    cancelled: a.status === "Cancelled",
    onlineType: type !== undefined && practitionersFor(cat, type, location.id).length > 0,
    untilMs: startMs - scope.rt.config.changes.noticeHours * 3_600_000,
  };
}

/** The ManagedBooking of a resolved appointment at business time `scope.now`. */
export function managedBooking(scope: RequestScope, cat: Catalogue, r: ResolvedAppointment): ManagedBooking {
  const a = r.appointment;
  const { changes, reminders } = scope.rt.config;
  const pid = a.practitioner.practitionerId.toLowerCase();
  const known = cat.practitioners.find((p) => p.id === pid);
  const displayName =
    known?.displayName ??
    ([a.practitioner.firstName, a.practitioner.lastName].filter(Boolean).join(" ") || "Your practitioner");
  const type = cat.appointmentTypes.find((t) => t.id === a.appointmentTypeId?.toLowerCase()) ?? {
    id: a.appointmentTypeId ?? "appointment",
    name: "Appointment",
    durationMinutes: Math.max(1, Math.round((Date.parse(a.endDateTime) - r.startMs) / 60_000)),
  };
  const summary = bookingSummary(
    { location: r.location, practitioners: [{ id: pid, displayName }], type },
    a,
    remindersFor(reminders),
  );
  const open = !r.cancelled && scope.now.getTime() < r.untilMs;
  return {
    ...summary,
    status: r.cancelled ? "cancelled" : "booked",
    changeable: {
      cancel: open && changes.cancel,
      reschedule: open && changes.reschedule && r.onlineType,
      until: formatInZone(r.untilMs, r.location.timezone),
    },
  };
}

/** The appointment a manage token names (fresh from coreplus), or booking-not-found. */
export async function appointmentOfToken(
  scope: RequestScope,
  token: string,
  signal?: AbortSignal,
): Promise<Appointment> {
  const id = await scope.rt.manage.verify(token, scope.rt.config.slug, scope.now.getTime());
  if (!id) throw bookingNotFound();
  return readAppointment(scope, id, signal);
}

/** The appointment `id`, fresh from coreplus with the practitioner's names, or booking-not-found. */
export async function readAppointment(
  scope: RequestScope,
  id: string,
  signal?: AbortSignal,
): Promise<Appointment> {
  try {
    return await scope.rt.coreplus.appointments.get(id, {
      getPractitionerProfiles: true,
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    if (err instanceof CoreplusNotFoundError) throw bookingNotFound();
    throw err;
  }
}
