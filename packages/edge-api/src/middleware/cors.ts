/**
 * CORS per clinic (architecture.md, "CORS"), after clinicScope(): the clinic's origin allowlist;
 * preflights answered here, so they never count against visitor limits, with Allow-Headers
 * Content-Type, Idempotency-Key and Max-Age 600; Retry-After, Server-Timing and X-Request-Id exposed;
 * every answer varies by Origin (cacheHeaders(), which runs first, says so). A request from an origin that is not allowed is refused with 403
 * forbidden-origin.
 *
 * Not hono/cors: it appends `Vary` after the handler, and a header set on a finished response makes
 * Hono rebuild it, which on @hono/node-server turns the string body into a stream and halves the
 * cached-availability throughput (measured: README, "Tests and benchmark"). Here every CORS header
 * goes into the request's header record (http/headers.ts) before the handler runs, so the answer is
 * built once with all of them.
 */
import type { MiddlewareHandler } from "hono";
import type { ClinicConfig } from "../config/index.js";
import { answer, ProblemError } from "../http/index.js";
import type { EdgeEnv } from "../types.js";

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** The response headers a page's script may read (every CORS answer's Expose-Headers). */
export const CORS_EXPOSE = "Retry-After, Server-Timing, X-Request-Id";
const PREFLIGHT = {
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "Content-Type, Idempotency-Key",
  "access-control-max-age": "600",
};

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

/**
 * Whether `href`, an absolute URL, is a page of a website that may call `clinic` (its origin passes
 * {@link originAllowed}): for links the API writes into what it answers (the calendar file's manage link).
 */
export function pageAllowed(clinic: ClinicConfig, href: string): boolean {
  let origin: string;
  try {
    origin = new URL(href).origin;
  } catch {
    return false;
  }
  return origin !== "null" && originAllowed(clinic, origin);
}

/** The CORS middleware for every `/v1/clinics/{clinic}` route (after clinicScope()). */
export const clinicCors = (): MiddlewareHandler<EdgeEnv> => {
  return async function clinicCors(c, next) {
    const origin = c.req.header("origin");
    if (origin !== undefined && (origin === "null" || !originAllowed(c.get("scope").rt.config, origin)))
      throw new ProblemError(
        "forbidden-origin",
        "This website is not allowed to use this clinic's booking API.",
      );
    if (origin !== undefined) {
      const headers = c.get("headers");
      headers["access-control-allow-origin"] = origin;
      headers["access-control-expose-headers"] = CORS_EXPOSE;
    }
    if (c.req.method === "OPTIONS") return answer(c, null, 204, PREFLIGHT);
    await next();
  };
};
