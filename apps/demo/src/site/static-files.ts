/**
 * Serves the Vite build of the site: clean URLs (`/playground` → `playground.html`), no path escapes,
 * hashed assets cached for a year, pages never cached. Pages are rewritten on the way out so the
 * embed's `api="http://127.0.0.1:8787"` points at the edge API this stack actually runs (tests bind
 * port 0), and they carry a strict Content-Security-Policy, as a clinic's site might.
 */
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { MiddlewareHandler } from "hono";

/** The edge API origin written in the site's HTML (the documented default). */
export const DEFAULT_EDGE_API_URL = "http://127.0.0.1:8787";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Options for {@link staticSite}. */
export interface StaticSiteOptions {
  /** The Vite build output (absolute). */
  root: string;
  /** The edge API origin the embeds should call. */
  edgeApiUrl: string;
  /** The public addresses the playground's snippet shows (empty: marked placeholders). */
  publicUrls?: PublicUrls | undefined;
}

/** Where a clinic's site would reach the edge API and the script-tag file (not this machine's loopback). */
export interface PublicUrls {
  /** The edge API's public origin, `https://book.example.com`. */
  api?: string | undefined;
  /** The public URL of `coreplus-booking.js`. */
  script?: string | undefined;
}

/** Writes the public addresses into the pages' `<meta name="coreplus-public-…" content="">`. */
function withPublicUrls(html: string, urls: PublicUrls | undefined): string {
  return html.replace(
    /(<meta name="coreplus-public-(api|script)" content=")(")/g,
    (_, open: string, which: "api" | "script", close: string) =>
      `${open}${(urls?.[which] ?? "").replaceAll("&", "&amp;").replaceAll('"', "&quot;")}${close}`,
  );
}

/** Hono middleware serving the built site; anything it does not have falls through. */
export function staticSite(opts: StaticSiteOptions): MiddlewareHandler {
  const root = normalize(opts.root);
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // The playground sets custom properties through the CSSOM; Lit adopts constructed style sheets.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${new URL(opts.edgeApiUrl).origin}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");

  return async function staticSite(c, next) {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const file = await findFile(root, decodePath(c.req.path));
    if (!file) return next();
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const headers: Record<string, string> = { "content-type": type, "x-content-type-options": "nosniff" };
    if (type.startsWith("text/html")) {
      const html = withPublicUrls(
        (await readFile(file, "utf8")).replaceAll(DEFAULT_EDGE_API_URL, opts.edgeApiUrl),
        opts.publicUrls,
      );
      return c.body(html, 200, {
        ...headers,
        "cache-control": "no-cache",
        "content-security-policy": csp,
        "referrer-policy": "strict-origin-when-cross-origin",
      });
    }
    const body = await readFile(file);
    const immutable = file.includes(`${sep}assets${sep}`);
    return c.body(new Uint8Array(body), 200, {
      ...headers,
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  };
}

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** The file a URL path names inside root, or undefined (missing, a directory, or outside root). */
async function findFile(root: string, path: string | undefined): Promise<string | undefined> {
  if (path === undefined || path.includes("\0")) return undefined;
  const candidates = path.endsWith("/")
    ? [`${path}index.html`]
    : [path, `${path}.html`, `${path}/index.html`];
  for (const candidate of candidates) {
    const full = normalize(join(root, candidate));
    if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
    const info = await stat(full).catch(() => undefined);
    if (info?.isFile()) return full;
  }
  return undefined;
}
