/**
 * POST …/bookings/{token}/cancel and …/reschedule: one change per Idempotency-Key (replayed like
 * bookings), one change per appointment at a time, and a reschedule serialised with bookings on the
 * new slot's lock and re-checked fresh before the same coreplus appointment is moved in place. Final
 * outcomes (200, 404, 409, 422) are recorded; after a failure the same key reads the appointment
 * back and finishes what was sent instead of repeating it blindly.
 */
import { type Appointment, CoreplusSlotUnavailableError, dateInZone, formatInZone } from "@coreplus-kit/core";
import {
  bookingWindow,
  requireInWindow,
  resolveSubject,
  slotKey,
  upstreamSlots,
} from "../availability/index.js";
import {
  bodyHash,
  type IdempotentRun,
  LOCK_LEASE_MS,
  runIdempotent,
  slotGone,
  TAKEN_TTL_MS,
} from "../bookings/index.js";
import { type Catalogue, getCatalogue } from "../catalogue/index.js";
import { requireProof, withoutProof } from "../challenge/index.js";
import { ProblemError, zodProblem } from "../http/index.js";
import { CancelRequest, RescheduleRequest } from "../schemas/manage.js";
import type { Json } from "../state/index.js";
import type { RequestScope } from "../types.js";
import {
  bookingNotFound,
  managedBooking,
  type ResolvedAppointment,
  readAppointment,
  resolveAppointment,
} from "./managed-booking.js";
import { rememberReference } from "./references.js";

/** Which change. */
export type ChangeKind = "cancel" | "reschedule";

/** A change request that passed the checks made before anything is stored. */
export interface CheckedChangeRequest {
  kind: ChangeKind;
  token: string;
  /** The parsed JSON object, validated under the key's lock. */
  body: object;
  idempotencyKey: string;
}

/** The outcome of a change, for the log line. */
export type ChangeOutcome = "cancelled" | "rescheduled" | "refused" | "slot-unavailable" | "invalid";

const FINAL: Record<string, ChangeOutcome> = {
  "booking-not-found": "refused",
  "too-late-to-change": "refused",
  "booking-cancelled": "refused",
  "slot-unavailable": "slot-unavailable",
  validation: "invalid",
};

/** Handles one change; throws {@link ProblemError} for answers that are not recorded. */
export async function handleChange(scope: RequestScope, req: CheckedChangeRequest) {
  // The token is checked before anything is stored: a bad one is simply 404 booking-not-found.
  const appointmentId = await tokenAppointmentId(scope, req.token);
  // The proof is not part of the attempt: a retry with the same key may carry any (or none).
  const compared = withoutProof(req.body);
  const hash = await bodyHash(await scope.rt.bodyKey, { change: req.kind, appointmentId, body: compared });
  return runIdempotent(
    scope,
    {
      key: req.idempotencyKey,
      hash,
      what: req.kind === "cancel" ? "cancellation" : "reschedule",
      finalOutcome: (problem) => FINAL[problem.problemType],
      // A new attempt proves a solved challenge before anything is recorded or asked upstream.
      beforeNewAttempt: () => requireProof(scope, req.body),
    },
    async (run) => {
      if (req.kind === "cancel") {
        const parsed = CancelRequest.safeParse(compared);
        if (!parsed.success) throw zodProblem(parsed.error, "");
        return cancel(run, appointmentId, parsed.data.reason);
      }
      const parsed = RescheduleRequest.safeParse(compared);
      if (!parsed.success) throw zodProblem(parsed.error, "");
      return reschedule(run, appointmentId, parsed.data);
    },
  );
}

async function tokenAppointmentId(scope: RequestScope, token: string): Promise<string> {
  const id = await scope.rt.manage.verify(token, scope.rt.config.slug, scope.now.getTime());
  if (!id) throw bookingNotFound();
  return id;
}

type Answer = { status: number; body: Json; outcome: ChangeOutcome };

/** Reads the appointment fresh under its own lock (one change per appointment at a time). */
async function withAppointment<T>(
  run: IdempotentRun,
  appointmentId: string,
  fn: (cat: Catalogue, r: ResolvedAppointment) => Promise<T>,
): Promise<T> {
  const { scope } = run;
  const cat = await getCatalogue(scope);
  const lock = `appointment:${appointmentId.toLowerCase()}`;
  return scope.rt.state.withLock(lock, { waitMs: run.remaining(), leaseMs: LOCK_LEASE_MS }, async () => {
    const a = await readAppointment(scope, appointmentId, run.signal);
    return fn(cat, resolveAppointment(scope, cat, a));
  });
}

/** 409 too-late-to-change, with the location's phone. */
function tooLate(r: ResolvedAppointment, detail: string): ProblemError {
  return new ProblemError("too-late-to-change", detail, { phone: r.location.phone });
}

/** Refuses a change the policy or the clock no longer allows. */
function requireChangeable(scope: RequestScope, r: ResolvedAppointment, kind: ChangeKind): void {
  if (r.cancelled)
    throw new ProblemError("booking-cancelled", "This booking is cancelled, so it can't be changed.");
  const { changes } = scope.rt.config;
  const phone = r.location.phone ? ` on ${r.location.phone}` : "";
  if (scope.now.getTime() >= r.untilMs)
    throw tooLate(
      r,
      `It's too close to the appointment to change it online. Please call the clinic${phone}.`,
    );
  if (kind === "cancel" && !changes.cancel)
    throw tooLate(r, `This clinic takes cancellations by phone. Please call${phone}.`);
  if (kind === "reschedule" && (!changes.reschedule || !r.onlineType))
    throw tooLate(r, `This appointment can't be moved online. Please call the clinic${phone}.`);
}

