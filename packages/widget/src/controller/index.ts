/** The booking flow's controller and its data tasks. */
export {
  BookingController,
  type BookingHost,
  type BookingOptions,
  type FlowState,
} from "./booking-controller.js";
export type { BookingData } from "./booking-data.js";
