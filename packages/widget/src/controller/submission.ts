/**
 * What only submitting needs (the details' checks, the request body, idempotency keys, the manage
 * link, where a failed booking leads): loaded with the later views, after the first screen is up.
 */
export { bookingRequest, validateDetails } from "../internal/details.js";
export { createIdempotencyKeys } from "../internal/idempotency.js";
export { manageLink } from "../internal/manage-links.js";
export { afterBookingError, bookedDetail } from "./after-booking.js";
