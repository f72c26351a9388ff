/** The Hono environment of the edge app: what middleware hands to handlers. */
import type { RequestScope } from "./scope.js";

/** Variables set by the middleware chain. */
export interface EdgeVariables {
  /** Echoed as X-Request-Id and in every log line of the request. */
  requestId: string;
  /** Set once the clinic slug in the path resolved. */
  scope: RequestScope;
  /** The visitor's address (socket, CF-Connecting-IP, or a trusted X-Forwarded-For). */
  visitor: string;
  /** Extra fields for the request's log line (never patient data). */
  logFields: Record<string, unknown>;
  /** performance.now() at the start of the request. */
  started: number;
  /** Headers every answer to this request carries (see http/response-headers.ts). */
  headers: Record<string, string>;
  /** Set once a response was built with `headers` already in it. */
  headersApplied: boolean;
}

/** The Hono env type of the edge app. */
export interface EdgeEnv {
  Bindings: Record<string, unknown>;
  Variables: EdgeVariables;
}
