/**
 * The answer's headers, outermost (http/headers.ts): starts the request's header record with the
 * security headers, which the rest of the chain adds to (request id, Vary, CORS), and after the
 * handler gives the record to an answer that was not built from it.
 *
 * Not hono/secure-headers: it sets its headers on the finished response through undici's `Headers`,
 * which turns the cached answer's plain header object into one and halved what the plain record
 * saves (measured: README, "Tests and benchmark"). The headers are the ones it set here.
 */
import type { MiddlewareHandler } from "hono";
import { finishHeaders, type HeaderRecord } from "../http/index.js";
import type { EdgeEnv } from "../types.js";

/**
 * The security headers of every answer, for a JSON API read cross-origin by design: hono's
 * secure-headers defaults less the legacy ones, CSP `default-src 'none'`, and a cross-origin resource
 * policy. A header a route sets itself (the /docs page's CSP) is kept.
 */
export const SECURITY_HEADERS: Readonly<HeaderRecord> = Object.freeze({
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "cross-origin-resource-policy": "cross-origin",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=15552000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "SAMEORIGIN",
});

/** The response-headers middleware, mounted first for every path. */
export const responseHeaders = (): MiddlewareHandler<EdgeEnv> =>
  async function responseHeaders(c, next) {
    c.set("headers", { ...SECURITY_HEADERS });
    await next();
    finishHeaders(c);
  };
