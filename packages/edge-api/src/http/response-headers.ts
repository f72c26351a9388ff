/**
 * The headers every answer carries (security headers, X-Request-Id, CORS, Server-Timing), gathered
 * per request in one plain object. The hot path builds its Response with that object at once (on
 * Node a plain-object init is written straight to the socket); any other answer gets the same
 * headers applied afterwards by the request-log middleware, without overwriting what it set itself.
 */
import type { Context } from "hono";
import type { EdgeEnv } from "../app/env.js";

/** Security headers for a JSON API (the values hono's secureHeaders uses, less the legacy ones). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  // The widget reads these answers cross-origin by design.
  "cross-origin-resource-policy": "cross-origin",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=15552000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "SAMEORIGIN",
});

/** The Server-Timing value for the request so far. */
export function serverTiming(c: Context<EdgeEnv>): string {
  const timing = `app;dur=${(performance.now() - c.get("started")).toFixed(1)}`;
  const cache = c.get("scope")?.cache;
  if (!cache || cache.length === 0) return timing;
  // The weakest outcome describes the answer: one miss means the visitor waited for coreplus.
  const worst = cache.includes("miss") ? "miss" : cache.includes("stale") ? "stale" : "hit";
  return `${timing}, cache;desc=${worst}`;
}

/** A Response carrying every per-request header, built in one go. */
export function respond(
  c: Context<EdgeEnv>,
  body: string | null,
  status: number,
  headers: Record<string, string> = {},
): Response {
  c.set("headersApplied", true);
  return new Response(body, {
    status,
    headers: { ...c.get("headers"), "server-timing": serverTiming(c), ...headers },
  });
}

/** Applies the per-request headers to a response built elsewhere (the slow path). */
export function applyHeaders(c: Context<EdgeEnv>): void {
  if (c.get("headersApplied")) return;
  const target = c.res.headers;
  for (const [k, v] of Object.entries(c.get("headers"))) {
    if (k === "vary") target.append(k, v);
    else if (!target.has(k)) target.set(k, v);
  }
  target.append("server-timing", serverTiming(c));
}
