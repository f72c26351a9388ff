/**
 * Resolves the clinic named in the path (`/v1/clinics/{clinic}/…`) and sets the request's scope;
 * an unknown slug is 404 clinic-not-found. Nothing else: CORS, limits and handlers read the scope.
 */
import type { Context, MiddlewareHandler } from "hono";
import { ProblemError } from "../http/index.js";
import type { EdgeEnv, RequestScope } from "../types.js";

/** Options for {@link clinicScope}. */
export interface ClinicScopeOptions {
  /** The scope of a request for a configured clinic slug, or undefined for an unknown slug. */
  scopeFor: (slug: string, c: Context<EdgeEnv>) => RequestScope | undefined;
}

/** The middleware for every `/v1/clinics/{clinic}` route. */
export const clinicScope = (opts: ClinicScopeOptions): MiddlewareHandler<EdgeEnv> => {
  const { scopeFor } = opts;
  return async function clinicScope(c, next) {
    const scope = scopeFor(safeDecode(c.req.path.split("/")[3] ?? ""), c);
    if (!scope) throw new ProblemError("clinic-not-found", "There is no such clinic here.");
    c.set("scope", scope);
    await next();
  };
};

// A malformed escape ("%zz") names no clinic; it must not become a 500.
function safeDecode(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}
