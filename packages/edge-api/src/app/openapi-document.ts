/**
 * GET /openapi.json: the OpenAPI 3.1 document, generated once from the routes' definitions and then
 * finished here with what the middleware does to every answer (the headers it sends, the public
 * security), the tags' descriptions, and `servers`: the configured public URL, else the origin the
 * document was fetched from. It passes `redocly lint` (recommended) and `spectral lint`
 * (`spectral:oas`) with no error or warning (test/openapi-lint.test.ts).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { headerRefs, RESPONSE_HEADERS, type ResponseHeaderName } from "../routes/openapi-headers.js";
import type { EdgeEnv } from "../types.js";

/** The generated document (openapi3-ts's OpenAPIObject), as returned by hono's generator. */
type GeneratedDocument = ReturnType<OpenAPIHono<EdgeEnv>["getOpenAPI31Document"]>;

/** Options for {@link mountOpenApiDocument}. */
export interface OpenApiDocumentOptions {
  /** The API's public URL (EdgeConfig.publicUrl); default: the origin of the request for the document. */
  publicUrl?: string | undefined;
}

const INFO = {
  title: "coreplus-kit edge API",
  version: "1.0.0",
  description:
    "The public, tokenless booking API a clinic's website calls. Errors are application/problem+json " +
    "(RFC 9457) whose `type` ends in the problem's name. Browsers may call it from the websites on the " +
    "clinic's allowlist (CORS: the Origin is echoed in Access-Control-Allow-Origin; Retry-After, " +
    "Server-Timing and X-Request-Id are exposed); any other Origin is refused with 403 forbidden-origin.",
  license: { name: "MIT", identifier: "MIT" },
  contact: { name: "coreplus-kit" },
};

/** Every tag an operation may carry, with its description. A tag missing here fails the lint. */
const TAGS: Record<string, string> = {
  clinic: "The clinic's public profile and catalogue: locations, practitioners, appointment types.",
  availability: "Free slots.",
  bookings: "Making a booking, and the challenge every booking (lookup, change) must solve first.",
  manage: "Finding, cancelling and rescheduling a booking with its reference or manage token.",
  operations: "For the people and monitors that run the API.",
};

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

interface ResponseObject {
  description: string;
  headers?: Record<string, unknown>;
  $ref?: string;
}
interface OperationObject {
  tags?: string[];
  responses?: Record<string, ResponseObject>;
}

/** The headers the middleware sends on an answer of `status` to `method path`, in document order. */
function middlewareHeaders(path: string, method: string, status: string): ResponseHeaderName[] {
  const code = Number(status);
  const names: ResponseHeaderName[] = ["X-Request-Id", "Server-Timing"];
  const v1 = path.startsWith("/v1/");
  // cacheHeaders(): Vary on every /v1 answer, no-store on POSTs; problemAnswer(): no-store on problems.
  if (v1) names.push("Vary");
  if (code >= 400 || (v1 && method === "post")) names.push("Cache-Control");
  if (code === 429) names.push("Retry-After");
  if (code === 502 || code === 503 || code === 504) names.push("Retry-After-When-Known");
  return names;
}

/** The generated document with the middleware's headers, the tags and the security added. */
export function finishDocument(doc: GeneratedDocument): GeneratedDocument {
  const usedTags = new Set<string>();
  const paths = (doc.paths ?? {}) as Record<string, Partial<Record<string, OperationObject>>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      for (const tag of op.tags ?? []) usedTags.add(tag);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (response.$ref) continue;
        // The route's own headers win over the middleware's (a GET's Cache-Control: no-store).
        response.headers = { ...headerRefs(middlewareHeaders(path, method, status)), ...response.headers };
      }
    }
  }
  return {
    openapi: doc.openapi,
    info: doc.info,
    // Every operation is public; one that takes a credential says so itself (GET /healthz).
    security: [],
    tags: [...usedTags].sort().map((name) => {
      const description = TAGS[name];
      return description ? { name, description } : { name };
    }),
    paths: doc.paths ?? {},
    components: { ...doc.components, headers: { ...RESPONSE_HEADERS } },
  };
}

/** Adds GET /openapi.json to `app`, describing the routes registered on it. */
export function mountOpenApiDocument(app: OpenAPIHono<EdgeEnv>, opts: OpenApiDocumentOptions): void {
  // Generated on the first request (every route is registered by then), not once per request.
  let finished: GeneratedDocument | undefined;
  app.get("/openapi.json", (c) => {
    finished ??= finishDocument(app.getOpenAPI31Document({ openapi: "3.1.0", info: INFO }));
    const url = opts.publicUrl ?? new URL(c.req.url).origin;
    const { openapi, info, ...rest } = finished;
    return c.json({ openapi, info, servers: [{ url, description: "This deployment" }], ...rest });
  });
}
