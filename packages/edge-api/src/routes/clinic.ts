/** GET /v1/clinics/{clinic}: the clinic's public profile. */
import { createRoute } from "@hono/zod-openapi";
import { clinicProfile } from "../catalogue/index.js";
import { ClinicParams, ClinicProfileResponse } from "../schemas/public.js";
import { json, readProblems, routesApp } from "./openapi.js";

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
  responses: { 200: json(ClinicProfileResponse, "The profile"), ...readProblems },
});

/** The clinic profile route. */
export const clinicRoutes = () =>
  routesApp().openapi(profileRoute, async (c) => c.json(await clinicProfile(c.get("scope")), 200));
