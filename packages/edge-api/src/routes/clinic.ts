/** GET /v1/clinics/{clinic}: the clinic's public profile. */
import { createRoute } from "@hono/zod-openapi";
import { profileJson } from "../catalogue/index.js";
import { cachedJson } from "../http/index.js";
import { ClinicParams, ClinicProfileResponse } from "../schemas/public.js";
import { CATALOGUE_CACHING, cachedRead, readProblems, routesApp } from "./openapi.js";

/** GET /v1/clinics/{clinic} */
export const profileRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}",
  operationId: "getClinic",
  tags: ["clinic"],
  summary: "The clinic's public profile: locations and booking rules",
  description:
    "Name, locations (id, name, IANA zone, address, phone), booking rules, disciplines, the online change " +
    "policy, the clinic's own questions and its privacy policy link: what the widget needs before the first step.",
  request: { params: ClinicParams },
  responses: { ...cachedRead(ClinicProfileResponse, "The profile", CATALOGUE_CACHING), ...readProblems },
});

/** The clinic profile route. */
export const clinicRoutes = () =>
  routesApp().openapi(profileRoute, async (c) => {
    const scope = c.get("scope");
    // The text is the JSON of a ClinicProfileResponse (memoised per catalogue version).
    return cachedJson<ClinicProfileResponse>(c, scope.rt.config, "catalogue", await profileJson(scope));
  });
