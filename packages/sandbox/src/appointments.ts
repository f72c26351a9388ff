/**
 * Booking, rescheduling and cancelling. Every function here is synchronous on purpose: the route
 * awaits the body first, then checks and writes with no `await` in between, so two concurrent
 * bookings of one slot can never both pass the check (one isolate, one event loop).
 */
import type { AppointmentBook, AppointmentCancel, AppointmentUpdate } from "@coreplus-kit/core";
import { parseCoreplusDateTime } from "@coreplus-kit/core";
import { isBookable } from "./availability.js";
import { recordChange, trackedFields } from "./history.js";
import { badRequest, notAvailable, notFound } from "./http/result.js";
import { defaultSubject } from "./seed/seed.js";
import type { SandboxStore } from "./store.js";
import type { AppointmentRecord, AppointmentTypeRecord } from "./types.js";

const instantOf = (s: string): number => parseCoreplusDateTime(s).instant.getTime();

function requireType(store: SandboxStore, id: string | undefined): AppointmentTypeRecord | undefined {
  if (id === undefined) return undefined;
  const type = store.appointmentType(id);
  if (!type) throw badRequest("Unknown appointmentTypeId");
  return type;
}

function checkTypeOffered(
  type: AppointmentTypeRecord | undefined,
  practitionerId: string,
  locationId: string,
): void {
  if (!type) return;
  if (
    (type.practitionerId && type.practitionerId !== practitionerId) ||
    (type.locationId && type.locationId !== locationId)
  ) {
    throw badRequest("The appointment type is not offered by this practitioner at this location");
  }
}

/** Books an appointment (status "Booked"), or throws 400 (invalid) / 409 (not available). */
export function bookAppointment(store: SandboxStore, now: number, body: AppointmentBook): AppointmentRecord {
  const start = instantOf(body.startDateTime);
  const end = instantOf(body.endDateTime);
  const practitionerId = body.practitioner.practitionerId;
  if (!store.practitioner(practitionerId)) throw badRequest("Unknown practitionerId");
  if (!store.location(body.locationId)) throw badRequest("Unknown locationId");
  const clientRef = body.clients[0];
  const client = clientRef ? store.client(clientRef.clientId) : undefined;
  if (!client || client.status === "Deleted") throw badRequest("Unknown clientId");
  const type = requireType(store, body.appointmentTypeId);
  checkTypeOffered(type, practitionerId, body.locationId);
  if (!isBookable(store, { practitionerId, locationId: body.locationId, start, end, now }))
    throw notAvailable();

  const appointment: AppointmentRecord = {
    appointmentId: store.newId(),
    appointmentReferenceNumber: store.nextReferenceNumber(),
    status: "Booked",
    practitionerId,
    locationId: body.locationId,
    appointmentTypeId: type?.appointmentTypeId ?? null,
    clientId: client.clientId,
    start,
    end,
    subject: body.subject ?? defaultSubject(client),
    notes: body.notes ?? "",
    notifyPractitioner: body.notifyPractitioner ?? false,
    isEmailReminderRequired: body.isEmailReminderRequired ?? false,
    // coreplus stores the SMS flag as false when the client has no mobile (S8).
    isSmsReminderRequired: (body.isSmsReminderRequired ?? false) && client.phoneNumberMobile.trim() !== "",
    cancellationReasonId: null,
    cancellationNotes: null,
  };
  store.appointments.set(appointment.appointmentId, appointment);
  recordChange(store, now, "created", undefined, appointment);
  return appointment;
}

/** Updates or reschedules; a new time, practitioner or location is checked like a booking, ignoring itself. */
export function updateAppointment(
  store: SandboxStore,
  now: number,
  id: string,
  body: AppointmentUpdate,
): AppointmentRecord {
  const appointment = store.appointment(id);
  if (!appointment) throw notFound("Appointment not found");
  if (appointment.status === "Cancelled") throw badRequest("A cancelled appointment cannot be changed");

  const start = body.startDateTime !== undefined ? instantOf(body.startDateTime) : appointment.start;
  const end =
    body.endDateTime !== undefined
      ? instantOf(body.endDateTime)
      : body.startDateTime !== undefined
        ? start + (appointment.end - appointment.start)
        : appointment.end;
  if (end <= start) throw badRequest("endDateTime must be after startDateTime");
  const practitionerId = body.practitioner?.practitionerId ?? appointment.practitionerId;
  const locationId = body.locationId ?? appointment.locationId;
  if (!store.practitioner(practitionerId)) throw badRequest("Unknown practitionerId");
  if (!store.location(locationId)) throw badRequest("Unknown locationId");
  const type =
    body.appointmentTypeId !== undefined
      ? requireType(store, body.appointmentTypeId)
      : appointment.appointmentTypeId
        ? store.appointmentType(appointment.appointmentTypeId)
        : undefined;
  if (
    body.appointmentTypeId !== undefined ||
    practitionerId !== appointment.practitionerId ||
    locationId !== appointment.locationId
  ) {
    checkTypeOffered(type, practitionerId, locationId);
  }
  const moved =
    start !== appointment.start ||
    end !== appointment.end ||
    practitionerId !== appointment.practitionerId ||
    locationId !== appointment.locationId;
  if (
    moved &&
    !isBookable(store, {
      practitionerId,
      locationId,
      start,
      end,
      now,
      exceptAppointmentId: appointment.appointmentId,
    })
  ) {
    throw notAvailable();
  }

  const before = trackedFields(store, appointment);
  appointment.start = start;
  appointment.end = end;
  appointment.practitionerId = practitionerId;
  appointment.locationId = locationId;
  if (body.appointmentTypeId !== undefined) appointment.appointmentTypeId = type?.appointmentTypeId ?? null;
  if (body.subject !== undefined) appointment.subject = body.subject;
  if (body.notes !== undefined) appointment.notes = body.notes;
  if (body.notifyPractitioner !== undefined) appointment.notifyPractitioner = body.notifyPractitioner;
  if (body.isEmailReminderRequired !== undefined)
    appointment.isEmailReminderRequired = body.isEmailReminderRequired;
  if (body.isSmsReminderRequired !== undefined) {
    const mobile = store.client(appointment.clientId)?.phoneNumberMobile.trim() ?? "";
    appointment.isSmsReminderRequired = body.isSmsReminderRequired && mobile !== "";
  }
  recordChange(store, now, "updated", before, appointment);
  return appointment;
}

/** Cancels (status "Cancelled", the slot becomes free); cancelling again changes nothing. */
export function cancelAppointment(
  store: SandboxStore,
  now: number,
  id: string,
  body: Pick<AppointmentCancel, "cancellationReasonId" | "cancellationNotes">,
): AppointmentRecord {
  const appointment = store.appointment(id);
  if (!appointment) throw notFound("Appointment not found");
  if (appointment.status === "Cancelled") return appointment;
  const before = trackedFields(store, appointment);
  appointment.status = "Cancelled";
  appointment.cancellationReasonId = body.cancellationReasonId ?? null;
  appointment.cancellationNotes = body.cancellationNotes ?? null;
  recordChange(store, now, "cancelled", before, appointment);
  return appointment;
}
