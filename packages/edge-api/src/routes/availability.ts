/** GET /v1/clinics/{clinic}/availability: free slots by day, the hot path. */
import { createRoute } from "@hono/zod-openapi";
import { availabilityJson } from "../availability/index.js";
import { cachedJson, parseQuery } from "../http/index.js";
import { BoundedMap } from "../internal/bounded-map.js";
import { AvailabilityQuery, AvailabilityResponse, ClinicParams } from "../schemas/public.js";
import { cachedRead, readProblems, routesApp, validatedByHandler } from "./openapi.js";

/** GET /v1/clinics/{clinic}/availability (as documented). */
export const availabilityRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}/availability",
  operationId: "getAvailability",
  tags: ["availability"],
  summary: "Free slots by day in the location's zone (at most 31 days per query)",
  description:
    "Every day of the range appears (an empty one with `slots: []`). Without `practitionerId` the slots are every " +
    "(start, practitioner) pair, sorted by start then practitioner order. `nextAvailable` looks past `to` up to the " +
    "clinic's maxDaysAhead. With `disciplineId` and no `practitionerId`, only that discipline's practitioners " +
    'are offered ("first available" never crosses disciplines).',
  request: { params: ClinicParams, query: AvailabilityQuery },
  responses: {
    ...cachedRead(
      AvailabilityResponse,
      "Availability",
      "`no-cache`: revalidate every time (an unchanged answer is a 304 through its ETag).",
    ),
    ...readProblems,
  },
});

/**
 * The availability route. The hot path: a plain handler, with no validator middleware, validates the
 * query with the documented schema once per distinct query string (parseQuery) and answers with the
 * JSON text memoised by availabilityJson, so nothing is re-parsed or re-serialised. The OpenAPI route
 * after it only carries the types (for `hc<EdgeApp>`): the plain handler answers first.
 */
export const availabilityRoutes = () => {
  const app = routesApp();
  app.openAPIRegistry.registerPath(availabilityRoute);
  const queryMemo = new BoundedMap<AvailabilityQuery>(1000);
  app.get("/v1/clinics/:clinic/availability", async (c) => {
    const q = parseQuery(c.req.url, () => c.req.queries(), AvailabilityQuery, queryMemo);
    const scope = c.get("scope");
    const text = await availabilityJson(scope, q);
    // The text is the JSON of an AvailabilityResponse (built and memoised by availabilityJson).
    return cachedJson<AvailabilityResponse>(c, scope.rt.config, "availability", text);
  });
  return app.openapi(
    {
      ...availabilityRoute,
      hide: true,
      request: { params: ClinicParams, query: validatedByHandler(AvailabilityQuery) },
    },
    () => {
      throw new Error("unreachable: the plain availability handler answers first");
    },
  );
};
