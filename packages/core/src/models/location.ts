/** Location (coreplus-api.md §4.1). */
import { z } from "zod";
import { Address } from "./address.js";
import { Guid, OptionalText, optional } from "./common.js";

/** A location's coreplus timezone; `tzName` comes back with "\" where IANA has "/". */
export const LocationTimeZone = z.object({
  timezoneId: Guid,
  tzName: z.string().transform((s) => s.replaceAll("\\", "/")),
});
export type LocationTimeZone = z.infer<typeof LocationTimeZone>;

/** A clinic location. */
export const Location = z.object({
  locationId: Guid,
  name: z.string(),
  timeZone: LocationTimeZone,
  address: optional(Address),
  phoneNumber: OptionalText,
});
export type Location = z.infer<typeof Location>;
