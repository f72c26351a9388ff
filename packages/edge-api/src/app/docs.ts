/**
 * /docs: Swagger UI (swagger-ui-dist, pinned) rendering /openapi.json. Its assets are served by this
 * app from the installed package (the runtime supplies them through `deps.docsAssets`), so the page
 * works offline and under a CSP without inline scripts.
 */
import type { Hono } from "hono";
import type { EdgeEnv } from "../types.js";

/** Serves one file of swagger-ui-dist by name ("swagger-ui-bundle.js", "swagger-ui.css"). */
export type DocsAssets = (name: string) => Promise<Response | undefined> | Response | undefined;

/** The files of swagger-ui-dist the page uses. */
export const DOCS_ASSET_NAMES = ["swagger-ui-bundle.js", "swagger-ui.css"] as const;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>coreplus-kit edge API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="docs"><p style="font-family:sans-serif;margin:2rem">Loading the API reference… (the machine-readable document is at <a href="/openapi.json">/openapi.json</a>)</p></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#docs", deepLinking: true,
  defaultModelsExpandDepth: 0, tryItOutEnabled: false });`;

const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Adds /docs, /docs/init.js and /docs/assets/* to the app. */
export function mountDocs(app: Hono<EdgeEnv>, assets: DocsAssets | undefined): void {
  app.get("/docs", (c) => {
    c.header("content-security-policy", DOCS_CSP);
    return c.html(PAGE);
  });
  app.get("/docs/init.js", (c) => {
    c.header("cache-control", "public, max-age=300");
    return c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" });
  });
  app.get("/docs/assets/:name", async (c) => {
    const name = c.req.param("name");
    const res =
      assets && (DOCS_ASSET_NAMES as readonly string[]).includes(name) ? await assets(name) : undefined;
    if (!res) return c.notFound();
    return res;
  });
}
