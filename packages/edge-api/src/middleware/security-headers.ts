/**
 * Security headers for a JSON API through hono/secure-headers: hono's defaults less the legacy ones,
 * CSP `default-src 'none'`, and a cross-origin resource policy (the widget reads these answers
 * cross-origin by design). A header a route set itself (the /docs page's CSP) is kept.
 */
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** The security headers middleware for every answer. */
export const securityHeaders = (): MiddlewareHandler =>
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
  });
