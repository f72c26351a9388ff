/** GET /v1/clinics/{clinic}/practitioners: who can be booked, where and for what. */
import { createRoute } from "@hono/zod-openapi";
import { practitionersJson } from "../catalogue/index.js";
import { cachedJson } from "../http/index.js";
import { ClinicParams, PractitionersQuery, PractitionersResponse } from "../schemas/public.js";
import { CATALOGUE_CACHING, cachedRead, readProblems, routesApp } from "./openapi.js";

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
  responses: {
    ...cachedRead(PractitionersResponse, "The practitioners", CATALOGUE_CACHING),
    ...readProblems,
  },
});

/** The practitioners route. */
export const practitionersRoutes = () =>
  routesApp().openapi(practitionersRoute, async (c) => {
    const scope = c.get("scope");
    const text = await practitionersJson(scope, c.req.valid("query"));
    // The text is the JSON of a PractitionersResponse (memoised per catalogue version).
    return cachedJson<PractitionersResponse>(c, scope.rt.config, "catalogue", text);
  });
