/** Availability: the subject of a query, the bookable window, upstream slots, and the answer. */
export { availabilityJson } from "./answer.js";
export {
  mondayOf,
  type Slot,
  type SlotReadOptions,
  slotKey,
  upstreamSlots,
  weekSlots,
  weeksOf,
} from "./slots.js";
export { resolveSubject, type SlotSubject } from "./subject.js";
export {
  type BookingWindow,
  bookingWindow,
  earlierDate,
  MAX_RANGE_DAYS,
  onOrBefore,
  requireInWindow,
} from "./window.js";
