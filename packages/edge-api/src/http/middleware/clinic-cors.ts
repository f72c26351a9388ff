/**
 * Resolves the clinic named in the path and applies its CORS policy (architecture.md, "CORS"): a
 * per-clinic origin allowlist; preflights answered here (so they never count against visitor
 * limits) with Allow-Headers Content-Type, Idempotency-Key, Max-Age 600; Retry-After and
 * Server-Timing exposed. A request from an origin that is not allowed is refused with 403.
 */
import type { MiddlewareHandler } from "hono";
import type { EdgeEnv } from "../../app/env.js";
import type { RequestScope } from "../../app/scope.js";
import type { ClinicConfig } from "../../config/schema.js";
import { ProblemError } from "../problem.js";

/** Options for {@link clinicCors}. */
export interface ClinicCorsOptions {
  /** The scope of a request for a configured clinic slug, or undefined for an unknown slug. */
  scopeFor: (slug: string, c: Parameters<MiddlewareHandler<EdgeEnv>>[0]) => RequestScope | undefined;
}

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

/** The middleware for every `/v1/clinics/{clinic}` route. */
export const clinicCors = (opts: ClinicCorsOptions): MiddlewareHandler<EdgeEnv> => {
  return async function clinicCors(c, next) {
    const slug = safeDecode(c.req.path.split("/")[3] ?? "");
    const scope = opts.scopeFor(slug, c);
    if (!scope) throw new ProblemError("clinic-not-found", "There is no such clinic here.");
    c.set("scope", scope);
    const origin = c.req.header("origin");
    const allowed = origin !== undefined && origin !== "null" && originAllowed(scope.rt.config, origin);
    if (origin !== undefined && !allowed)
      throw new ProblemError(
        "forbidden-origin",
        "This website is not allowed to use this clinic's booking API.",
      );
    const headers = c.get("headers");
    headers.vary = "Origin";
    if (origin !== undefined) {
      headers["access-control-allow-origin"] = origin;
      headers["access-control-expose-headers"] = "Retry-After, Server-Timing, X-Request-Id";
    }
    if (c.req.method === "OPTIONS") {
      headers["access-control-allow-methods"] = "GET, POST, OPTIONS";
      headers["access-control-allow-headers"] = "Content-Type, Idempotency-Key";
      headers["access-control-max-age"] = "600";
      return c.body(null, 204);
    }
    await next();
  };
};

// A malformed escape ("%zz") names no clinic; it must not become a 500.
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}
