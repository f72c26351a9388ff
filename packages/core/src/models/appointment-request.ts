/** Appointment request bodies (coreplus-api.md §4.6): book, update/reschedule and cancel. */
import { z } from "zod";
import { isRecord } from "../internal/canonical-keys.js";
import { parseCoreplusDateTime } from "../time/parse.js";
import { Boolish, CoreplusDateTime, Guid, optional } from "./common.js";

const upTo300 = z.string().max(300, "At most 300 characters");

/**
 * Accepts the shapes coreplus clients send: a flat `practitionerId` (C1) becomes `practitioner`, and
 * reminder flags nested in `appointmentReminder` (C2) are lifted to the top level (top level wins).
 */
function normaliseAppointmentBody(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const out: Record<string, unknown> = { ...input };
  if (out.practitioner === undefined && out.practitionerId !== undefined) {
    out.practitioner = { practitionerId: out.practitionerId };
  }
  delete out.practitionerId;
  const reminder = out.appointmentReminder;
  if (isRecord(reminder)) {
    for (const key of ["isEmailReminderRequired", "isSmsReminderRequired"] as const) {
      if (out[key] === undefined && reminder[key] !== undefined) out[key] = reminder[key];
    }
  }
  delete out.appointmentReminder;
  return out;
}

function endAfterStart(
  body: { startDateTime?: string | undefined; endDateTime?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (body.startDateTime === undefined || body.endDateTime === undefined) return;
  const start = parseCoreplusDateTime(body.startDateTime).instant.getTime();
  const end = parseCoreplusDateTime(body.endDateTime).instant.getTime();
  if (end <= start) {
    ctx.addIssue({
      code: "custom",
      path: ["endDateTime"],
      message: "endDateTime must be after startDateTime",
    });
  }
}

const PractitionerRef = z.object({ practitionerId: Guid });
const ClientRef = z.object({ clientId: Guid });

/** Body of `POST /Appointment/` (a booking). Date-times must carry an offset. */
export const AppointmentBook = z.preprocess(
  normaliseAppointmentBody,
  z
    .object({
      startDateTime: CoreplusDateTime,
      endDateTime: CoreplusDateTime,
      practitioner: PractitionerRef,
      locationId: Guid,
      clients: z.array(ClientRef).length(1, "Exactly one client"),
      appointmentTypeId: optional(Guid),
      subject: optional(upTo300),
      notes: optional(upTo300),
      isEmailReminderRequired: optional(Boolish),
      isSmsReminderRequired: optional(Boolish),
      notifyPractitioner: optional(Boolish),
    })
    .superRefine(endAfterStart),
);
export type AppointmentBook = z.infer<typeof AppointmentBook>;

/** Body of `POST /Appointment/{id}/` that updates or reschedules (any subset of these fields). */
export const AppointmentUpdate = z.preprocess(
  normaliseAppointmentBody,
  z
    .object({
      startDateTime: optional(CoreplusDateTime),
      endDateTime: optional(CoreplusDateTime),
      practitioner: optional(PractitionerRef),
      locationId: optional(Guid),
      appointmentTypeId: optional(Guid),
      subject: optional(upTo300),
      notes: optional(upTo300),
      notifyPractitioner: optional(Boolish),
      isEmailReminderRequired: optional(Boolish),
      isSmsReminderRequired: optional(Boolish),
    })
    .superRefine(endAfterStart),
);
export type AppointmentUpdate = z.infer<typeof AppointmentUpdate>;

/**
 * A cancellation, in both forms coreplus uses: `{"deleted": true}` posted to `/Appointment/{id}/`, or
 * `{"appointmentId": "…", "deleted": "true"}` posted to `/Appointment/`. `deleted` must be true.
 */
export const AppointmentCancel = z.object({
  appointmentId: optional(Guid),
  deleted: Boolish.pipe(z.literal(true, { message: "deleted must be true to cancel" })),
  cancellationReasonId: optional(Guid),
  cancellationNotes: optional(upTo300),
});
export type AppointmentCancel = z.infer<typeof AppointmentCancel>;
