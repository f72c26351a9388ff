/**
 * Request ids (always generated here), Server-Timing and one structured JSON log line per request. Logs carry the method,
 * path, status, timings and cache outcome — never bodies, patient details, keys or secrets.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { EdgeEnv } from "../types.js";

/** Options for {@link requestLog}. */
export interface RequestLogOptions {
  logger: (entry: Record<string, unknown>) => void;
}

/** A client's own X-Request-Id is logged (only) as `clientRequestId` when it looks like an id. */
const CLIENT_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Assigns and echoes the request id, times the request (Server-Timing), and logs it once answered. */
export const requestLog = (opts: RequestLogOptions): MiddlewareHandler<EdgeEnv> => {
  const { logger } = opts;
  return async function requestLog(c, next) {
    const started = performance.now();
    // Always ours: a client choosing the id could make its lines look like someone else's.
    const requestId = crypto.randomUUID();
    const incoming = c.req.header("x-request-id");
    const clientRequestId = incoming && CLIENT_ID.test(incoming) ? incoming : undefined;
    c.set("started", started);
    c.set("requestId", requestId);
    c.set("logFields", {});
    c.header("x-request-id", requestId);
    await next();
    c.res.headers.append("server-timing", serverTiming(c));
    const scope = c.get("scope");
    const cache = scope?.cache;
    logger({
      level: c.res.status >= 500 ? "error" : "info",
      msg: "request",
      requestId,
      ...(clientRequestId ? { clientRequestId } : {}),
      method: c.req.method,
      path: redactPath(c.req.path).slice(0, 200),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(scope ? { clinic: scope.rt.config.slug } : {}),
      ...(cache && cache.length > 0 ? { cache: cache.join(",") } : {}),
      ...c.get("logFields"),
    });
  };
};

/** The Server-Timing value for the request so far. */
function serverTiming(c: Context<EdgeEnv>): string {
  const timing = `app;dur=${(performance.now() - c.get("started")).toFixed(1)}`;
  const cache = c.get("scope")?.cache;
  if (!cache || cache.length === 0) return timing;
  // The weakest outcome describes the answer: one miss means the visitor waited for coreplus.
  const worst = cache.includes("miss") ? "miss" : cache.includes("stale") ? "stale" : "hit";
  return `${timing}, cache;desc=${worst}`;
}

/** A manage token in the path is a bearer credential: it never reaches a log line. */
function redactPath(path: string): string {
  return path.replace(/\/bookings\/(?!lookup(?:\/|$))[^/]+/, "/bookings/{token}");
}
