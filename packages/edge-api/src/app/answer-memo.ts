/**
 * The answer memo: finished public reads (profile, lists, availability, bootstrap) remembered in this
 * process (on Workers, this isolate), so that asking again is answered without re-reading shared
 * state or running the middleware chain (issue 19 item 3). An answer is remembered under its path and
 * query as sent (another spelling of the same query is another entry: a miss, never a wrong answer),
 * only when every cache entry it was read from was fresh, and is served again only while all of these
 * hold:
 * - nothing this process wrote to the clinic's state since the answer began (a booking, cancel or
 *   reschedule marking or releasing a slot, a cache refresh: the clinic's write generation,
 *   state/generation.ts), so it is never staler than the state for this process's own writes;
 * - every cache entry it was read from is still fresh, and business time has not moved past what the
 *   answer assumed (a slot falling inside the minimum notice, midnight);
 * - at most {@link ANSWER_MEMO_MAX_AGE_MS} since it was computed: the bound on how long a change made
 *   by another process (Redis) or isolate (Workers) can go unseen here. A slot taken elsewhere within
 *   it is still refused at booking time, where the slot is re-checked fresh (409 slot-unavailable).
 *
 * A remembered answer is the same answer: every header as the chain builds it (security headers,
 * request id, Vary, CORS for an allowed origin, ETag, Cache-Control, 304 on If-None-Match,
 * Server-Timing), the same log line, and the read still counts against the visitor's `limits.reads`
 * (synchronously where the state is in this process). Anything else (a refused origin, a visitor over
 * the limit) goes the ordinary way, counted once.
 */
import { noneMatch } from "../http/index.js";
import { BoundedMap } from "../internal/bounded-map.js";
import { visitorKey } from "../internal/visitor-key.js";
import {
  addressOf,
  CORS_EXPOSE,
  logPath,
  originAllowed,
  requestLine,
  SECURITY_HEADERS,
  type VisitorAddressOptions,
} from "../middleware/index.js";
import type { HitResult } from "../state/index.js";
import type { ClinicRuntime, RememberedBody, RequestScope } from "../types.js";

/**
 * How long a remembered answer may be served after it was computed, in ms: the most a read can lag
 * behind a change that another process or isolate made to the shared state (this process's own
 * writes are seen at once). Bookings re-check the slot fresh whatever the visitor was shown.
 */
export const ANSWER_MEMO_MAX_AGE_MS = 1000;

/** Answers remembered per process, across clinics (their bytes are shared with cached-answer.ts's). */
const MEMO_ENTRIES = 256;
/** A longer path and query is never remembered (nothing the widget asks is near it). */
const MEMO_KEY_MAX = 512;
const CLINICS = "/v1/clinics/";

/** A fetch handler as the runtimes call it (Node: env is the node-server bindings; Workers: the env). */
export type Fetch = (req: Request, env?: unknown, ctx?: unknown) => Response | Promise<Response>;

/** Options for {@link AnswerMemo}. */
export interface AnswerMemoOptions {
  /** Business time (EdgeDeps.now). */
  businessNow: () => Date;
  /** Wall-clock ms: the bound's and the cache entries' clock (EdgeDeps.wallNow). */
  wallNow: () => number;
  logger: (entry: Record<string, unknown>) => void;
  trustProxy: boolean;
  clientAddress: VisitorAddressOptions["clientAddress"];
  /** Reads a request header (EdgeDeps.requestHeader); default `req.headers.get(name)`. */
  header?: ((req: Request, env: unknown, name: string) => string | undefined) | undefined;
}

interface Remembered extends RememberedBody {
  rt: ClinicRuntime;
  /** The clinic's write generation the answer was computed under. */
  generation: number;
  /** Wall-clock ms: served before then only. */
  expiresAt: number;
  /** Business-time ms: served within [validFrom, validUntil) only. */
  validFrom: number;
  validUntil: number;
  /** The log line's path and cache fields. */
  path: string;
  cache: string;
}

const defaultHeader = (req: Request, _env: unknown, name: string) => req.headers.get(name) ?? undefined;

