/** Bookings: the checks before anything is stored, then one idempotent, resumable booking per key. */
export { type BookingRateAlert, chargeBookingLimits, type LimitedPatient } from "./booking-limits.js";
export {
  BOOKING_ALLOWANCE_MS,
  type BookingAnswer,
  type CheckedBookingRequest,
  checkBookingRequest,
  handleBooking,
} from "./handle-booking.js";
