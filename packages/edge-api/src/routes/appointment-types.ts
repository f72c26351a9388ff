/** GET /v1/clinics/{clinic}/appointment-types: what can be booked. */
import { createRoute } from "@hono/zod-openapi";
import { listAppointmentTypes } from "../catalogue/index.js";
import { AppointmentTypesQuery, AppointmentTypesResponse, ClinicParams } from "../schemas/public.js";
import { json, readProblems, routesApp } from "./openapi.js";

/** GET /v1/clinics/{clinic}/appointment-types */
export const appointmentTypesRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}/appointment-types",
  operationId: "listAppointmentTypes",
  tags: ["clinic"],
  summary: "Bookable appointment types",
  description:
    "Only what the clinic made bookable online, with duration, disciplines, description, price and audience. " +
    "`locationId`, `practitionerId` and `disciplineId` narrow the list.",
  request: { params: ClinicParams, query: AppointmentTypesQuery },
  responses: { 200: json(AppointmentTypesResponse, "The appointment types"), ...readProblems },
});

/** The appointment types route. */
export const appointmentTypesRoutes = () =>
  routesApp().openapi(appointmentTypesRoute, async (c) =>
    c.json(await listAppointmentTypes(c.get("scope"), c.req.valid("query")), 200),
  );