async function cancel(
  run: IdempotentRun,
  appointmentId: string,
  reason: string | undefined,
): Promise<Answer> {
  const { scope } = run;
  return withAppointment(run, appointmentId, async (cat, r) => {
    const progress = run.record.progress;
    // Our own earlier attempt went through: finish it.
    if (!(progress.changeSent && r.cancelled)) {
      requireChangeable(scope, r, "cancel");
      progress.changeSent = true;
      await run.save();
      const a = await scope.rt.coreplus.appointments.cancel(r.appointment.appointmentId, {
        ...(reason ? { notes: reason } : {}),
        signal: run.signal,
      });
      r = resolveAppointment(scope, cat, {
        ...r.appointment,
        ...a,
        practitioner: r.appointment.practitioner,
      });
    }
    await scope.rt.state.releaseSlot(
      slotKey(r.appointment.practitioner.practitionerId.toLowerCase(), r.startMs),
    );
    return {
      status: 200,
      body: { booking: managedBooking(scope, cat, r) } as unknown as Json,
      outcome: "cancelled",
    };
  });
}

async function reschedule(
  run: IdempotentRun,
  appointmentId: string,
  req: RescheduleRequest,
): Promise<Answer> {
  const { scope } = run;
  return withAppointment(run, appointmentId, async (cat, r) => {
    const a = r.appointment;
    const progress = run.record.progress;
    const newStartMs = Date.parse(req.start);
    const practitionerId = (req.practitionerId ?? a.practitioner.practitionerId).toLowerCase();
    const moved = (x: Appointment) =>
      Date.parse(x.startDateTime) === newStartMs &&
      x.practitioner.practitionerId.toLowerCase() === practitionerId;
    // Our own earlier attempt went through (or the booking is already there): answer it.
    if (!(progress.changeSent && moved(a))) {
      requireChangeable(scope, r, "reschedule");
      const subject = resolveSubject(
        cat,
        { locationId: r.location.id, appointmentTypeId: a.appointmentTypeId ?? "", practitionerId },
        { locationId: "/start", appointmentTypeId: "/start", practitionerId: "/practitionerId" },
      );
      const zone = r.location.timezone;
      requireInWindow(bookingWindow(scope, zone), newStartMs, dateInZone(newStartMs, zone), "/start");
      if (!moved(a)) await move(run, subject, r, newStartMs, dateInZone(newStartMs, zone));
    }
    const fresh = moved(a) ? a : await readAppointment(scope, a.appointmentId, run.signal);
    const now = resolveAppointment(scope, cat, fresh);
    await rememberReference(
      scope,
      String(fresh.appointmentReferenceNumber),
      fresh.appointmentId,
      now.startMs,
    );
    const manage = await scope.rt.manage.sign(
      scope.rt.config.slug,
      fresh.appointmentId,
      now.startMs,
      now.location.timezone,
    );
    return {
      status: 200,
      body: { booking: managedBooking(scope, cat, now), manage } as unknown as Json,
      outcome: "rescheduled",
    };
  });
}

/** Moves the appointment to the new slot, under that slot's booking lock, after a fresh re-check. */
async function move(
  run: IdempotentRun,
  subject: ReturnType<typeof resolveSubject>,
  r: ResolvedAppointment,
  newStartMs: number,
  date: string,
): Promise<void> {
  const { scope } = run;
  const practitioner = subject.practitioners[0]!;
  const a = r.appointment;
  const key = slotKey(practitioner.id, newStartMs);
  const zone = r.location.timezone;
  await scope.rt.state.withLock(
    `slot:${key}`,
    { waitMs: run.remaining(), leaseMs: LOCK_LEASE_MS },
    async () => {
      if ((await scope.rt.state.takenSlots()).includes(key)) throw slotGone();
      const fresh = await upstreamSlots(scope, { ...subject, practitioners: [practitioner] }, date, date, {
        fresh: true,
        signal: run.signal,
      });
      if (!fresh.some((s) => s.startMs === newStartMs && s.practitionerId === practitioner.id)) {
        await scope.rt.state.markSlotTaken(key, TAKEN_TTL_MS);
        throw slotGone();
      }
      run.record.progress.changeSent = true;
      await run.save();
      const durationMs = Date.parse(a.endDateTime) - r.startMs;
      try {
        // Never retried except on 429 (core's update): the same key reads it back instead.
        await scope.rt.coreplus.appointments.update(
          a.appointmentId,
          {
            startDateTime: formatInZone(newStartMs, zone),
            endDateTime: formatInZone(newStartMs + durationMs, zone),
            practitioner: { practitionerId: practitioner.id },
          },
          { signal: run.signal },
        );
      } catch (err) {
        if (err instanceof CoreplusSlotUnavailableError) {
          run.record.progress.changeSent = false;
          await run.save();
          await scope.rt.state.markSlotTaken(key, TAKEN_TTL_MS);
          throw slotGone();
        }
        throw err;
      }
      await scope.rt.state.markSlotTaken(key, TAKEN_TTL_MS);
      await scope.rt.state.releaseSlot(slotKey(a.practitioner.practitionerId.toLowerCase(), r.startMs));
    },
  );
}
