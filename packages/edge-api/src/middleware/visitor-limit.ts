/**
 * Per-visitor rate limits, set per clinic and counted separately for reads (GET) and bookings
 * (POST), in the clinic's state so that every instance sharing the state shares the count. A
 * visitor is its address, IPv6 counted per prefix (/64 by default, `limits.ipv6Prefix`). Reads that
 * miss the cache are also counted against the tighter `limits.misses` (through the scope's `onMiss`).
 * Preflights never get here: clinicCors() answers them first.
 */
import type { MiddlewareHandler } from "hono";
import { ProblemError } from "../http/index.js";
import { visitorKey } from "../internal/visitor-key.js";
import type { HitResult } from "../state/index.js";
import type { EdgeEnv } from "../types.js";

/** Options for {@link visitorLimit}. */
export interface VisitorLimitOptions {
  /** Which limit a request counts against; undefined means none. Default: GET reads, POST bookings. */
  kindOf?: (method: string) => "reads" | "bookings" | undefined;
  /**
   * The result of counting this request already (the answer memo counts a read it meant to answer,
   * app/answer-memo.ts): used instead of counting it a second time.
   */
  counted?: (req: Request) => HitResult | undefined;
}

const byMethod = (method: string) =>
  method === "GET" || method === "HEAD" ? "reads" : method === "POST" ? "bookings" : undefined;

const DETAIL = {
  reads: "Too many requests. Please wait a little.",
  bookings: "Too many booking attempts. Please wait a little.",
  misses: "Too many requests. Please wait a little.",
} as const;

/** Counts the request against the visitor's limit of its kind; 429 with Retry-After beyond it. */
export const visitorLimit = (opts: VisitorLimitOptions = {}): MiddlewareHandler<EdgeEnv> => {
  const kindOf = opts.kindOf ?? byMethod;
  return async function visitorLimit(c, next) {
    const kind = kindOf(c.req.method);
    const scope = c.get("scope");
    const { limits } = scope.rt.config;
    // Worked out only where a limit counts (a clinic may set none).
    let visitor: string | undefined;
    const count = async (which: keyof typeof DETAIL, known?: HitResult) => {
      const limit = limits[which];
      if (!limit) return;
      visitor ??= visitorKey(c.get("visitor"), limits.ipv6Prefix);
      const result = known ?? (await scope.rt.state.hit(`${which}:${visitor}`, limit.limit, limit.windowMs));
      if (!result.allowed)
        throw new ProblemError("rate-limited", DETAIL[which], {
          retryAfter: Math.ceil(result.retryAfterMs / 1000),
        });
    };
    if (kind) await count(kind, opts.counted?.(c.req.raw));
    if (limits.misses) scope.onMiss = () => count("misses");
    await next();
  };
};
