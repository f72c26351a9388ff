/** Bookings: the checks before anything is stored, then one idempotent, resumable booking per key. */
export {
  BOOKING_ALLOWANCE_MS,
  type BookingAnswer,
  type CheckedBookingRequest,
  checkBookingRequest,
  handleBooking,
} from "./handle-booking.js";
