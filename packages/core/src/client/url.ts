/** Canonical coreplus URLs: `{origin}/API/Core/{version}/<resource>/[<id>/]?<query>`. */
import type { QueryValue } from "./types.js";

const API_SUFFIX = /\/api\/core\/(v[0-9.]+)$/i;

/** The API base for a configured base URL: a trailing "/API/Core/vX" is stripped and rebuilt. */
export function apiBaseFor(baseUrl: string, version?: "v2" | "v2.1"): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl must be an absolute URL such as https://sandbox.coreplus.com.au`);
  }
  let path = url.pathname.replace(/\/+$/, "");
  const suffix = API_SUFFIX.exec(path);
  let found: string | undefined;
  if (suffix !== null) {
    path = path.slice(0, suffix.index);
    found = suffix[1]?.toLowerCase();
  }
  const chosen = version ?? (found === "v2" || found === "v2.1" ? found : "v2.1");
  return `${url.origin}${path}/API/Core/${chosen}`;
}

// Stricter than encodeURIComponent: also escapes !'()* so the string we sign is exactly what the
// URL parser (and so fetch) sends; the WHATWG parser would otherwise percent-encode "'" itself.
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The query string (without "?"): keys in the given order, arrays as repeated keys. */
export function encodeQuery(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (query === undefined) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? (value as readonly string[]) : [value as string | number | boolean];
    for (const v of values) parts.push(`${encode(key)}=${encode(String(v))}`);
  }
  return parts.join("&");
}

/** The exact URL string that is both signed and fetched. */
export function buildUrl(
  apiBase: string,
  path: string,
  query?: Readonly<Record<string, QueryValue>>,
): string {
  if (path.includes("?") || path.includes("#")) {
    throw new TypeError("request path must not contain a query string; pass it as `query`");
  }
  const trimmed = path.replace(/^\/+/, "").replace(/\/+$/, "");
  const qs = encodeQuery(query);
  const raw = `${apiBase}/${trimmed === "" ? "" : `${trimmed}/`}${qs === "" ? "" : `?${qs}`}`;
  return new URL(raw).href;
}

/** Percent-encodes an id for use as one path segment. */
export function segment(id: string): string {
  return encode(id);
}
