/**
 * Request ids (always generated here), the request's start for Server-Timing (http/headers.ts) and
 * one structured JSON log line per request. Logs carry the method, path, status, timings and cache
 * outcome — never bodies, patient details, keys or secrets.
 */
import type { MiddlewareHandler } from "hono";
import type { EdgeEnv } from "../types.js";

/** Options for {@link requestLog}. */
export interface RequestLogOptions {
  logger: (entry: Record<string, unknown>) => void;
}

/** A client's own X-Request-Id is logged (only) as `clientRequestId` when it looks like an id. */
const CLIENT_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Assigns and echoes the request id, notes the start, and logs the request once answered. */
export const requestLog = (opts: RequestLogOptions): MiddlewareHandler<EdgeEnv> => {
  const { logger } = opts;
  return async function requestLog(c, next) {
    const started = performance.now();
    // Always ours: a client choosing the id could make its lines look like someone else's.
    const requestId = crypto.randomUUID();
    c.set("started", started);
    c.set("requestId", requestId);
    const fields: Record<string, unknown> = {};
    c.set("logFields", fields);
    c.get("headers")["x-request-id"] = requestId;
    await next();
    const { status } = c.res;
    const entry = requestLine(
      requestId,
      c.req.header("x-request-id"),
      c.req.method,
      logPath(c.req.path),
      status,
      started,
    );
    const scope = c.get("scope");
    if (scope) {
      entry.clinic = scope.rt.config.slug;
      if (scope.cache.length > 0) entry.cache = scope.cache.join(",");
    }
    for (const key in fields) entry[key] = fields[key];
    logger(entry);
  };
};

/**
 * The request line's first fields, in one order (no spreads): the line's object keeps one shape, which
 * is what makes serialising it cheap. The fields are the same as ever, absent ones left out. Shared
 * with the answer memo (app/answer-memo.ts), whose lines must read as the chain's do.
 */
export function requestLine(
  requestId: string,
  incomingId: string | undefined,
  method: string,
  path: string,
  status: number,
  started: number,
): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    level: status >= 500 ? "error" : "info",
    msg: "request",
    requestId,
  };
  if (incomingId && CLIENT_ID.test(incomingId)) entry.clientRequestId = incomingId;
  entry.method = method;
  entry.path = path;
  entry.status = status;
  entry.ms = Math.round((performance.now() - started) * 10) / 10;
  return entry;
}

/** A request's path as its log line gives it: a manage token redacted, at most 200 characters. */
export function logPath(path: string): string {
  return redactPath(path).slice(0, 200);
}

/** A manage token in the path is a bearer credential: it never reaches a log line. */
function redactPath(path: string): string {
  return path.includes("/bookings/")
    ? path.replace(/\/bookings\/(?!lookup(?:\/|$))[^/]+/, "/bookings/{token}")
    : path;
}
