/**
 * @coreplus-kit/widget: the `<coreplus-booking>` and `<coreplus-booking-button>` elements. Importing this
 * module registers both (when a DOM exists) and exports their classes, event types and message tables.
 *
 * @example
 * ```ts
 * import "@coreplus-kit/widget";
 * document.querySelector("coreplus-booking")?.addEventListener("coreplus-booked", (e) => console.log(e.detail.reference));
 * ```
 */
export type { EdgeErrorCode, FieldProblem } from "./api/edge-error.js";
export { EdgeRequestError } from "./api/edge-error.js";
export { CoreplusBooking } from "./booking.component.js";
export { CoreplusBookingButton } from "./button.component.js";
export { tagName } from "./coreplus-booking.js";
export { buttonTagName } from "./coreplus-booking-button.js";
export type {
  BookingStep,
  CoreplusBookedDetail,
  CoreplusCancelledDetail,
  CoreplusErrorDetail,
  CoreplusEventDetails,
  CoreplusManagedDetail,
  CoreplusReadyDetail,
  CoreplusRescheduledDetail,
  CoreplusSlotSelectedDetail,
  CoreplusStepChangeDetail,
  ManageOperation,
  ManageViewName,
} from "./events.js";
export type { BookingPrefill } from "./internal/details-draft.js";
export type { DobPart, Messages } from "./messages/index.js";
export { messageTables, resolveMessages } from "./messages/index.js";
