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
    const fromProxy = trustProxy ? c.req.header("x-forwarded-for")?.split(",").pop()?.trim() : undefined;
    c.set("visitor", fromProxy || clientAddress?.(c.req.raw, c.env) || "unknown");
    await next();
  };
};
