/**
 * Public reads as HTTP caches expect them (RFC 9111, RFC 9110 §13): a strong `ETag` over the JSON
 * text, `If-None-Match` answered with 304, and a `Cache-Control` per kind of data. The ETag is
 * remembered per text (the answers' texts are themselves memoised), so a hot answer is hashed once.
 */
import type { TypedResponse } from "hono";
import type { ClinicConfig } from "../config/index.js";
import { toHex } from "../internal/crypto.js";
import { answer, type HeaderContext } from "./headers.js";

const enc = new TextEncoder();
// Keyed by the text itself: a memoised text is the same string each time, so a lookup is cheap.
const etags = new Map<string, string>();
const ETAG_MEMO = 256;

/** The strong ETag of a JSON text: the first 128 bits of its SHA-256, hex, quoted. */
export async function etagOf(text: string): Promise<string> {
  const known = etags.get(text);
  if (known) return known;
  const digest = await crypto.subtle.digest("SHA-256", enc.encode(text));
  const etag = `"${toHex(new Uint8Array(digest, 0, 16))}"`;
  if (etags.size >= ETAG_MEMO) etags.delete(etags.keys().next().value as string);
  etags.set(text, etag);
  return etag;
}

/** Whether an `If-None-Match` value matches `etag` (weak comparison, a list, or `*`). */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  for (const part of header.split(",")) {
    const tag = part.trim();
    if ((tag.startsWith("W/") ? tag.slice(2) : tag) === etag) return true;
  }
  return false;
}

/** Which freshness a public read gets. */
export type CacheKind = "catalogue" | "availability" | "first-screen";

/**
 * `Cache-Control` for a public read of `clinic`, as long as the edge itself would serve it:
 * - catalogue (profile, lists): fresh for the catalogue's TTL, then served stale for 12× as long
 *   while the browser revalidates (the edge's own stale window);
 * - first-screen (the bootstrap with a week of times): the availability TTL, stale for 3× as long,
 *   again the edge's own; a time gone by then is refused at booking and the widget reloads the week
 *   through the availability route, which is never served from a cache without revalidating;
 * - availability: `no-cache` (revalidate every time; the ETag turns an unchanged week into a 304),
 *   so that reloading a week after a 409 always sees the edge's current answer.
 */
export function cacheControl(clinic: ClinicConfig, kind: CacheKind): string {
  const { catalogueTtlMs, availabilityTtlMs } = clinic.cache;
  if (kind === "availability") return "no-cache";
  const ttl = Math.floor((kind === "catalogue" ? catalogueTtlMs : availabilityTtlMs) / 1000);
  const stale = ttl * (kind === "catalogue" ? 12 : 3);
  return `public, max-age=${ttl}, stale-while-revalidate=${stale}`;
}

/**
 * The answer of a public read: `text` (JSON) with its ETag and Cache-Control, or 304 Not Modified
 * when the request's `If-None-Match` names that ETag. Built once with every header (http/headers.ts).
 * `text` must be the JSON of a `T` (typed for the route).
 */
export async function cachedJson<T>(
  c: HeaderContext,
  clinic: ClinicConfig,
  kind: CacheKind,
  text: string,
): Promise<TypedResponse<T, 200, "json">> {
  const etag = etags.get(text) ?? (await etagOf(text));
  const res = noneMatch(c.req.header("if-none-match"), etag)
    ? answer(c, null, 304, { etag, "cache-control": cacheControl(clinic, kind) })
    : answer(c, text, 200, {
        "content-type": "application/json",
        etag,
        "cache-control": cacheControl(clinic, kind),
      });
  // A 304 carries no body; the route's documented type is that of its 200.
  return res as unknown as TypedResponse<T, 200, "json">;
}
