/** AvailabilitySlot (coreplus-api.md §4.5). */
import { z } from "zod";
import { CoreplusDateTime, Guid, optional } from "./common.js";

/** A free time block (or, with an appointmentTypeId query, one bookable slot). */
export const AvailabilitySlot = z.object({
  startDateTime: CoreplusDateTime,
  endDateTime: CoreplusDateTime,
  locationId: Guid,
  /** Sent by the sandbox; the real API may omit it (then it is the queried practitioner). */
  practitionerId: optional(Guid),
  /** Present only when the query named an appointment type. */
  appointmentTypeId: optional(Guid),
});
export type AvailabilitySlot = z.infer<typeof AvailabilitySlot>;
