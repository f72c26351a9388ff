/** GET /healthz: the last upstream result per clinic. */
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HealthResponse } from "../schemas/public.js";
import type { EdgeEnv } from "../types.js";
import { json, routesApp } from "./openapi.js";

/** GET /healthz */
export const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  operationId: "getHealth",
  tags: ["operations"],
  summary: "Health: the last upstream result per clinic (probed at most every 30 s)",
  responses: { 200: json(HealthResponse, "Health") },
});

/** Options for {@link healthRoutes}. */
export interface HealthRoutesOptions {
  report: (c: Context<EdgeEnv>) => Promise<HealthResponse>;
}

/** The health route. */
export const healthRoutes = (opts: HealthRoutesOptions) =>
  routesApp().openapi(healthRoute, async (c) => c.json(await opts.report(c), 200));
