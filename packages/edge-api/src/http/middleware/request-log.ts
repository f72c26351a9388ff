/**
 * Request ids, the per-request header bag (security headers, X-Request-Id, Server-Timing) and one
 * structured JSON log line per request. Logs carry the method, path, status, timings and cache
 * outcome — never bodies, patient details, keys or secrets.
 */
import type { MiddlewareHandler } from "hono";
import type { EdgeEnv } from "../../app/env.js";
import { applyHeaders, SECURITY_HEADERS } from "../response-headers.js";

/** Options for {@link requestLog}. */
export interface RequestLogOptions {
  logger: (entry: Record<string, unknown>) => void;
}

const INCOMING_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Assigns the request id, gathers the headers, times the request, and logs it once answered. */
export const requestLog = (opts: RequestLogOptions): MiddlewareHandler<EdgeEnv> => {
  const { logger } = opts;
  return async function requestLog(c, next) {
    const started = performance.now();
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set("started", started);
    c.set("requestId", requestId);
    c.set("logFields", {});
    c.set("headers", { ...SECURITY_HEADERS, "x-request-id": requestId });
    await next();
    applyHeaders(c);
    const scope = c.get("scope");
    const cache = scope?.cache;
    logger({
      level: c.res.status >= 500 ? "error" : "info",
      msg: "request",
      requestId,
      method: c.req.method,
      path: c.req.path.slice(0, 200),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(scope ? { clinic: scope.rt.config.slug } : {}),
      ...(cache && cache.length > 0 ? { cache: cache.join(",") } : {}),
      ...c.get("logFields"),
    });
  };
};
