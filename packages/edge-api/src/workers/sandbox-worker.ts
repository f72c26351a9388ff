/**
 * The coreplus sandbox as a Worker, for `wrangler dev` and the workerd tests (the edge Worker reaches
 * it through its SANDBOX service binding). It also records when each coreplus (/API/) request
 * arrived, so that tests can check the request budget as coreplus would see it:
 * GET `/_workers/arrivals` (admin token) returns the epoch-ms arrival times since the last DELETE.
 */
import { createSandbox, type Sandbox } from "@coreplus-kit/sandbox";

/** The sandbox Worker's bindings. */
export interface SandboxWorkerEnv {
  /** Pins the sandbox's business clock (ISO 8601 instant); default: the wall clock. */
  BUSINESS_TIME?: string;
  /** "off" switches coreplus's 10-a-second limit off; default on. */
  SANDBOX_RATE_LIMIT?: string;
  SANDBOX_ADMIN_TOKEN?: string;
}

const MAX_ARRIVALS = 20_000;
let sandbox: Sandbox | undefined;
let arrivals: number[] = [];

function sandboxFor(env: SandboxWorkerEnv): Sandbox {
  if (!sandbox) {
    const pinned = env.BUSINESS_TIME ? Date.parse(env.BUSINESS_TIME) : Number.NaN;
    sandbox = createSandbox({
      rateLimit: env.SANDBOX_RATE_LIMIT !== "off",
      ...(Number.isNaN(pinned) ? {} : { now: () => new Date(pinned) }),
      ...(env.SANDBOX_ADMIN_TOKEN ? { adminToken: env.SANDBOX_ADMIN_TOKEN } : {}),
    });
  }
  return sandbox;
}

export default {
  fetch(request, env) {
    const sb = sandboxFor(env);
    const { pathname } = new URL(request.url);
    if (pathname === "/_workers/arrivals") {
      if (request.headers.get("authorization") !== `Bearer ${sb.adminToken}`)
        return new Response("unauthorized", { status: 401 });
      if (request.method === "DELETE") arrivals = [];
      return Response.json({ arrivals });
    }
    if (/^\/api\//i.test(pathname)) {
      arrivals.push(Date.now());
      if (arrivals.length > MAX_ARRIVALS) arrivals = arrivals.slice(-MAX_ARRIVALS / 2);
    }
    return sb.app.fetch(request);
  },
} satisfies ExportedHandler<SandboxWorkerEnv>;
