/**
 * The sandbox's Hono app: the coreplus API under /API/Core/v2/ and /API/Core/v2.1/ (paths matched
 * case-insensitively, trailing slash optional), the test controls under /_sandbox/, and coreplus's
 * `result` error body for everything that goes wrong.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { controlRoutes } from "./controls/routes.js";
import type { SandboxEnv } from "./http/env.js";
import { countRequests, injectFaults, jwtAuth, rateLimit } from "./http/middleware.js";
import { NOT_FOUND, resultResponse } from "./http/result.js";
import type { SandboxRuntime } from "./internal/runtime.js";
import { registerAppointments } from "./routes/appointments.js";
import { registerAvailability } from "./routes/availability-slots.js";
import { registerClientFamily } from "./routes/client-family.js";
import { registerClients } from "./routes/clients.js";
import { registerAppointmentTypes, registerLocations, registerPractitioners } from "./routes/reference.js";
import { CLINIC_NAME } from "./seed/clinic.js";

/** The routing path: lower case, without trailing slashes (ids are compared case-insensitively anyway). */
export function routingPath(req: Request): string {
  const url = req.url;
  const start = url.indexOf("/", url.indexOf("://") + 3);
  if (start === -1) return "/";
  const query = url.indexOf("?", start);
  const hash = url.indexOf("#", start);
  const end = query === -1 ? (hash === -1 ? url.length : hash) : query;
  let path = url.slice(start, end).toLowerCase();
  while (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return path;
}

/** Builds the app over a runtime. */
export function createSandboxApp(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ getPath: routingPath });

  app.onError((err) => {
    if (err instanceof HTTPException) return err.getResponse();
    console.error(`sandbox: internal error: ${err.name}: ${err.message}`);
    return resultResponse(500, "Internal server error");
  });
  app.notFound(() => resultResponse(404, NOT_FOUND));

  app.get("/", (c) =>
    c.json({
      name: "coreplus-kit sandbox",
      clinic: CLINIC_NAME,
      api: ["/API/Core/v2.1/", "/API/Core/v2/"],
      controls: "/_sandbox/ (Authorization: Bearer <SANDBOX_ADMIN_TOKEN>)",
    }),
  );
  app.route("/_sandbox", controlRoutes(rt));

  app.use("/api/*", countRequests(rt), jwtAuth(rt), rateLimit(rt), injectFaults(rt));
  const api = new Hono<SandboxEnv>();
  for (const register of [
    registerLocations,
    registerPractitioners,
    registerAppointmentTypes,
    registerClients,
    registerClientFamily,
    registerAvailability,
    registerAppointments,
  ]) {
    register(api, rt);
  }
  app.route("/api/core/v2", api);
  app.route("/api/core/v2.1", api);
  return app;
}
