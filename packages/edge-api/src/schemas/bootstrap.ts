/**
 * GET /v1/clinics/{clinic}/bootstrap: what the widget's first screen needs, in one answer. Each part
 * is exactly the answer of its own route (profile, practitioners, appointment types, availability).
 */
import { z } from "@hono/zod-openapi";
import {
  AppointmentTypesResponse,
  AvailabilityResponse,
  CalendarDate,
  ClinicProfileResponse,
  PractitionersResponse,
  PublicId,
} from "./public.js";

const param = (name: string, description: string) => ({ param: { name, in: "query" as const }, description });

/** Query of GET /bootstrap: the embed's preselections. */
export const BootstrapQuery = z.object({
  locationId: PublicId.optional().openapi(
    param("locationId", "The preselected location. Without it, a clinic with one location uses that one."),
  ),
  appointmentTypeId: PublicId.optional().openapi(param("appointmentTypeId", "The preselected service.")),
  practitionerId: PublicId.optional().openapi(
    param("practitionerId", "The preselected practitioner (with location and service: a week of times)."),
  ),
  disciplineId: z
    .string()
    .max(64)
    .optional()
    .openapi(
      param("disciplineId", "The preselected discipline: narrows the services as on /appointment-types."),
    ),
  from: CalendarDate.optional().openapi(
    param("from", "First day of the week of times; default today in the location's zone."),
  ),
});
export type BootstrapQuery = z.infer<typeof BootstrapQuery>;

/** The answer of GET /bootstrap. */
export const BootstrapResponse = z
  .object({
    clinic: ClinicProfileResponse.shape.clinic,
    locationId: PublicId.optional().openapi({
      description:
        "The location the lists are for (absent: `practitioners` is clinic-wide, no `appointmentTypes`).",
    }),
    practitioners: PractitionersResponse.shape.practitioners.openapi({
      description: "As GET …/practitioners?locationId=<locationId> (or without locationId) answers it.",
    }),
    appointmentTypes: AppointmentTypesResponse.shape.appointmentTypes.optional().openapi({
      description:
        "As GET …/appointment-types?locationId=<locationId>&disciplineId=<disciplineId> answers it.",
    }),
    availability: AvailabilityResponse.optional().openapi({
      description:
        "With a location, service and practitioner preselected: as GET …/availability answers the week from " +
        "`from` (7 days, never past the last bookable day) for them.",
    }),
  })
  .openapi("BootstrapResponse");
export type BootstrapResponse = z.infer<typeof BootstrapResponse>;
