/**
 * Caching headers for every `/v1` answer, set before the handler runs (so the answer is built once
 * with them): `Vary: Origin` always — a 403 for one origin must never be served to another from a
 * shared cache — and `Cache-Control: no-store` on every POST answer. Problems get `no-store` where they
 * are built (problemAnswer), whatever the method.
 */
import type { MiddlewareHandler } from "hono";

/** The caching-headers middleware for `/v1/*`. */
export const cacheHeaders = (): MiddlewareHandler =>
  async function cacheHeaders(c, next) {
    c.header("vary", "Origin");
    if (c.req.method === "POST") c.header("cache-control", "no-store");
    await next();
  };
