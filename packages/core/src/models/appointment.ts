/** Appointment (coreplus-api.md §4.6): what coreplus returns. */
import { z } from "zod";
import { Boolish, CoreplusDateTime, Guid, OptionalText, optional, StringLike, Text } from "./common.js";

/** Statuses we know of. Others may exist (coreplus-api.md §6), so `Appointment.status` passes them through. */
export const AppointmentStatus = z.enum(["Booked", "Attended", "Cancelled", "DNA"]);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** The practitioner of an appointment; names only with `getPractitionerProfiles=true`. */
export const AppointmentPractitioner = z.object({
  practitionerId: Guid,
  firstName: OptionalText,
  lastName: OptionalText,
});
export type AppointmentPractitioner = z.infer<typeof AppointmentPractitioner>;

/** A client reference on an appointment. */
export const AppointmentClient = z.object({ clientId: Guid });
export type AppointmentClient = z.infer<typeof AppointmentClient>;

/** An appointment. Start/end are normalised to "YYYY-MM-DDTHH:mm:ss+HH:MM" (coreplus sends a space). */
export const Appointment = z.object({
  appointmentId: Guid,
  /** Digits, e.g. "100234" (a number is accepted and read as a string). */
  appointmentReferenceNumber: StringLike,
  status: z.string().min(1) as z.ZodType<AppointmentStatus | (string & {}), string>,
  practitioner: AppointmentPractitioner,
  subject: Text,
  notes: Text,
  locationId: Guid,
  appointmentTypeId: z
    .union([Guid, z.null()])
    .optional()
    .transform((v) => v ?? null),
  startDateTime: CoreplusDateTime,
  endDateTime: CoreplusDateTime,
  clients: z.array(AppointmentClient),
  notifyPractitioner: optional(Boolish).transform((v) => v ?? false),
  isEmailReminderRequired: optional(Boolish),
  isSmsReminderRequired: optional(Boolish),
  /** Only with `cancellationId=true`. */
  cancellationReasonId: optional(Guid),
  cancellationNotes: OptionalText,
});
export type Appointment = z.infer<typeof Appointment>;
