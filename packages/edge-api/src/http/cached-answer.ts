/**
 * Public reads as HTTP caches expect them (RFC 9111, RFC 9110 §13): a strong `ETag` over the JSON
 * text, `If-None-Match` answered with 304, and a `Cache-Control` per kind of data. The ETag and the
 * text's UTF-8 bytes are remembered per text (the answers' texts are themselves memoised), so a hot
 * answer is hashed and encoded once: sent as bytes, its body is neither measured
 * (`Buffer.byteLength`) nor encoded again per request on Node (6–13 µs of CPU a request for the
 * 21 KB availability answer over sockets; README, "Tests and benchmark").
 */
import type { TypedResponse } from "hono";
import type { ClinicConfig } from "../config/index.js";
import { toHex } from "../internal/crypto.js";
import { answer, type HeaderContext } from "./headers.js";

/** A remembered text's ETag and UTF-8 bytes (shared by every answer of it: never written to). */
export interface EncodedText {
  etag: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const enc = new TextEncoder();
// Keyed by the text itself: a memoised text is the same string each time, so a lookup is cheap.
const encoded = new Map<string, EncodedText>();
/** At most this many texts are remembered, and at most {@link ENCODED_BYTES_MAX} bytes of them. */
const ENCODED_MEMO = 256;
const ENCODED_BYTES_MAX = 8 * 1024 * 1024;
let encodedBytes = 0;

/** The ETag and bytes of a JSON text, remembered (least recently added go first). */
export async function encodedOf(text: string): Promise<EncodedText> {
  const known = encoded.get(text);
  if (known) return known;
  // encode() always returns a new array over its own ArrayBuffer (some runtimes' types say ArrayBufferLike).
  const bytes = enc.encode(text) as Uint8Array<ArrayBuffer>;
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  const entry = { etag: `"${toHex(new Uint8Array(digest, 0, 16))}"`, bytes };
  // Another request may have encoded the same text while this one hashed it: keep one entry.
  const raced = encoded.get(text);
  if (raced) return raced;
  encoded.set(text, entry);
  encodedBytes += bytes.byteLength;
  while (encoded.size > ENCODED_MEMO || (encodedBytes > ENCODED_BYTES_MAX && encoded.size > 1)) {
    const [oldest, value] = encoded.entries().next().value as [string, EncodedText];
    encoded.delete(oldest);
    encodedBytes -= value.bytes.byteLength;
  }
  return entry;
}

/** The strong ETag of a JSON text: the first 128 bits of its SHA-256 (over its UTF-8), hex, quoted. */
export async function etagOf(text: string): Promise<string> {
  return (await encodedOf(text)).etag;
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
  const { etag, bytes } = encoded.get(text) ?? (await encodedOf(text));
  const cc = cacheControl(clinic, kind);
  // What the answer memo keeps if the request read only fresh entries (app/answer-memo.ts).
  const scope = c.get("scope");
  if (scope) scope.answer = { etag, bytes, cacheControl: cc };
  const res = noneMatch(c.req.header("if-none-match"), etag)
    ? answer(c, null, 304, { etag, "cache-control": cc })
    : answer(c, bytes, 200, { "content-type": "application/json", etag, "cache-control": cc });
  // A 304 carries no body; the route's documented type is that of its 200.
  return res as unknown as TypedResponse<T, 200, "json">;
}
