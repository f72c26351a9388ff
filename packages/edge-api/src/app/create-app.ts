/**
 * createEdgeApp: the runtime-agnostic edge API (Web APIs only). The Node entry serves it; the Workers
 * entry serves it with Durable Object state injected through `deps.state`.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, ExecutionContext } from "hono";
import { HTTPException } from "hono/http-exception";
import type { BookingRateAlert } from "../bookings/index.js";
import { createChallengeService } from "../challenge/index.js";
import { type EdgeConfig, requireDeploymentSecrets } from "../config/index.js";
import { httpProblem, ProblemError, problemAnswer, zodProblem } from "../http/index.js";
import { BoundedMap } from "../internal/bounded-map.js";
import { hmacHex, hmacKey } from "../internal/crypto.js";
import { errorName } from "../internal/error-name.js";
import { createManageTokens, DEV_MANAGE_SECRET } from "../manage/token.js";
import {
  cacheHeaders,
  clinicCors,
  clinicScope,
  requestLog,
  responseHeaders,
  visitorAddress,
  visitorLimit,
} from "../middleware/index.js";
import {
  appointmentTypesRoutes,
  availabilityRoutes,
  bookingsRoutes,
  bootstrapRoutes,
  challengeRoutes,
  clinicRoutes,
  healthRoutes,
  manageRoutes,
  practitionersRoutes,
} from "../routes/index.js";
import type { HealthResponse } from "../schemas/public.js";
import { countingWrites, Generation } from "../state/generation.js";
import { createMemoryState, type EdgeStateFactory } from "../state/index.js";
import type { ClinicRuntime, EdgeEnv, RequestScope } from "../types.js";
import { consumerKeyOf, createClinicClient, upstreamProblem } from "../upstream/index.js";
import { AnswerMemo } from "./answer-memo.js";
import { type DocsAssets, mountDocs } from "./docs.js";
import { HealthTracker } from "./health.js";
import { MemoRouter } from "./memo-router.js";
import { mountOpenApiDocument } from "./openapi-document.js";

/**
 * The development deployment secret, used when EDGE_SECRET is not set (the start-up log says so).
 * Public by design: anyone may sign challenges and body hashes with it, so never deploy without one.
 */
export const DEV_EDGE_SECRET = "coreplus-kit-dev-edge-secret-not-for-production";

/** What the runtime supplies to the app. */
export interface EdgeDeps {
  /** Business clock: minimum notice, maximum days ahead, "today". Default: the wall clock. */
  now?: () => Date;
  /** Where state lives. Default: in memory ({@link createMemoryState}). */
  state?: EdgeStateFactory;
  /** Passed to core's client for every coreplus call. */
  fetch?: typeof fetch;
  /** Structured log sink. Default: one JSON line per entry on the console. */
  logger?: (entry: Record<string, unknown>) => void;
  /** The visitor's address (Node: the socket's; Workers: CF-Connecting-IP). */
  clientAddress?: (req: Request, env?: unknown) => string | undefined;
  /**
   * Called (once per window, never with patient details) when a clinic's booking ceiling is reached,
   * beside the `"alert":"booking-rate"` log line; the Slack bot can subscribe here. A promise it
   * returns (a post, see `createAlertPoster`) is handed to the request's `waitUntil` on Workers, so
   * the post outlives the 429 answer; a rejection is logged, never the booking's concern.
   */
  onAlert?: (alert: BookingRateAlert) => unknown;
  /** Serves swagger-ui-dist's files for /docs (the Node entry reads them from the package). */
  docsAssets?: DocsAssets;
  /** Signs manage tokens (MANAGE_SECRET). Default: the printed development secret, with a warning. */
  manageSecret?: string;
  /**
   * Wall clock in ms: cache freshness and the answer memo's bound (app/answer-memo.ts). Default
   * Date.now; a test that sets it gives the memory state the same clock.
   */
  wallNow?: () => number;
  /**
   * Reads a request header where the runtime has a cheaper way than `req.headers` (the Node entry: the
   * IncomingMessage's own header object, saving a `Headers` built per request); default
   * `req.headers.get(name)`. Used where remembered answers are served (app/answer-memo.ts).
   */
  requestHeader?: (req: Request, env: unknown, name: string) => string | undefined;
}

/**
 * The app: a Hono (OpenAPIHono) app whose `fetch` serves the edge API. Its type carries every route,
 * so `hc<EdgeApp>(origin)` (hono/client) is a typed client of the API.
 */
export type EdgeApp = ReturnType<typeof createEdgeApp>;

/**
 * Creates the edge API for a configuration.
 * @example
 * const app = createEdgeApp(defaultSandboxConfig(), { now: () => new Date("2026-12-01T00:00:00Z") });
 * const res = await app.request("/v1/clinics/harbourside");
 */
