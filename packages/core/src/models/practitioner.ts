/** Practitioner (coreplus-api.md §4.2). */
import { z } from "zod";
import { Guid, OptionalText, optional } from "./common.js";

/** A practitioner (read-only through the API). */
export const Practitioner = z.object({
  practitionerId: Guid,
  firstName: z.string(),
  lastName: z.string(),
  title: OptionalText,
  displayName: OptionalText,
  email: OptionalText,
  /** Locations where the practitioner works. */
  locationIds: optional(z.array(Guid)),
});
export type Practitioner = z.infer<typeof Practitioner>;
