/**
 * The response headers the edge API sends, as the OpenAPI document's `components.headers`. The
 * middleware's headers (request id, timing, Vary, Cache-Control on POSTs and problems, Retry-After)
 * are put on every response they apply to by the document's finishing pass (app/openapi-document.ts);
 * a route adds its own (Idempotent-Replayed, Cache-Control on a GET) with {@link withHeaders}.
 */

import type { OpenAPIHono } from "@hono/zod-openapi";

type Components = NonNullable<ReturnType<OpenAPIHono["getOpenAPI31Document"]>["components"]>;
/** An OpenAPI 3.1 header object (openapi3-ts's, as hono's generator types it). */
type HeaderObject = Exclude<NonNullable<Components["headers"]>[string], { $ref: string }>;

/** Every response header the document names, by component name (the wire name but for Retry-After-When-Known). */
export const RESPONSE_HEADERS = {
  "X-Request-Id": {
    description:
      "This request's id, always chosen by the API (a client's own X-Request-Id is only logged beside it). " +
      "Quote it when reporting a problem.",
    required: true,
    schema: { type: "string", format: "uuid" },
  },
  "Server-Timing": {
    description:
      "Time spent in the API (`app;dur=<ms>`) and, on clinic reads, whether the cache answered " +
      "(`cache;desc=hit|stale|miss`).",
    required: true,
    schema: { type: "string", examples: ["app;dur=1.8, cache;desc=hit"] },
  },
  Vary: {
    description:
      "`Origin`: the answer depends on the request's Origin (the clinic's website allowlist), so a shared " +
      "cache keeps one copy per website.",
    required: true,
    schema: { type: "string", examples: ["Origin"] },
  },
  "Cache-Control": {
    description:
      "`no-store`: this answer (a problem, the answer to a POST, a challenge, a calendar file, the health) is " +
      "never cached.",
    required: true,
    schema: { type: "string", examples: ["no-store"] },
  },
  "Retry-After": {
    description: "Seconds to wait before trying again.",
    required: true,
    schema: { type: "integer", minimum: 1 },
  },
  "Retry-After-When-Known": {
    description:
      "Seconds to wait before trying again, when the API knows (coreplus's budget, a lock, an outage).",
    schema: { type: "integer", minimum: 1 },
  },
  "Content-Disposition": {
    description: 'An attachment and its file name: `attachment; filename="appointment-<reference>.ics"`.',
    required: true,
    schema: { type: "string", examples: ['attachment; filename="appointment-100616.ics"'] },
  },
  "Idempotent-Replayed": {
    description:
      "`true` when this is the recorded answer to an earlier request with the same Idempotency-Key and body: " +
      "nothing was done again. Absent on the request that did the work.",
    schema: { type: "string", enum: ["true"] },
  },
} satisfies Record<string, HeaderObject>;

/** The name of one of {@link RESPONSE_HEADERS} (its key in `components.headers`). */
export type ResponseHeaderName = keyof typeof RESPONSE_HEADERS;

/** The wire name of each header whose component name differs from it. */
const WIRE_NAME: Partial<Record<ResponseHeaderName, string>> = {
  "Retry-After-When-Known": "Retry-After",
};

/** The header's name in a response's `headers` map. */
export const wireName = (name: ResponseHeaderName): string => WIRE_NAME[name] ?? name;

/** A response's `headers` map referring to the named components. */
export function headerRefs(names: readonly ResponseHeaderName[]): Record<string, { $ref: string }> {
  const out: Record<string, { $ref: string }> = {};
  for (const name of names) out[wireName(name)] = { $ref: `#/components/headers/${name}` };
  return out;
}

/** A documented response that also sends the named headers. */
export const withHeaders = <R extends { description: string }>(
  response: R,
  ...names: ResponseHeaderName[]
): R & { headers: Record<string, { $ref: string }> } => ({ ...response, headers: headerRefs(names) });
