/** GET /v1/clinics/{clinic}/challenge: a fresh anti-bot challenge (never cached). */
import { createRoute } from "@hono/zod-openapi";
import { ChallengeResponse } from "../schemas/challenge.js";
import { ClinicParams } from "../schemas/public.js";
import { json, readProblems, routesApp, withHeaders } from "./openapi.js";

/** GET /v1/clinics/{clinic}/challenge (as documented). */
export const challengeRoute = createRoute({
  method: "get",
  path: "/v1/clinics/{clinic}/challenge",
  operationId: "getChallenge",
  tags: ["bookings"],
  summary: "A fresh challenge for a booking, lookup or change",
  description:
    "Every booking, lookup, cancel and reschedule carries a `proof` of a challenge from here: single use, valid " +
    "for 10 minutes. The clinic's configuration chooses altcha (default), Turnstile, or none.",
  request: { params: ClinicParams },
  responses: {
    200: withHeaders(json(ChallengeResponse, "A challenge"), "Cache-Control"),
    404: readProblems[404],
    403: readProblems[403],
    429: readProblems[429],
  },
});

/** The challenge route. */
export const challengeRoutes = () =>
  routesApp().openapi(challengeRoute, async (c) => {
    const scope = c.get("scope");
    c.header("cache-control", "no-store");
    return c.json(await scope.rt.challenge.issue(scope.wallNow()), 200);
  });
