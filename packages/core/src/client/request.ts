/**
 * The one request pipeline every resource uses: URL building, a fresh signature per attempt, the
 * rate limiter, per-attempt timeouts, retries, response parsing and validation, error mapping.
 */
import type { z } from "zod";
import {
  type CoreplusError,
  type CoreplusIssue,
  CoreplusNetworkError,
  CoreplusRateLimitedError,
  CoreplusResponseError,
  CoreplusTimeoutError,
  CoreplusUpstreamError,
  errorForStatus,
} from "../errors.js";
import { abortReason, sleep } from "../internal/abort.js";
import { createRequestSigner } from "../jwt/index.js";
import { createSlidingWindowLimiter } from "../limiter.js";
import { ResultError } from "../models/common.js";
import { backoffMs, parseRetryAfter, retryPolicy } from "./retry.js";
import type { CoreplusClientOptions, CoreplusRequest } from "./types.js";
import { apiBaseFor, buildUrl } from "./url.js";

// A server asking us to wait longer than this gets its error now rather than a hung caller.
const MAX_RETRY_AFTER_MS = 60_000;
const MAX_ISSUES_IN_MESSAGE = 5;

/** The client's request function, with an optional schema for the response. */
export interface Requester {
  readonly baseUrl: string;
  send<S extends z.ZodType>(req: CoreplusRequest, schema: S): Promise<z.output<S>>;
  send(req: CoreplusRequest): Promise<unknown>;
}

type Attempt =
  | { ok: true; value: unknown }
  | { ok: false; error: CoreplusError; retryable: boolean; retryAfterMs?: number | undefined };

/** Turns zod issues into secret-free, value-free data. */
export function issuesOf(error: z.ZodError): CoreplusIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), code: i.code, message: i.message }));
}

/** "a.b: message; c: message" for the first few issues. */
export function describeIssues(issues: readonly CoreplusIssue[]): string {
  const shown = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((i) => `${i.path === "" ? "(root)" : i.path}: ${i.message}`);
  const more =
    issues.length > MAX_ISSUES_IN_MESSAGE ? ` (+${issues.length - MAX_ISSUES_IN_MESSAGE} more)` : "";
  return `${shown.join("; ")}${more}`;
}

function severeReasons(body: unknown): string[] | undefined {
  const parsed = ResultError.safeParse(body);
  if (!parsed.success) return undefined;
  const severe = parsed.data.result.filter((r) => r.severity >= 2);
  return severe.length > 0 ? severe.map((r) => r.reason) : undefined;
}

function reasonsOf(body: unknown): string[] {
  const parsed = ResultError.safeParse(body);
  return parsed.success ? parsed.data.result.map((r) => r.reason).filter((r) => r !== "") : [];
}

