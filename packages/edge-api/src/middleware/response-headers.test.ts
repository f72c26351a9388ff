import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { describe, expect, test } from "vitest";
import { answer } from "../http/index.js";
import type { EdgeEnv } from "../types.js";
import { cacheHeaders } from "./cache-headers.js";
import { requestLog } from "./request-log.js";
import { responseHeaders, SECURITY_HEADERS } from "./response-headers.js";

const app = new Hono<EdgeEnv>();
app.onError((_err, c) => c.json({ problem: true }, 500));
app.use("*", responseHeaders(), requestLog({ logger: () => {} }));
app.use("/v1/*", cacheHeaders());
app.get("/v1/built", (c) => answer(c, "{}", 200, { "content-type": "application/json", etag: '"e"' }));
app.get("/v1/json", (c) => c.json({ ok: true }));
app.get("/v1/own", (c) => {
  c.header("content-security-policy", "default-src 'self'");
  c.header("vary", "Accept");
  return c.json({ ok: true });
});
app.get("/v1/raw", () => new Response("raw", { headers: { "content-type": "text/plain" } }));
app.get("/v1/fails", () => {
  throw new Error("boom");
});
app.post("/v1/post", (c) => c.json({ ok: true }, 201));

// What hono/secure-headers set with the options the edge API gave it before its own header path.
const reference = new Hono();
reference.use(
  "*",
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    crossOriginResourcePolicy: "cross-origin",
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    overwrite: false,
  }),
);
reference.get("/", (c) => c.body(null, 204));

describe("responseHeaders()", () => {
  test("the security headers are exactly those hono/secure-headers set with the same options", async () => {
    const expected = Object.fromEntries((await reference.request("/")).headers);
    expect(SECURITY_HEADERS).toEqual(expected);
  });

  test.each(["/v1/built", "/v1/json", "/v1/raw", "/v1/fails"])(
    "%s: every header once, whichever way the answer was built",
    async (path) => {
      const res = await app.request(path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name)).toBe(value);
      expect(res.headers.get("vary")).toBe("Origin");
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      // Once: a second value would be joined with ", " (and a cache outcome only follows "app;dur=").
      expect(res.headers.get("server-timing")).toMatch(/^app;dur=\d+\.\d$/);
      expect(res.headers.get("cache-control")).toBeNull();
    },
  );

  test("an answer built from the record keeps its own headers and carries no others", async () => {
    const res = await app.request("/v1/built");
    expect(res.headers.get("etag")).toBe('"e"');
    expect(res.headers.get("content-type")).toBe("application/json");
    const names = [...res.headers.keys()].sort();
    expect(names).toEqual(
      [
        ...Object.keys(SECURITY_HEADERS),
        "content-type",
        "etag",
        "server-timing",
        "vary",
        "x-request-id",
      ].sort(),
    );
  });

  test("a header the route set itself wins over the record", async () => {
    const res = await app.request("/v1/own");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(res.headers.get("vary")).toBe("Accept");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  test("POST answers are no-store", async () => {
    const res = await app.request("/v1/post", { method: "POST" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
