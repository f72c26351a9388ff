/**
 * Request ids, Server-Timing and one structured JSON log line per request. Logs carry the method,
 * route, status, timings and cache outcome — never bodies, query values of patients, keys or secrets.
 */
import type { MiddlewareHandler } from "hono";
import type { EdgeEnv } from "../../app/env.js";

/** Options for {@link requestLog}. */
export interface RequestLogOptions {
  logger: (entry: Record<string, unknown>) => void;
}

const INCOMING_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Assigns the request id, times the request, and logs it once answered. */
export const requestLog = (opts: RequestLogOptions): MiddlewareHandler<EdgeEnv> => {
  const { logger } = opts;
  return async function requestLog(c, next) {
    const started = performance.now();
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("logFields", {});
    await next();
    const ms = performance.now() - started;
    const scope = c.get("scope");
    const headers = c.res.headers;
    headers.set("x-request-id", requestId);
    const timing = [`app;dur=${ms.toFixed(1)}`];
    const cache = scope?.cache;
    if (cache && cache.length > 0) {
      // The weakest outcome describes the answer: one miss means the visitor waited for coreplus.
      const worst = cache.includes("miss") ? "miss" : cache.includes("stale") ? "stale" : "hit";
      timing.push(`cache;desc=${worst}`);
    }
    headers.append("server-timing", timing.join(", "));
    logger({
      level: c.res.status >= 500 ? "error" : "info",
      msg: "request",
      requestId,
      method: c.req.method,
      path: c.req.path.slice(0, 200),
      status: c.res.status,
      ms: Math.round(ms * 10) / 10,
      ...(scope ? { clinic: scope.rt.config.slug } : {}),
      ...(cache && cache.length > 0 ? { cache: cache.join(",") } : {}),
      ...c.get("logFields"),
    });
  };
};
