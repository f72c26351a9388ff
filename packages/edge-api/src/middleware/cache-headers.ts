/**
 * Caching headers for every `/v1` answer, put in the request's header record (http/headers.ts) before
 * the handler runs, so the answer is built once with them: `Vary: Origin` always — a 403 for one
 * origin must never be served to another from a shared cache — and `Cache-Control: no-store` on
 * every POST answer. Problems get `no-store` where they
 * are built (problemAnswer), whatever the method.
 */
import type { MiddlewareHandler } from "hono";
import type { EdgeEnv } from "../types.js";

/** The caching-headers middleware for `/v1/*`. */
export const cacheHeaders = (): MiddlewareHandler<EdgeEnv> =>
  async function cacheHeaders(c, next) {
    const headers = c.get("headers");
    headers.vary = "Origin";
    if (c.req.method === "POST") headers["cache-control"] = "no-store";
    await next();
  };
