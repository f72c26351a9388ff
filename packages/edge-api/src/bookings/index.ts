/** Bookings: the checks before anything is stored, then one idempotent, resumable booking per key. */

export { LOCK_LEASE_MS, slotGone, TAKEN_TTL_MS } from "./book.js";
export { type BookingRateAlert, chargeBookingLimits, type LimitedPatient } from "./booking-limits.js";
export {
  type BookingAnswer,
  type CheckedBookingRequest,
  checkBookingRequest,
  handleBooking,
} from "./handle-booking.js";
export { bodyHash, requireIdempotencyKey } from "./idempotency.js";
export { BOOKING_ALLOWANCE_MS, type IdempotentRun, runIdempotent } from "./idempotent-run.js";
export { bookingSummary, remindersFor } from "./summary.js";
