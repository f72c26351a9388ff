/**
 * The edge API's Cloudflare Workers entry (wrangler.toml `main`). It serves `createEdgeApp` with its
 * state on Durable Objects: ClinicDurableObject per clinic, ConsumerDurableObject per coreplus
 * consumer. The visitor is `CF-Connecting-IP`.
 *
 * Configuration comes from bindings: CLINICS_JSON (a secret; credentials inline or referenced by the
 * name of another secret), else the sandbox clinic `harbourside` with COREPLUS_* or the development
 * defaults. A SANDBOX service binding (development, tests) receives the requests meant for
 * SANDBOX_ORIGIN, so `wrangler dev` runs offline with the sandbox as a second Worker.
 * ALERT_WEBHOOK_URL + ALERT_WEBHOOK_TOKEN (both or neither) post the booking-rate alert, as on Node.
 */
import { coreplusConfigFromEnv, DEV_BASE_URL } from "@coreplus-kit/core/dev";
import { alertHookFromEnv } from "../alerts/index.js";
import { createEdgeApp, type EdgeApp, type EdgeDeps } from "../app/index.js";
import {
  budgetFromEnv,
  defaultSandboxConfig,
  deploymentSecrets,
  type EdgeConfig,
  EdgeConfigError,
  parseEdgeConfigText,
  startupWarnings,
} from "../config/index.js";
import { ProblemError, problemResponse } from "../http/index.js";
import { createDurableObjectState } from "./durable-state.js";
import { stringBindings, type WorkerEnv } from "./env.js";

export { ClinicDurableObject } from "./clinic-object.js";
export { ConsumerDurableObject } from "./consumer-object.js";
export { createDurableObjectState, type DurableStateOptions } from "./durable-state.js";
export type { WorkerEnv } from "./env.js";

const log = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/** Reads the configuration from the Worker's bindings. Throws {@link EdgeConfigError}. */
export function workerConfig(env: WorkerEnv): EdgeConfig {
  const vars = stringBindings(env);
  if (vars.CLINICS_JSON) return parseEdgeConfigText(vars.CLINICS_JSON, vars, "inline");
  const { baseUrl, consumerId, consumerSecret, accessToken } = coreplusConfigFromEnv(vars);
  return {
    ...defaultSandboxConfig({ baseUrl, credentials: { consumerId, consumerSecret, accessToken } }),
    ...deploymentSecrets(vars),
  };
}

/** Builds the app for one set of bindings. */
export function createWorkerApp(env: WorkerEnv): EdgeApp {
  const config = workerConfig(env);
  const vars = stringBindings(env);
  const deps: EdgeDeps = {
    logger: log,
    state: createDurableObjectState(env, budgetFromEnv(vars)),
    clientAddress: (req) => req.headers.get("cf-connecting-ip") ?? undefined,
  };
  if (typeof env.MANAGE_SECRET === "string" && env.MANAGE_SECRET !== "")
    deps.manageSecret = env.MANAGE_SECRET;
  // ALERT_WEBHOOK_URL + ALERT_WEBHOOK_TOKEN: the booking-rate alert is posted to the Slack bot's
  // /slack/alerts; the app hands each post to the request's ctx.waitUntil.
  const onAlert = alertHookFromEnv(vars, { logger: log });
  if (onAlert) deps.onAlert = onAlert;
  const assets = env.DOCS_ASSETS;
  if (assets)
    deps.docsAssets = async (name) => {
      const res = await assets.fetch(`https://assets.invalid/${name}`);
      if (!res.ok) return undefined;
      const headers = new Headers(res.headers);
      headers.set("cache-control", "public, max-age=86400");
      return new Response(res.body, { status: 200, headers });
    };
  const sandbox = env.SANDBOX;
  if (sandbox) {
    const origin = new URL(env.SANDBOX_ORIGIN ?? DEV_BASE_URL).origin;
    deps.fetch = (input, init) => {
      const req = new Request(input, init);
      return new URL(req.url).origin === origin ? sandbox.fetch(req) : fetch(req);
    };
  }
  if (env.BUSINESS_TIME) {
    const pinned = Date.parse(env.BUSINESS_TIME);
    if (Number.isNaN(pinned))
      throw new EdgeConfigError([{ path: "BUSINESS_TIME", message: "must be an ISO 8601 instant" }]);
    deps.now = () => new Date(pinned);
  }
  if (config.source === "default-sandbox")
    log({
      level: "warn",
      msg: "no CLINICS_JSON: serving the sandbox as clinic 'harbourside' with the development defaults; any loopback origin is allowed (development only)",
      coreplus: config.clinics[0]?.coreplus.baseUrl,
      sandboxBinding: sandbox !== undefined,
    });
  for (const warning of startupWarnings(config)) log(warning);
  return createEdgeApp(config, deps);
}

// One app per isolate (per bindings object): the configuration is parsed once, not per request.
const apps = new WeakMap<object, EdgeApp | EdgeConfigError>();

function appFor(env: WorkerEnv): EdgeApp | EdgeConfigError {
  let app = apps.get(env);
  if (!app) {
    try {
      app = createWorkerApp(env);
    } catch (err) {
      if (!(err instanceof EdgeConfigError)) throw err;
      app = err;
    }
    apps.set(env, app);
  }
  return app;
}

export default {
  fetch(request, env, ctx) {
    const app = appFor(env);
    if (app instanceof EdgeConfigError) {
      // The message names the bad fields and never holds a secret; the visitor sees none of it.
      log({ level: "error", msg: "invalid configuration", error: app.message });
      return problemResponse(
        new ProblemError("internal", "This booking service is not configured correctly.").toJSON(),
      );
    }
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<WorkerEnv>;
