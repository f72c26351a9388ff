/**
 * What only submitting needs (the details' checks, the request body, idempotency keys, the manage
 * link, where a failed booking leads; the clinic's questions, the page's UTM parameters, the kept
 * contact details, `prefill`, Back and Forward between steps): loaded with the later views, after the first screen is up.
 */
export { attributionFrom } from "../internal/attribution.js";
export { bookingRequest, validateDetails } from "../internal/details.js";
export { createIdempotencyKeys } from "../internal/idempotency.js";
export { manageLink } from "../internal/manage-links.js";
export { askedQuestions } from "../internal/questions.js";
export { forWhomMessages } from "../messages/for-whom.js";
export { afterBookingError } from "./after-booking.js";
export { withPrefill } from "./prefill.js";
export { clearContact, draftForAnother, edited, loadContact, saveContact } from "./saved-contact.js";
export { StepHistory } from "./step-history.js";
