/**
 * Everything the first screen loads later, behind one module: the build's later chunk starts here, so
 * every `import()` of it gets the chunk's exports (no namespace object per view module).
 */
export {
  afterBookingError,
  bookingRequest,
  createIdempotencyKeys,
  manageLink,
  validateDetails,
} from "./controller/submission.js";
export { formStyles } from "./form.styles.js";
export { solveAltcha } from "./internal/solve-altcha.js";
export { ManageController, manageView } from "./manage/index.js";
export { messagesFor } from "./messages/index.js";
export { detailsStep } from "./steps/details-step.js";
export { doneStep } from "./steps/done-step.js";
export { reviewRows, reviewStep } from "./steps/review-step.js";
