/**
 * The /API pipeline, in order: count the request, verify its JwToken (wall clock), apply the
 * per-consumer rate limit, then any injected latency and fault. Each is a factory returning a named
 * middleware, as hono's own middleware does.
 */
import { verifyRequestToken } from "@coreplus-kit/core";
import type { MiddlewareHandler } from "hono";
import { droppedResponse } from "../controls/faults.js";
import type { SandboxRuntime } from "../internal/runtime.js";
import type { SandboxEnv } from "./env.js";
import { INVALID_TOKEN, resultResponse } from "./result.js";

/** Diagnostic header naming why a token was refused (a reason code; never the token or a secret). */
export const AUTH_ERROR_HEADER = "x-sandbox-auth-error";

const pathOf = (url: string): string => new URL(url).pathname;

/** Counts every /API request for the stats control. */
export const countRequests = (rt: SandboxRuntime): MiddlewareHandler<SandboxEnv> =>
  async function countRequests(c, next) {
    rt.stats.count(c.req.method, pathOf(c.req.url));
    await next();
  };

/**
 * The URL as the client sent it. Runtimes normalise `request.url` (WHATWG URL percent-encodes `'`, for
 * one), but a client signs the URL it sends, so when the Node server hands over the raw request target
 * (`env.incoming.url`), the signature is checked against that.
 */
function requestTarget(url: string, env: unknown): string {
  const raw = (env as { incoming?: { url?: unknown } } | undefined)?.incoming?.url;
  return typeof raw === "string" && raw.startsWith("/") ? `${new URL(url).origin}${raw}` : url;
}

/** Refuses any request without a valid JwToken: 401 `Invalid token` for every reason (§2). */
export const jwtAuth = (rt: SandboxRuntime): MiddlewareHandler<SandboxEnv> => {
  const lookupConsumer = (consumerId: string) =>
    consumerId === rt.credentials.consumerId
      ? {
          consumerSecret: rt.credentials.consumerSecret,
          isAccessTokenValid: (token: string) =>
            token === rt.credentials.accessToken && !rt.accessTokenExpired,
        }
      : undefined;
  return async function jwtAuth(c, next) {
    const method = c.req.method.toUpperCase();
    const body = method === "POST" || method === "PUT" || method === "PATCH" ? await c.req.text() : "";
    const result = await verifyRequestToken(c.req.header("authorization"), {
      method,
      url: requestTarget(c.req.url, c.env),
      contentType: c.req.header("content-type") ?? null,
      hasBody: body.length > 0,
      lookupConsumer,
    });
    if (!result.ok) return resultResponse(401, INVALID_TOKEN, { [AUTH_ERROR_HEADER]: result.reason });
    c.set("consumerId", result.claims.consumerId);
    await next();
  };
};

/** 10 requests per second per consumer (sliding window, wall clock), then 429 with Retry-After: 1. */
export const rateLimit = (rt: SandboxRuntime): MiddlewareHandler<SandboxEnv> =>
  async function rateLimit(c, next) {
    if (rt.rateLimit && !rt.window.admit(c.get("consumerId"), Date.now())) {
      rt.stats.countRateLimited();
      return resultResponse(429, "Too Many Requests", { "retry-after": "1" });
    }
    await next();
  };

const FORCED_REASONS: Record<number, string> = {
  429: "Too Many Requests",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};

/** Latency, forced statuses, malformed bodies and dropped connections set through the test controls. */
export const injectFaults = (rt: SandboxRuntime): MiddlewareHandler<SandboxEnv> =>
  async function injectFaults(c, next) {
    const method = c.req.method;
    const path = pathOf(c.req.url);
    const delay = rt.faults.latencyFor(method, path);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const fault = rt.faults.take(method, path);
    if (!fault) return next();
    if (fault.kind === "status") {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
      else if (fault.status === 429) headers["retry-after"] = "1";
      return resultResponse(fault.status, FORCED_REASONS[fault.status] ?? "Error", headers);
    }
    if (fault.kind === "drop" && fault.after === "before") return droppedResponse();
    await next();
    if (fault.kind === "drop") {
      c.res = undefined;
      c.res = droppedResponse();
      return;
    }
    // Malformed: the request was processed; the body is cut in half, which is never valid JSON.
    const text = await c.res.text();
    c.res = undefined;
    c.res = new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
      status: 200,
      headers: { "content-type": "application/json; charset=utf-8" },
    });
  };
