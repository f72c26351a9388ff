/**
 * @coreplus-kit/widget: the `<coreplus-booking>` element. Importing this module registers the element
 * (when a DOM exists) and exports its class, event types and message tables.
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
export { tagName } from "./coreplus-booking.js";
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
