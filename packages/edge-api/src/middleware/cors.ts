/**
 * CORS per clinic (architecture.md, "CORS") through hono/cors: the origin function checks the
 * clinic's allowlist (clinicScope() runs first); preflights are answered here, so they never count
 * against visitor limits, with Allow-Headers Content-Type, Idempotency-Key and Max-Age 600;
 * Retry-After, Server-Timing and X-Request-Id are exposed; every answer varies by Origin. A request
 * from an origin that is not allowed is refused with 403 forbidden-origin.
 */
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { ClinicConfig } from "../config/index.js";
import { ProblemError } from "../http/index.js";
import type { EdgeEnv } from "../types.js";

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** Whether `origin` may call `clinic` from a browser. */
export function originAllowed(clinic: ClinicConfig, origin: string): boolean {
  if (clinic.allowAnyOrigin || clinic.allowedOrigins.includes(origin)) return true;
  if (!clinic.allowLoopbackOrigins) return false;
  try {
    const u = new URL(origin);
    return (u.protocol === "http:" || u.protocol === "https:") && LOOPBACK_HOST.test(u.hostname);
  } catch {
    return false;
  }
}

/** The CORS middleware for every `/v1/clinics/{clinic}` route (after clinicScope()). */
export const clinicCors = (): MiddlewareHandler<EdgeEnv> =>
  cors({
    origin(_origin, c) {
      // hono hands "" for a missing Origin; an Origin header that is present but empty is refused.
      const origin = c.req.header("origin");
      if (origin === undefined) return null;
      if (origin !== "null" && originAllowed(c.get("scope").rt.config, origin)) return origin;
      throw new ProblemError(
        "forbidden-origin",
        "This website is not allowed to use this clinic's booking API.",
      );
    },
    // One element each, so that the lists read as the contract writes them (hono joins with ",").
    allowMethods: ["GET, POST, OPTIONS"],
    allowHeaders: ["Content-Type, Idempotency-Key"],
    exposeHeaders: ["Retry-After, Server-Timing, X-Request-Id"],
    maxAge: 600,
  });
