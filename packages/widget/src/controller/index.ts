/** The booking flow: its controller, the host it needs, its state and its data tasks. */
export { BookingController } from "./booking-controller.js";
export type { BookingData } from "./booking-data.js";
export type { BookingHost, BookingOptions, FlowState } from "./flow-state.js";
