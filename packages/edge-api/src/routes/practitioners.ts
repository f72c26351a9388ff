/** GET /v1/clinics/{clinic}/practitioners: who can be booked, where and for what. */
import { createRoute } from "@hono/zod-openapi";
import { listPractitioners } from "../catalogue/index.js";
import { ClinicParams, PractitionersQuery, PractitionersResponse } from "../schemas/public.js";
import { json, readProblems, routesApp } from "./openapi.js";

/** GET /v1/clinics/{clinic}/practitioners */
export const practitionersRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}/practitioners",
  operationId: "listPractitioners",
  tags: ["clinic"],
  summary: "Bookable practitioners, with the locations and appointment types they take",
  description:
    "Only what the clinic made bookable online. `locationId` narrows to the practitioners who work there.",
  request: { params: ClinicParams, query: PractitionersQuery },
  responses: { 200: json(PractitionersResponse, "The practitioners"), ...readProblems },
});

/** The practitioners route. */
export const practitionersRoutes = () =>
  routesApp().openapi(practitionersRoute, async (c) =>
    c.json(await listPractitioners(c.get("scope"), c.req.valid("query")), 200),
  );