/** The memo and the fetch in front of the app that serves from it. */
export class AnswerMemo {
  readonly #entries = new BoundedMap<Remembered>(MEMO_ENTRIES);
  /** The scope of a GET answered the ordinary way (set by clinicScope through {@link track}). */
  readonly #scopes = new WeakMap<Request, RequestScope>();
  /** Reads counted here and then answered the ordinary way (see {@link counted}). */
  readonly #counted = new WeakMap<Request, HitResult>();
  readonly #opts: AnswerMemoOptions;
  readonly #header: NonNullable<AnswerMemoOptions["header"]>;
  /** The app's own fetch: answers everything the memo does not (see {@link front}). */
  #inner: Fetch = () => {
    throw new Error("AnswerMemo: front() was not given the app's fetch");
  };

  constructor(opts: AnswerMemoOptions) {
    this.#opts = opts;
    this.#header = opts.header ?? defaultHeader;
  }

  /** The fetch that serves remembered answers first and hands the rest to `inner` (the app's). */
  front(inner: Fetch): Fetch {
    this.#inner = inner;
    return this.fetch;
  }

  /** Notes the scope of a GET being answered the ordinary way, so that its answer can be remembered. */
  track(req: Request, scope: RequestScope): void {
    this.#scopes.set(req, scope);
  }

  /** The visitor-limit result of a read the memo already counted (visitorLimit's `counted`). */
  counted = (req: Request): HitResult | undefined => this.#counted.get(req);

  /** The app's fetch, with remembered answers served first. */
  readonly fetch: Fetch = (req, env, ctx) => {
    if (req.method !== "GET") return this.#inner(req, env, ctx);
    const url = req.url;
    const at = url.indexOf("/", url.indexOf(":") + 4);
    const key = at < 0 ? "" : url.slice(at);
    // A percent-escape would need the router's decoding to name the path: left to the ordinary way.
    if (key.length > MEMO_KEY_MAX || !key.startsWith(CLINICS) || key.includes("%") || key.includes("#"))
      return this.#inner(req, env, ctx);
    const started = performance.now();
    const known = this.#entries.get(key);
    if (known && this.#stands(known)) {
      const served = this.#serve(known, key, req, env, ctx, started);
      if (served) return served;
    }
    return this.#ordinary(key, req, env, ctx);
  };

  /** Whether a remembered answer may still be served. */
  #stands(m: Remembered): boolean {
    if (m.generation !== m.rt.generation.value || this.#opts.wallNow() >= m.expiresAt) return false;
    const business = this.#opts.businessNow().getTime();
    return business >= m.validFrom && business < m.validUntil;
  }

  /** Counts the read and answers it from `m`; undefined when it must go the ordinary way. */
  #serve(
    m: Remembered,
    key: string,
    req: Request,
    env: unknown,
    ctx: unknown,
    started: number,
  ): Response | Promise<Response> | undefined {
    const origin = this.#header(req, env, "origin");
    const { config, state } = m.rt;
    // Refused by clinicCors() before anything is counted.
    if (origin !== undefined && (origin === "null" || !originAllowed(config, origin))) return undefined;
    const { limits } = config;
    const limit = limits.reads;
    if (!limit) return this.#respond(m, req, env, origin, started);
    const address = addressOf(
      this.#opts.trustProxy,
      this.#opts.clientAddress,
      this.#opts.trustProxy ? this.#header(req, env, "x-forwarded-for") : undefined,
      req,
      env,
    );
    const counterKey = `reads:${visitorKey(address, limits.ipv6Prefix)}`;
    if (state.hitNow) {
      const result = state.hitNow(counterKey, limit.limit, limit.windowMs);
      if (result.allowed) return this.#respond(m, req, env, origin, started);
      this.#counted.set(req, result);
      return undefined;
    }
    return state.hit(counterKey, limit.limit, limit.windowMs).then((result) => {
      // A write may have landed while the count was awaited.
      if (result.allowed && this.#stands(m)) return this.#respond(m, req, env, origin, started);
      this.#counted.set(req, result);
      return this.#ordinary(key, req, env, ctx);
    });
  }

  /** The remembered answer with this request's headers, and its log line. */
  #respond(m: Remembered, req: Request, env: unknown, origin: string | undefined, started: number): Response {
    // The headers in the order the chain adds them (middleware/, http/headers.ts's answer()).
    const requestId = crypto.randomUUID();
    const headers: Record<string, string> = { ...SECURITY_HEADERS };
    headers["x-request-id"] = requestId;
    headers.vary = "Origin";
    if (origin !== undefined) {
      headers["access-control-allow-origin"] = origin;
      headers["access-control-expose-headers"] = CORS_EXPOSE;
    }
    const notModified = noneMatch(this.#header(req, env, "if-none-match"), m.etag);
    if (!notModified) headers["content-type"] = "application/json";
    headers.etag = m.etag;
    headers["cache-control"] = m.cacheControl;
    // Every read it came from was a hit (see #ordinary).
    headers["server-timing"] = `app;dur=${(performance.now() - started).toFixed(1)}, cache;desc=hit`;
    const status = notModified ? 304 : 200;
    const res = new Response(notModified ? null : m.bytes, { status, headers });
    const line = requestLine(
      requestId,
      this.#header(req, env, "x-request-id"),
      "GET",
      m.path,
      status,
      started,
    );
    line.clinic = m.rt.config.slug;
    line.cache = m.cache;
    this.#opts.logger(line);
    return res;
  }

  /** Answers the ordinary way, and remembers the answer when it may be. */
  async #ordinary(key: string, req: Request, env: unknown, ctx: unknown): Promise<Response> {
    const res = await this.#inner(req, env, ctx);
    const scope = this.#scopes.get(req);
    if (scope?.answer && (res.status === 200 || res.status === 304)) this.#remember(key, scope, scope.answer);
    return res;
  }

  #remember(key: string, scope: RequestScope, body: RememberedBody): void {
    const { cache, rt } = scope;
    // Only an answer read wholly from fresh entries: a stale one is being refreshed, a miss just loaded.
    if (cache.length === 0 || cache.some((outcome) => outcome !== "hit")) return;
    // Something this process wrote while the answer was being computed may not be in it.
    if (scope.generation !== rt.generation.value) return;
    const expiresAt = Math.min(scope.startedAt + ANSWER_MEMO_MAX_AGE_MS, scope.freshUntil);
    const validFrom = scope.now.getTime();
    if (expiresAt <= this.#opts.wallNow() || scope.validUntil <= validFrom) return;
    const query = key.indexOf("?");
    this.#entries.set(key, {
      ...body,
      rt,
      generation: scope.generation,
      expiresAt,
      validFrom,
      validUntil: scope.validUntil,
      path: logPath(query < 0 ? key : key.slice(0, query)),
      cache: cache.join(","),
    });
  }
}