export function createEdgeApp(config: EdgeConfig, deps: EdgeDeps = {}) {
  const logger = deps.logger ?? ((entry) => console.log(JSON.stringify(entry)));
  const businessNow = deps.now ?? (() => new Date());
  const wallNow = deps.wallNow ?? Date.now;
  const state = deps.state ?? createMemoryState();
  const health = new HealthTracker();
  // Only the built-in sandbox configuration may fall back to the development secrets.
  requireDeploymentSecrets(config, deps.manageSecret);
  if (!deps.manageSecret)
    logger({
      level: "warn",
      msg: "MANAGE_SECRET is not set: manage tokens are signed with the development default (development only)",
      manageSecret: "development",
    });
  const manage = createManageTokens(deps.manageSecret ?? DEV_MANAGE_SECRET);
  const runtimes = new Map<string, ClinicRuntime>();
  // Finished public reads remembered in this process (app/answer-memo.ts); in front of the app below.
  const memo = new AnswerMemo({
    businessNow,
    wallNow,
    logger,
    trustProxy: config.trustProxy,
    clientAddress: deps.clientAddress,
    header: deps.requestHeader,
  });
  const secret = config.secret ?? DEV_EDGE_SECRET;
  // One key per purpose, derived from the one deployment secret.
  const bodyKey = hmacKey(secret).then(async (k) =>
    hmacKey(await hmacHex(k, "coreplus-kit idempotency body")),
  );
  for (const clinic of config.clinics) {
    // This process's writes are counted, so that no remembered answer outlives one (app/answer-memo.ts).
    const generation = new Generation();
    const clinicState = countingWrites(state.forClinic(clinic.slug), generation);
    runtimes.set(clinic.slug, {
      config: clinic,
      state: clinicState,
      generation,
      memo: new BoundedMap(500),
      texts: new BoundedMap(200),
      bodyKey,
      challenge: createChallengeService({
        clinic,
        state: clinicState,
        secret,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      }),
      manage,
      onAlert: deps.onAlert,
      coreplus: createClinicClient({
        clinic,
        limiter: state.forConsumer(consumerKeyOf(clinic)).limiter,
        observer: health.observer(clinic.slug),
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      }),
    });
  }
  const defer = (c: Context<EdgeEnv>) => (p: Promise<unknown>) => {
    try {
      c.executionCtx.waitUntil(p);
    } catch {
      // No execution context outside Workers: the promise simply runs to completion in this process.
    }
  };
  const scopeFor = (slug: string, c: Context<EdgeEnv>): RequestScope | undefined => {
    const rt = runtimes.get(slug);
    if (!rt) return undefined;
    const startedAt = wallNow();
    const scope: RequestScope = {
      rt,
      now: businessNow(),
      wallNow,
      defer: defer(c),
      log: (entry) => logger({ requestId: c.get("requestId"), clinic: slug, ...entry }),
      cache: [],
      visitor: c.get("visitor"),
      generation: rt.generation.value,
      startedAt,
      freshUntil: Number.POSITIVE_INFINITY,
      validUntil: Number.POSITIVE_INFINITY,
    };
    if (c.req.method === "GET") memo.track(c.req.raw, scope);
    return scope;
  };

  // The upstream's health per clinic, and the state's when it lives in another process (Redis).
  const healthReport = async (c: Context<EdgeEnv>): Promise<HealthResponse> => {
    const [report, stateHealth] = await Promise.all([
      health.report(runtimes.values(), defer(c)),
      state.health?.(),
    ]);
    if (!stateHealth) return report;
    return {
      ...report,
      status: stateHealth.status === "down" ? "degraded" : report.status,
      state: stateHealth,
    };
  };

  const app = new OpenAPIHono<EdgeEnv>({
    // The routes are fixed from here on: a path's match is remembered (app/memo-router.ts).
    router: new MemoRouter(),
    defaultHook: (result) => {
      if (!result.success) throw zodProblem(result.error, result.target === "query" ? "/query" : "");
    },
  });

  // Every error becomes one problem+json answer here; hono's own (a validator's 400 or 415) too.
  app.onError((err, c) => {
    const problem =
      err instanceof ProblemError
        ? err
        : err instanceof HTTPException
          ? httpProblem(err)
          : upstreamProblem(err);
    const fields = c.get("logFields");
    fields.problem = problem.problemType;
    if (problem.status >= 500) fields.error = errorName(problem.cause ?? err);
    return problemAnswer(c, problem);
  });
  app.notFound((c) => problemAnswer(c, new ProblemError("not-found", "There is nothing at this address.")));

  app.use("*", responseHeaders(), requestLog({ logger }));
  app.use(
    "/v1/*",
    cacheHeaders(),
    visitorAddress({ trustProxy: config.trustProxy, clientAddress: deps.clientAddress }),
  );
  app.use("/v1/clinics/*", clinicScope({ scopeFor }), clinicCors(), visitorLimit({ counted: memo.counted }));

  const routed = app
    .route("/", clinicRoutes())
    .route("/", practitionersRoutes())
    .route("/", appointmentTypesRoutes())
    .route("/", availabilityRoutes())
    .route("/", bootstrapRoutes())
    .route("/", bookingsRoutes({ bodyLimitBytes: config.bodyLimitBytes }))
    .route("/", manageRoutes({ bodyLimitBytes: config.bodyLimitBytes }))
    .route("/", challengeRoutes())
    .route("/", healthRoutes({ report: healthReport, token: config.healthToken }));
  mountOpenApiDocument(routed, { publicUrl: config.publicUrl });
  mountDocs(routed, deps.docsAssets);
  // Every way in (the runtimes' fetch, app.request() in tests) goes through the memo first.
  const inner = routed.fetch;
  routed.fetch = memo.front((req, env, ctx) =>
    inner(req, env as EdgeEnv["Bindings"] | undefined, ctx as ExecutionContext | undefined),
  );
  return routed;
}
