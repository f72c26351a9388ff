/**
 * One booking, resumable: serialised per slot, re-checked fresh, patient matched safely, and every
 * step recorded in the patient-free idempotency record so that a retry after a failure picks up
 * where the last attempt stopped instead of creating a second client or appointment.
 */
import { type Appointment, CoreplusSlotUnavailableError, formatInZone } from "@coreplus-kit/core";
import {
  bookingWindow,
  requireInWindow,
  resolveSubject,
  type SlotSubject,
  slotKey,
  upstreamSlots,
} from "../availability/index.js";
import { audienceContradicts, getCatalogue } from "../catalogue/index.js";
import { ProblemError, validationProblem } from "../http/index.js";
import type { BookingRequest, BookingSummary } from "../schemas/public.js";
import { chargeBookingLimits, limitedPatient } from "./booking-limits.js";
import type { IdempotentRun } from "./idempotent-run.js";
import { appointmentNotes, checkPatientExtras, ensurePatient } from "./patient-record.js";
import { bookingSummary, remindersFor } from "./summary.js";

/** How long a taken slot is remembered (hidden from availability, refused without asking coreplus). */
export const TAKEN_TTL_MS = 10 * 60 * 1000;
/** A lock holder that vanished is replaced after this long. */
export const LOCK_LEASE_MS = 60_000;

/** What a booking attempt needs besides the request: its key's record and its allowance. */
export type BookingRun = IdempotentRun;

/** Books `req`, resuming from `run.record.progress`. Throws problems for 409/422 and upstream failures. */
export async function book(run: BookingRun, req: BookingRequest): Promise<BookingSummary> {
  const { scope } = run;
  const cat = await getCatalogue(scope);
  const subject = resolveSubject(
    cat,
    req.slot,
    {
      locationId: "/slot/locationId",
      appointmentTypeId: "/slot/appointmentTypeId",
      practitionerId: "/slot/practitionerId",
    },
    { config: scope.rt.config, disciplineId: req.slot.disciplineId, pointer: "/slot/disciplineId" },
  );
  if (audienceContradicts(scope.rt.config, subject.type.id, req.returning))
    throw validationProblem([
      {
        pointer: "/slot/appointmentTypeId",
        code: "audience_mismatch",
        detail: req.returning ? "is for new patients only" : "is for returning patients only",
      },
    ]);
  const practitioner = subject.practitioners[0]!;
  const zone = subject.location.timezone;
  const startMs = Date.parse(req.slot.start);
  const win = bookingWindow(scope, zone);
  const date = formatInZone(startMs, zone).slice(0, 10);
  const today = win.today;
  if (req.patient.dateOfBirth > today)
    throw validationProblem([
      { pointer: "/patient/dateOfBirth", code: "in_future", detail: "is in the future" },
    ]);
  if (req.patient.dateOfBirth < "1900-01-01")
    throw validationProblem([
      { pointer: "/patient/dateOfBirth", code: "out_of_range", detail: "is too long ago" },
    ]);
  const answers = checkPatientExtras(run, req, subject.type.id);
  const progress = run.record.progress;
  if (!progress.bookingSent) requireInWindow(win, startMs, date, "/slot/start");
  const key = slotKey(practitioner.id, startMs);
  const reminders = remindersFor(scope.rt.config.reminders, req);
  return scope.rt.state.withLock(
    `slot:${key}`,
    { waitMs: run.remaining(), leaseMs: LOCK_LEASE_MS },
    async () => {
      const own = progress.bookingSent ? await findOwnAppointment(run, subject, date, startMs) : undefined;
      if (own) return summarise(run, subject, own, reminders);
      if (!progress.bookingSent && (await scope.rt.state.takenSlots()).includes(key)) throw slotGone();
      // Fresh re-check before anything is written.
      const fresh = await upstreamSlots(scope, { ...subject, practitioners: [practitioner] }, date, date, {
        fresh: true,
        signal: run.signal,
      });
      if (!fresh.some((slot) => slot.startMs === startMs && slot.practitionerId === practitioner.id)) {
        const late = progress.bookingSent ? await findOwnAppointment(run, subject, date, startMs) : undefined;
        if (late) return summarise(run, subject, late, reminders);
        await scope.rt.state.markSlotTaken(key, TAKEN_TTL_MS);
        throw slotGone();
      }
      // A new attempt at a free slot: counted once against the patient's and the clinic's limits.
      if (!progress.clientId && !progress.limitsCharged) {
        await chargeBookingLimits(scope, limitedPatient(req));
        progress.limitsCharged = true;
      }
      const clientId = await ensurePatient(run, req);
      progress.bookingSent = true;
      await run.save();
      const { config } = scope.rt;
      let appointment: Appointment;
      try {
        // Never retried except on 429 (core's book): a blind retry could book twice.
        appointment = await scope.rt.coreplus.appointments.book(
          {
            startDateTime: formatInZone(startMs, zone),
            endDateTime: formatInZone(startMs + subject.type.durationMinutes * 60_000, zone),
            practitioner: { practitionerId: practitioner.id },
            locationId: subject.location.id,
            clients: [{ clientId }],
            appointmentTypeId: subject.type.id,
            notes: appointmentNotes(run, req, answers),
            isEmailReminderRequired: reminders.email,
            isSmsReminderRequired: reminders.sms,
            notifyPractitioner: config.notifyPractitioner,
          },
          { signal: run.signal },
        );
      } catch (err) {
        if (err instanceof CoreplusSlotUnavailableError) {
          // Our own earlier attempt may be what holds the slot (it timed out but went through).
          const mine = await findOwnAppointment(run, subject, date, startMs);
          if (mine) return summarise(run, subject, mine, reminders);
          progress.bookingSent = false;
          await run.save();
          await scope.rt.state.markSlotTaken(key, TAKEN_TTL_MS);
          throw slotGone();
        }
        throw err;
      }
      await scope.rt.state.markSlotTaken(key, TAKEN_TTL_MS);
      return summarise(run, subject, appointment, reminders);
    },
  );
}

export function slotGone(): ProblemError {
  return new ProblemError(
    "slot-unavailable",
    "Someone else has just booked this time. Please choose another.",
  );
}

/** Our client's appointment at that start, if an earlier attempt created it. */
async function findOwnAppointment(
  run: BookingRun,
  subject: SlotSubject,
  date: string,
  startMs: number,
): Promise<Appointment | undefined> {
  const clientId = run.record.progress.clientId;
  if (!clientId) return undefined;
  const practitioner = subject.practitioners[0]!;
  // One page of 100 is plenty: one client, one practitioner, one day.
  const list = await run.scope.rt.coreplus.appointments.list(
    {
      startDate: date,
      endDate: date,
      timezoneId: subject.location.timezoneId,
      practitionerId: practitioner.id,
      locationId: subject.location.id,
      clientId,
      pageSize: 100,
    },
    { signal: run.signal },
  );
  return list.items.find(
    (a) =>
      Date.parse(a.startDateTime) === startMs &&
      a.practitioner.practitionerId === practitioner.id &&
      a.status !== "Cancelled" &&
      a.clients.some((c) => c.clientId === clientId),
  );
}

async function summarise(
  run: BookingRun,
  subject: SlotSubject,
  a: Appointment,
  reminders: BookingSummary["reminders"],
): Promise<BookingSummary> {
  run.record.progress.appointmentId = a.appointmentId;
  await run.save();
  return bookingSummary(subject, a, reminders);
}
