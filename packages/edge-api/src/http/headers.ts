/**
 * The headers the middleware chain gives every answer, kept for the request in one plain record
 * (the `headers` variable) rather than set one by one through `c.header()`: undici's `Headers`
 * validates every name and value, sorts on iteration and is then copied again into a plain object
 * for Node's `writeHead`, which cost more than the rest of a cached answer (README, "Tests and
 * benchmark"). The record is used one of two ways, and only one per answer:
 * - {@link answer} builds the Response from it at once (the public reads, preflights): every header,
 *   Server-Timing included, in one plain object that `@hono/node-server` hands to `writeHead` as it is;
 * - {@link finishHeaders} adds it, after the handler, to any other answer (`c.json`, problems, /docs):
 *   a header the handler set itself wins, as it did over `c.header()` set before the handler.
 */
import type { StatusCode } from "hono/utils/http-status";

/** What a remembered public read sends (the same shape as types.ts's, named here by shape too). */
interface RememberedBody {
  etag: string;
  bytes: Uint8Array<ArrayBuffer>;
  cacheControl: string;
}

/** A request's answer headers by lower-case name (the `headers` variable). */
export type HeaderRecord = Record<string, string>;

/**
 * What the header path reads from a request's context: the edge's `Context<EdgeEnv>` (named here
 * by shape rather than imported from types.ts, whose imports lead back into http/).
 */
export interface HeaderContext {
  get(key: "headers"): HeaderRecord;
  get(key: "started"): number;
  get(key: "scope"): { cache: readonly string[]; answer?: RememberedBody } | undefined;
  get(key: "answered"): Response | undefined;
  set(key: "answered", value: Response): void;
  readonly res: Response;
  readonly req: { header(name: string): string | undefined };
}

/** The Server-Timing value for the request so far. */
export function serverTiming(c: HeaderContext): string {
  const timing = `app;dur=${(performance.now() - c.get("started")).toFixed(1)}`;
  const cache = c.get("scope")?.cache;
  if (!cache || cache.length === 0) return timing;
  // The weakest outcome describes the answer: one miss means the visitor waited for coreplus.
  const worst = cache.includes("miss") ? "miss" : cache.includes("stale") ? "stale" : "hit";
  return `${timing}, cache;desc=${worst}`;
}

/**
 * The answer `body` with the request's headers, `own` (which win) and Server-Timing, built once as
 * a plain Response: no `Headers` object and no rebuild after the handler. A byte body may be shared
 * between answers (a remembered text's bytes, http/cached-answer.ts): a Response copies or only
 * reads it, never writes to it. The request's record
 * becomes the answer's headers (no copy: object spreads of header records measured ~5 µs a request).
 */
export function answer(
  c: HeaderContext,
  body: string | Uint8Array<ArrayBuffer> | null,
  status: StatusCode,
  own?: Readonly<HeaderRecord>,
): Response {
  const headers = c.get("headers");
  if (own) Object.assign(headers, own);
  headers["server-timing"] = serverTiming(c);
  const res = new Response(body, { status, headers });
  c.set("answered", res);
  return res;
}

/** Adds the request's headers and Server-Timing to an answer not built by {@link answer}. */
export function finishHeaders(c: HeaderContext): void {
  const res = c.res;
  if (c.get("answered") === res) return;
  const target = res.headers;
  const record = c.get("headers");
  for (const name in record)
    if (name !== "server-timing" && !target.has(name)) target.set(name, record[name] as string);
  target.append("server-timing", serverTiming(c));
}
