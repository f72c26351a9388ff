/**
 * The visitor's address for limits and logs: the last X-Forwarded-For entry when the configuration
 * trusts a proxy, else what the runtime reports (Node: the socket; Workers: CF-Connecting-IP).
 */
import type { MiddlewareHandler } from "hono";
import type { EdgeEnv } from "../types.js";

/** Options for {@link visitorAddress}. */
export interface VisitorAddressOptions {
  trustProxy: boolean;
  clientAddress?: ((req: Request, env?: unknown) => string | undefined) | undefined;
}

/** Sets `visitor` on the context. */
export const visitorAddress = (opts: VisitorAddressOptions): MiddlewareHandler<EdgeEnv> => {
  const { trustProxy, clientAddress } = opts;
  return async function visitorAddress(c, next) {
    c.set(
      "visitor",
      addressOf(
        trustProxy,
        clientAddress,
        trustProxy ? c.req.header("x-forwarded-for") : undefined,
        c.req.raw,
        c.env,
      ),
    );
    await next();
  };
};

/**
 * A request's visitor address: `forwardedFor`'s last entry when the proxy is trusted (only then need
 * it be read), else the runtime's (also used by the answer memo, app/answer-memo.ts).
 */
export function addressOf(
  trustProxy: boolean,
  clientAddress: VisitorAddressOptions["clientAddress"],
  forwardedFor: string | undefined,
  req: Request,
  env: unknown,
): string {
  const fromProxy = trustProxy ? forwardedFor?.split(",").pop()?.trim() : undefined;
  return fromProxy || clientAddress?.(req, env) || "unknown";
}
