/** The element's view: the card, and the step registry that renders each step's body. */
export { bookingView } from "./booking-view.js";
export { ManageEntry } from "./manage-entry.js";
export type { StepView, ViewContext } from "./types.js";
