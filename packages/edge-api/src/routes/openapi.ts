/**
 * What every route module shares: the sub-app they register on (whose validation failures become
 * problem+json), and the response descriptions of the OpenAPI document.
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { zodProblem } from "../http/index.js";
import { ProblemDetails } from "../schemas/public.js";
import type { EdgeEnv } from "../types.js";
import { withHeaders } from "./openapi-headers.js";

export { withHeaders } from "./openapi-headers.js";

/** A sub-app for one resource's routes; `createEdgeApp` mounts it with `app.route("/", …)`. */
export function routesApp(): OpenAPIHono<EdgeEnv> {
  return new OpenAPIHono<EdgeEnv>({
    defaultHook: (result) => {
      if (!result.success) throw zodProblem(result.error, result.target === "query" ? "/query" : "");
    },
  });
}

/** A documented problem+json answer. */
export const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemDetails } },
});

/** The problems any clinic read may answer. */
export const readProblems = {
  404: problem("clinic-not-found"),
  403: problem("forbidden-origin: the Origin is not on the clinic's allowlist"),
  422: problem("validation"),
  429: problem("rate-limited (with Retry-After)"),
  502: problem("upstream-unavailable"),
  503: problem("upstream-unavailable (with Retry-After)"),
  504: problem("upstream-unavailable (timeout)"),
} as const;

/** A documented JSON answer. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The caching headers of a public read's 200 and 304 (http/cached-answer.ts). */
const cachingHeaders = (cacheControl: string) => ({
  ETag: {
    description: "Strong validator of the answer; send it back as If-None-Match to get a 304.",
    schema: { type: "string" as const, example: '"5d41402abc4b2a76b9719d911017c592"' },
  },
  "Cache-Control": { description: cacheControl, schema: { type: "string" as const } },
  Vary: { description: "Always `Origin`.", schema: { type: "string" as const, example: "Origin" } },
});

/**
 * A documented public read: JSON with ETag, Cache-Control and Vary, and the 304 a matching
 * If-None-Match gets. `cacheControl` says what the Cache-Control is.
 */
export const cachedRead = <T extends z.ZodType>(schema: T, description: string, cacheControl: string) => ({
  200: { description, headers: cachingHeaders(cacheControl), content: { "application/json": { schema } } },
  304: {
    description: "Not modified: the If-None-Match named the current ETag (no body).",
    headers: cachingHeaders(cacheControl),
  },
});

/** The documented Cache-Control of the catalogue reads (profile, lists). */
export const CATALOGUE_CACHING =
  "`public, max-age=<catalogue TTL>, stale-while-revalidate=<12 × TTL>` (defaults 300 and 3600 s).";

/**
 * A schema that accepts any value but types it as `T`'s input: for a route whose handler validates
 * with `T` itself (once per query string, or under a lock), while the document shows `T`.
 */
export const validatedByHandler = <T extends z.ZodType>(_schema: T) => {
  const any = z.custom<z.input<T>>(() => true);
  // A pipe, because hono's query and header targets take an object or a pipe.
  return any.pipe(any);
};

/**
 * The request headers of a route that runs under an Idempotency-Key (8 to 128 characters; the handler
 * checks it with `requireIdempotencyKey`), with `example` as the documented key.
 */
export const idempotencyHeaders = (example: string) =>
  z.object({
    "Idempotency-Key": z
      .string()
      .min(8)
      .max(128)
      .openapi({ param: { name: "Idempotency-Key", in: "header" }, example }),
  });

/** A response that may be the recorded answer to an earlier request with the same Idempotency-Key. */
export const replayable = <R extends { description: string }>(response: R) =>
  withHeaders(response, "Idempotent-Replayed");

/**
 * A recorded (replayable) answer under an Idempotency-Key: its JSON as recorded, as problem+json when
 * it is an error, with `Idempotent-Replayed: true` when it was replayed.
 */
export function recordedAnswer(
  c: Context,
  answer: { status: number; body: unknown; replayed: boolean },
): Response {
  const headers: Record<string, string> = {
    "content-type": answer.status < 300 ? "application/json" : "application/problem+json",
  };
  if (answer.replayed) headers["idempotent-replayed"] = "true";
  return c.body(JSON.stringify(answer.body), answer.status as ContentfulStatusCode, headers);
}
