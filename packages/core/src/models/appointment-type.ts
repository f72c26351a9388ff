/** AppointmentType (coreplus-api.md §4.3). */
import { z } from "zod";
import { Guid, IntLike, OptionalText, optional } from "./common.js";

const BLOCK_COLOUR = /^#?[0-9a-fA-F]{6}$/;

/** An appointment type; `durationMinutes` may arrive as a numeric string and is read as a number. */
export const AppointmentType = z.object({
  appointmentTypeId: Guid,
  /** The display name. */
  description: z.string(),
  durationMinutes: IntLike,
  blockColour: OptionalText,
  /** When set, only this practitioner offers the type. */
  practitionerId: optional(Guid),
  /** When set, the type is offered only at this location. */
  locationId: optional(Guid),
  clientGroupId: optional(Guid),
});
export type AppointmentType = z.infer<typeof AppointmentType>;

/** Body of `POST /AppointmentType/`. */
export const AppointmentTypeCreate = z.object({
  description: z.string().trim().min(1, "description is required"),
  blockColour: optional(z.string().regex(BLOCK_COLOUR, 'Expected a colour "#RRGGBB" or "RRGGBB"')),
  durationMinutes: optional(IntLike.pipe(z.number().int().min(1).max(120))),
  practitionerId: optional(Guid),
  locationId: optional(Guid),
  clientGroupId: optional(Guid),
});
export type AppointmentTypeCreate = z.infer<typeof AppointmentTypeCreate>;

/** Response of `POST /AppointmentType/`. */
export const AppointmentTypeCreated = z.object({ appointmentTypeId: Guid, description: z.string() });
export type AppointmentTypeCreated = z.infer<typeof AppointmentTypeCreated>;
