/**
 * Per-visitor rate limits, set per clinic and counted separately for reads (GET) and bookings
 * (POST), in the clinic's state so that every instance sharing the state shares the count.
 * Preflights never get here: clinicCors() answers them first.
 */
import type { MiddlewareHandler } from "hono";
import { ProblemError } from "../http/index.js";
import type { EdgeEnv } from "../types.js";

/** Options for {@link visitorLimit}. */
export interface VisitorLimitOptions {
  /** Which limit a request counts against; undefined means none. Default: GET reads, POST bookings. */
  kindOf?: (method: string) => "reads" | "bookings" | undefined;
}

const byMethod = (method: string) =>
  method === "GET" || method === "HEAD" ? "reads" : method === "POST" ? "bookings" : undefined;

/** Counts the request against the visitor's limit of its kind; 429 with Retry-After beyond it. */
export const visitorLimit = (opts: VisitorLimitOptions = {}): MiddlewareHandler<EdgeEnv> => {
  const kindOf = opts.kindOf ?? byMethod;
  return async function visitorLimit(c, next) {
    const kind = kindOf(c.req.method);
    const scope = c.get("scope");
    const limit = kind && scope.rt.config.limits[kind];
    if (kind && limit) {
      const result = await scope.rt.state.hit(`${kind}:${c.get("visitor")}`, limit.limit, limit.windowMs);
      if (!result.allowed)
        throw new ProblemError(
          "rate-limited",
          kind === "reads"
            ? "Too many requests. Please wait a little."
            : "Too many booking attempts. Please wait a little.",
          { retryAfter: Math.ceil(result.retryAfterMs / 1000) },
        );
    }
    await next();
  };
};