/** Builds the request pipeline for one client. */
export function createRequester(opts: CoreplusClientOptions): Requester {
  const baseUrl = apiBaseFor(opts.baseUrl, opts.version);
  const signer = createRequestSigner({
    consumerId: opts.consumerId,
    consumerSecret: opts.consumerSecret,
    accessToken: opts.accessToken,
    ...(opts.issuer === undefined ? {} : { issuer: opts.issuer }),
    ...(opts.audience === undefined ? {} : { audience: opts.audience }),
  });
  const fetchImpl = opts.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const limiter = opts.limiter ?? createSlidingWindowLimiter();
  const policy = retryPolicy(opts.retry);
  const staticSecrets = [opts.consumerSecret, opts.accessToken];

  async function attempt(
    req: CoreplusRequest,
    url: string,
    body: string | undefined,
    idempotent: boolean,
  ): Promise<Attempt> {
    const method = req.method;
    const authorization = await signer.authorization(method, url);
    const secrets = [...staticSecrets, authorization.slice("JwToken ".length)];
    const base = { method, url, secrets };
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = req.signal === undefined ? timeout.signal : AbortSignal.any([req.signal, timeout.signal]);
    let status: number;
    let text: string;
    let retryAfterMs: number | undefined;
    try {
      const res = await fetchImpl(url, {
        method,
        headers: {
          Authorization: authorization,
          "Content-Type": "application/json",
          Accept: "application/json",
        },
        ...(body === undefined ? {} : { body }),
        signal,
        // A redirect would carry the token to a URL it was not signed for.
        redirect: "manual",
      });
      status = res.status;
      retryAfterMs = parseRetryAfter(res.headers.get("retry-after"), Date.now());
      text = await res.text();
    } catch (cause) {
      if (req.signal?.aborted) throw abortReason(req.signal);
      const error = timeout.signal.aborted
        ? new CoreplusTimeoutError(`coreplus did not answer ${method} within ${timeoutMs} ms`, {
            ...base,
            cause,
          })
        : new CoreplusNetworkError(`coreplus request ${method} failed before a response arrived`, {
            ...base,
            cause,
          });
      return { ok: false, error, retryable: idempotent };
    } finally {
      clearTimeout(timer);
    }

    let json: unknown;
    let parseError: unknown;
    if (text.trim() !== "") {
      try {
        json = JSON.parse(text);
      } catch (cause) {
        parseError = cause;
      }
    }

    if (status === 429) {
      const error = new CoreplusRateLimitedError(`coreplus rate limit hit (429) on ${method}`, {
        ...base,
        status,
        reasons: reasonsOf(json),
        retryAfterMs,
      });
      const waitable = retryAfterMs === undefined || retryAfterMs <= MAX_RETRY_AFTER_MS;
      return { ok: false, error, retryable: waitable, retryAfterMs };
    }
    if (status >= 500) {
      return {
        ok: false,
        error: errorForStatus(status, { ...base, reasons: reasonsOf(json) }),
        retryable: idempotent,
      };
    }
    if (status < 200 || status >= 300) {
      const error =
        status < 400
          ? new CoreplusUpstreamError(`coreplus answered ${status} to ${method}`, { ...base, status })
          : errorForStatus(status, { ...base, reasons: reasonsOf(json) });
      return { ok: false, error, retryable: false };
    }
    if (parseError !== undefined) {
      const error = new CoreplusResponseError(`coreplus answered ${status} with a body that is not JSON`, {
        ...base,
        status,
        cause: parseError,
      });
      return { ok: false, error, retryable: false };
    }
    const severe = severeReasons(json);
    if (severe !== undefined) {
      return { ok: false, error: errorForStatus(status, { ...base, reasons: severe }), retryable: false };
    }
    return { ok: true, value: json };
  }

  async function send(req: CoreplusRequest, schema?: z.ZodType): Promise<unknown> {
    const url = buildUrl(baseUrl, req.path, req.query);
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const idempotent = req.idempotent ?? req.method === "GET";
    for (let retry = 0; ; retry++) {
      if (req.signal?.aborted) throw abortReason(req.signal);
      // A lease holds its slot until the response is in, so arrivals at coreplus stay a window apart.
      const release =
        limiter.lease === undefined ? await limiter.acquire(req.signal) : await limiter.lease(req.signal);
      let outcome: Attempt;
      try {
        outcome = await attempt(req, url, body, idempotent);
      } finally {
        release?.();
      }
      if (outcome.ok) {
        if (schema === undefined) return outcome.value;
        const parsed = schema.safeParse(outcome.value);
        if (parsed.success) return parsed.data;
        const issues = issuesOf(parsed.error);
        throw new CoreplusResponseError(
          `coreplus response to ${req.method} ${new URL(url).pathname} did not match the expected shape: ${describeIssues(issues)}`,
          { method: req.method, url, issues, secrets: staticSecrets },
        );
      }
      if (!outcome.retryable || retry >= policy.retries) throw outcome.error;
      const wait = outcome.retryAfterMs ?? backoffMs(retry, policy);
      await sleep(wait, req.signal);
    }
  }

  return { baseUrl, send: send as Requester["send"] };
}
