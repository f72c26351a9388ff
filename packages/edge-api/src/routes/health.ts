/**
 * GET /healthz: in public, one aggregate status (no clinic names, nothing about credentials); with
 * `Authorization: Bearer <HEALTH_TOKEN>`, the last upstream result per clinic.
 */
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { hmacHex, hmacKey } from "../internal/crypto.js";
import { HealthResponse } from "../schemas/public.js";
import type { EdgeEnv } from "../types.js";
import { json, routesApp, withHeaders } from "./openapi.js";

/** The security scheme of the HEALTH_TOKEN in the OpenAPI document. */
const HEALTH_TOKEN_SCHEME = "healthToken";

/** GET /healthz */
export const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  operationId: "getHealth",
  tags: ["operations"],
  summary:
    "Health: one aggregate status; per-clinic detail with the HEALTH_TOKEN (probed at most every 30 s)",
  description:
    "Always 200. In public `{status}` only; with `Authorization: Bearer <HEALTH_TOKEN>` also the last upstream " +
    "result per clinic (and the Redis state's). A wrong token gets the public answer.",
  // Public, or with the health token for the detail.
  security: [{}, { [HEALTH_TOKEN_SCHEME]: [] }],
  responses: { 200: withHeaders(json(HealthResponse, "Health"), "Cache-Control") },
});

/** Options for {@link healthRoutes}. */
export interface HealthRoutesOptions {
  report: (c: Context<EdgeEnv>) => Promise<HealthResponse>;
  /** HEALTH_TOKEN; without one, nobody sees the per-clinic detail. */
  token?: string | undefined;
}

/** The health route. */
export const healthRoutes = (opts: HealthRoutesOptions) => {
  const { token } = opts;
  // Tokens are compared as HMACs under a per-process random key: equal-time, whatever the input.
  const key = hmacKey(crypto.randomUUID());
  const expected = token ? key.then((k) => hmacHex(k, token)) : undefined;
  const authorised = async (header: string | undefined) => {
    if (!expected || !header?.startsWith("Bearer ")) return false;
    return (await hmacHex(await key, header.slice(7))) === (await expected);
  };
  const app = routesApp();
  app.openAPIRegistry.registerComponent("securitySchemes", HEALTH_TOKEN_SCHEME, {
    type: "http",
    scheme: "bearer",
    description: "The deployment's HEALTH_TOKEN: shows the per-clinic detail.",
  });
  return app.openapi(healthRoute, async (c) => {
    const full = await opts.report(c);
    c.header("cache-control", "no-store");
    if (await authorised(c.req.header("authorization"))) return c.json(full, 200);
    return c.json({ status: full.status }, 200);
  });
};
