/**
 * GET /v1/clinics/{clinic}/bootstrap: the widget's first screen in one round trip. The profile, the
 * lists for the preselected (or only) location and, with a location, service and practitioner
 * preselected, the first week of times: each part is its own route's memoised JSON text, read from
 * the same caches (the catalogue is read once for all of them), so the bootstrap costs coreplus
 * nothing the separate routes would not. A preselection the clinic does not offer leaves its parts
 * out, as the widget then asks instead (a malformed one is still a 422).
 */
import { addDays } from "@coreplus-kit/core";
import { createRoute } from "@hono/zod-openapi";
import { availabilityJson, bookingWindow, earlierDate, onOrBefore } from "../availability/index.js";
import {
  appointmentTypesJson,
  getCatalogueVersioned,
  practitionersJson,
  profileJson,
} from "../catalogue/index.js";
import { cachedJson, ProblemError, parseQuery } from "../http/index.js";
import { BoundedMap } from "../internal/bounded-map.js";
import { BootstrapQuery, BootstrapResponse } from "../schemas/bootstrap.js";
import { ClinicParams } from "../schemas/public.js";
import type { RequestScope } from "../types.js";
import { cachedRead, readProblems, routesApp, validatedByHandler } from "./openapi.js";

/** GET /v1/clinics/{clinic}/bootstrap (as documented). */
export const bootstrapRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}/bootstrap",
  operationId: "getBootstrap",
  tags: ["clinic"],
  summary: "The first screen in one request: profile, lists and the first week of times",
  description:
    "Each part is what its own route answers (GET …, …/practitioners, …/appointment-types, …/availability) and " +
    "comes from the same caches. A preselection the clinic does not offer leaves its parts out.",
  request: { params: ClinicParams, query: BootstrapQuery },
  responses: {
    ...cachedRead(
      BootstrapResponse,
      "The first screen's data",
      "Without `availability`: as the profile. With it: `public, max-age=<availability TTL>, " +
        "stale-while-revalidate=<3 × TTL>` (defaults 20 and 60 s).",
    ),
    ...readProblems,
  },
});

/** The value of the one field of a memoised answer `{"name":value}`. */
function fieldOf(text: string, name: string): string {
  const head = `{"${name}":`;
  if (!text.startsWith(head) || !text.endsWith("}")) throw new Error(`unexpected ${name} answer`);
  return text.slice(head.length, -1);
}

/** `part()`, or undefined when it refuses a preselection the clinic does not offer (422). */
async function offered<T>(part: () => Promise<T>): Promise<T | undefined> {
  try {
    return await part();
  } catch (err) {
    if (err instanceof ProblemError && err.problemType === "validation") return undefined;
    throw err;
  }
}

/** The bootstrap's JSON text, and whether it carries times. */
async function bootstrapJson(scope: RequestScope, q: BootstrapQuery) {
  const cat = await getCatalogueVersioned(scope);
  const { locations } = cat.value;
  const wanted = q.locationId?.toLowerCase();
  const location =
    locations.find((l) => l.id === wanted) ?? (locations.length === 1 ? locations[0] : undefined);
  const locationId = location?.id;
  const { disciplineId, appointmentTypeId, practitionerId } = q;
  const week = async () => {
    if (!location || !appointmentTypeId || !practitionerId) return undefined;
    const win = bookingWindow(scope, location.timezone);
    const from = q.from ?? win.today;
    const to = earlierDate(addDays(from, 6), win.lastDate);
    if (!onOrBefore(from, to)) return undefined;
    const aq = { locationId: location.id, appointmentTypeId, practitionerId, disciplineId, from, to };
    return offered(() => availabilityJson(scope, aq, cat));
  };
  const [profile, practitioners, types, availability] = await Promise.all([
    profileJson(scope, cat),
    practitionersJson(scope, locationId ? { locationId } : {}, cat),
    locationId ? offered(() => appointmentTypesJson(scope, { locationId, disciplineId }, cat)) : undefined,
    week(),
  ]);
  let text = `${profile.slice(0, -1)}`;
  if (locationId) text += `,"locationId":${JSON.stringify(locationId)}`;
  text += `,"practitioners":${fieldOf(practitioners, "practitioners")}`;
  if (types) text += `,"appointmentTypes":${fieldOf(types, "appointmentTypes")}`;
  if (availability) text += `,"availability":${availability}`;
  return { text: `${text}}`, withTimes: availability !== undefined };
}

/** The bootstrap route. */
export const bootstrapRoutes = () => {
  const app = routesApp();
  app.openAPIRegistry.registerPath(bootstrapRoute);
  const queryMemo = new BoundedMap<BootstrapQuery>(500);
  return app.openapi(
    {
      ...bootstrapRoute,
      hide: true,
      request: { params: ClinicParams, query: validatedByHandler(BootstrapQuery) },
    },
    async (c) => {
      const q = parseQuery(c.req.url, () => c.req.queries(), BootstrapQuery, queryMemo);
      const scope = c.get("scope");
      const { text, withTimes } = await bootstrapJson(scope, q);
      return cachedJson<BootstrapResponse>(
        c,
        scope.rt.config,
        withTimes ? "first-screen" : "catalogue",
        text,
      );
    },
  );
};
