/**
 * One booking, resumable: serialised per slot, re-checked fresh, patient matched safely, and every
 * step recorded in the patient-free idempotency record so that a retry after a failure picks up
 * where the last attempt stopped instead of creating a second client or appointment.
 */
import { type Appointment, CoreplusSlotUnavailableError, formatInZone } from "@coreplus-kit/core";
import {
  bookingWindow,
  resolveSubject,
  type SlotSubject,
  slotKey,
  upstreamSlots,
} from "../availability/index.js";
import { getCatalogue } from "../catalogue/index.js";
import { ProblemError, validationProblem } from "../http/index.js";
import type { BookingRequest, BookingSummary } from "../schemas/public.js";
import type { IdempotencyRecord } from "../state/index.js";
import type { RequestScope } from "../types.js";
import { chargeBookingLimits } from "./booking-limits.js";
import { findOrCreateClient } from "./patient-match.js";

/** How long a taken slot is remembered (hidden from availability, refused without asking coreplus). */
const TAKEN_TTL_MS = 10 * 60 * 1000;
/** A lock holder that vanished is replaced after this long. */
const LOCK_LEASE_MS = 60_000;

/** What a booking attempt needs besides the request. */
export interface BookingRun {
  scope: RequestScope;
  record: IdempotencyRecord;
  /** Persists the record's progress (patient-free). */
  save: () => Promise<void>;
  /** Fires when the booking's 15 s allowance runs out. */
  signal: AbortSignal;
  /** Remaining allowance in ms. */
  remaining: () => number;
}

/** Books `req`, resuming from `run.record.progress`. Throws problems for 409/422 and upstream failures. */
export async function book(run: BookingRun, req: BookingRequest): Promise<BookingSummary> {
  const { scope } = run;
  const cat = await getCatalogue(scope);
  const subject = resolveSubject(cat, req.slot, {
    locationId: "/slot/locationId",
    appointmentTypeId: "/slot/appointmentTypeId",
    practitionerId: "/slot/practitionerId",
  });
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
  const progress = run.record.progress;
  if (!progress.bookingSent) {
    if (startMs < win.earliestMs)
      throw validationProblem([
        { pointer: "/slot/start", code: "too_soon", detail: "is sooner than the clinic's minimum notice" },
      ]);
    if (date > win.lastDate)
      throw validationProblem([
        {
          pointer: "/slot/start",
          code: "too_far_ahead",
          detail: "is further ahead than the clinic takes bookings",
        },
      ]);
  }
  const key = slotKey(practitioner.id, startMs);
  return scope.rt.state.withLock(
    `slot:${key}`,
    { waitMs: run.remaining(), leaseMs: LOCK_LEASE_MS },
    async () => {
      const own = progress.bookingSent ? await findOwnAppointment(run, subject, date, startMs) : undefined;
      if (own) return summarise(run, subject, own);
      if (!progress.bookingSent && (await scope.rt.state.takenSlots()).includes(key)) throw slotGone();
      // Fresh re-check before anything is written.
      const fresh = await upstreamSlots(scope, { ...subject, practitioners: [practitioner] }, date, date, {
        fresh: true,
        signal: run.signal,
      });
      if (!fresh.some((slot) => slot.startMs === startMs && slot.practitionerId === practitioner.id)) {
        const late = progress.bookingSent ? await findOwnAppointment(run, subject, date, startMs) : undefined;
        if (late) return summarise(run, subject, late);
        await scope.rt.state.markSlotTaken(key, TAKEN_TTL_MS);
        throw slotGone();
      }
      if (!progress.clientId) {
        // A new attempt at a free slot: counted once against the patient's and the clinic's limits.
        if (!progress.limitsCharged) {
          await chargeBookingLimits(scope, req.patient);
          progress.limitsCharged = true;
        }
        const { clientId } = await findOrCreateClient(scope.rt.coreplus, req.patient, run.signal);
        progress.clientId = clientId;
        await run.save();
      }
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
            clients: [{ clientId: progress.clientId }],
            appointmentTypeId: subject.type.id,
            notes: req.note?.trim() ?? "",
            isEmailReminderRequired: config.reminders.email,
            isSmsReminderRequired: config.reminders.sms,
            notifyPractitioner: config.notifyPractitioner,
          },
          { signal: run.signal },
        );
      } catch (err) {
        if (err instanceof CoreplusSlotUnavailableError) {
          // Our own earlier attempt may be what holds the slot (it timed out but went through).
          const mine = await findOwnAppointment(run, subject, date, startMs);
          if (mine) return summarise(run, subject, mine);
          progress.bookingSent = false;
          await run.save();
          await scope.rt.state.markSlotTaken(key, TAKEN_TTL_MS);
          throw slotGone();
        }
        throw err;
      }
      await scope.rt.state.markSlotTaken(key, TAKEN_TTL_MS);
      return summarise(run, subject, appointment);
    },
  );
}

function slotGone(): ProblemError {
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

async function summarise(run: BookingRun, subject: SlotSubject, a: Appointment): Promise<BookingSummary> {
  run.record.progress.appointmentId = a.appointmentId;
  await run.save();
  const { location, type } = subject;
  const practitioner = subject.practitioners[0]!;
  const zone = location.timezone;
  const { reminders } = run.scope.rt.config;
  return {
    reference: String(a.appointmentReferenceNumber),
    start: formatInZone(Date.parse(a.startDateTime), zone),
    end: formatInZone(Date.parse(a.endDateTime), zone),
    timezone: zone,
    location: { id: location.id, name: location.name, address: location.address, phone: location.phone },
    practitioner: { id: practitioner.id, displayName: practitioner.displayName },
    appointmentType: { id: type.id, name: type.name, durationMinutes: type.durationMinutes },
    reminders: {
      email: a.isEmailReminderRequired ?? reminders.email,
      sms: a.isSmsReminderRequired ?? reminders.sms,
    },
  };
}
