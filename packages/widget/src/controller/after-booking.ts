/**
 * What follows a booking: the `coreplus-booked` detail, and where a failed booking leads (loaded
 * with the later views: only the review books).
 */
import { EdgeRequestError } from "../api/edge-error.js";
import type { BookingSummary } from "../api/types.js";
import type { CoreplusBookedDetail } from "../events.js";
import { type CalendarDate, dateIn, later } from "../internal/dates.js";
import { fieldForPointer, serverFieldMessage } from "../internal/details.js";
import type { Messages } from "../messages/index.js";
import type { FlowState } from "./flow-state.js";

/** Where a failed booking leads: the state to set and the step to show (none: stay on the review). */
export interface BookingErrorOutcome {
  patch: Partial<FlowState>;
  step?: "time" | "details";
}

/**
 * A slot taken meanwhile (409) goes back to the times around it (never before `today`) with a
 * notice, keeping the details; field errors from the edge API (422) go to the details with the
 * summary; anything else stays on the review as a failure there.
 */
export function afterBookingError(
  e: unknown,
  s: Pick<FlowState, "chosen" | "refresh">,
  m: Messages,
  timezone: string,
  today: CalendarDate,
): BookingErrorOutcome {
  if (e instanceof EdgeRequestError && e.code === "ERR_SLOT_UNAVAILABLE" && s.chosen)
    return {
      step: "time",
      patch: { ...slotTaken(s.chosen.start, s.refresh, m, timezone, today), returnToReview: true },
    };
  const fields = e instanceof EdgeRequestError && e.code === "ERR_VALIDATION" ? e.fieldErrors : [];
  const mapped = fields.flatMap((f) => fieldForPointer(f.pointer) ?? []);
  if (mapped[0]) {
    return {
      step: "details",
      patch: {
        errors: Object.fromEntries(mapped.map((f) => [f, serverFieldMessage(f, m)])),
        showSummary: true,
        returnToReview: true,
      },
    };
  }
  return { patch: { bookFailure: e } };
}

/**
 * After a time was taken meanwhile (a booking's or a reschedule's): its day in its week (never before
 * `today`), read again (`refresh` bumped), with the notice and no time chosen.
 */
export function slotTaken(
  start: string,
  refresh: number,
  m: Pick<Messages, "slotTaken">,
  timezone: string,
  today: CalendarDate,
): { chosen: undefined; notice: string; weekFrom: CalendarDate; day: CalendarDate; refresh: number } {
  const day = dateIn(timezone, new Date(start));
  return { chosen: undefined, notice: m.slotTaken, weekFrom: later(day, today), day, refresh: refresh + 1 };
}

/** The `coreplus-booked` detail: what identifies the appointment, never a patient detail. */
export function bookedDetail(clinic: string, booking: BookingSummary): CoreplusBookedDetail {
  const { reference, start, end, timezone, location, practitioner, appointmentType, reminders } = booking;
  return {
    clinic,
    reference,
    start,
    end,
    timezone,
    location: { id: location.id, name: location.name },
    practitioner: { id: practitioner.id, displayName: practitioner.displayName },
    appointmentType: {
      id: appointmentType.id,
      name: appointmentType.name,
      durationMinutes: appointmentType.durationMinutes,
    },
    reminders: { email: reminders.email, sms: reminders.sms },
  };
}
