/** GET /v1/clinics/{clinic}/appointment-types: what can be booked. */
import { createRoute } from "@hono/zod-openapi";
import { appointmentTypesJson } from "../catalogue/index.js";
import { cachedJson } from "../http/index.js";
import { AppointmentTypesQuery, AppointmentTypesResponse, ClinicParams } from "../schemas/public.js";
import { CATALOGUE_CACHING, cachedRead, readProblems, routesApp } from "./openapi.js";

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
  responses: {
    ...cachedRead(AppointmentTypesResponse, "The appointment types", CATALOGUE_CACHING),
    ...readProblems,
  },
});

/** The appointment types route. */
export const appointmentTypesRoutes = () =>
  routesApp().openapi(appointmentTypesRoute, async (c) => {
    const scope = c.get("scope");
    const text = await appointmentTypesJson(scope, c.req.valid("query"));
    // The text is the JSON of an AppointmentTypesResponse (memoised per catalogue version).
    return cachedJson<AppointmentTypesResponse>(c, scope.rt.config, "catalogue", text);
  });
