/**
 * createEdgeApp: the runtime-agnostic edge API (Web APIs only). The Node entry serves it; a
 * Workers entry can export it as is, with Durable Object state injected through `deps.state`.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { availabilityJson } from "../availability/availability.js";
import { handleBooking } from "../bookings/handle-booking.js";
import { clinicProfile, listAppointmentTypes, listPractitioners } from "../catalogue/read-catalogue.js";
import type { EdgeConfig } from "../config/schema.js";
import { clinicCors } from "../http/middleware/clinic-cors.js";
import { requestLog } from "../http/middleware/request-log.js";
import { visitorLimit } from "../http/middleware/visitor-limit.js";
import { ProblemError, problemResponse } from "../http/problem.js";
import { respond } from "../http/response-headers.js";
import { parseQuery, zodProblem } from "../http/validation.js";
import { BoundedMap } from "../internal/bounded-map.js";
import {
  appointmentTypesRoute,
  availabilityRoute,
  bookingRoute,
  healthRoute,
  practitionersRoute,
  profileRoute,
} from "../routes/definitions.js";
import { AvailabilityQuery, type AvailabilityQuery as AvailabilityQueryT } from "../schemas/public.js";
import { createMemoryState } from "../state/memory.js";
import type { EdgeStateFactory } from "../state/types.js";
import { upstreamProblem } from "../upstream/map-error.js";
import { consumerKeyOf, createUpstream } from "../upstream/upstream.js";
import { type DocsAssets, mountDocs } from "./docs.js";
import type { EdgeEnv } from "./env.js";
import { HealthTracker } from "./health.js";
import { type ClinicRuntime, errorName, type RequestScope } from "./scope.js";

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
  /** Serves swagger-ui-dist's files for /docs (the Node entry reads them from the package). */
  docsAssets?: DocsAssets;
}

/** The app: a Hono (OpenAPIHono) app whose `fetch` serves the edge API. */
export type EdgeApp = OpenAPIHono<EdgeEnv>;

/**
 * Creates the edge API for a configuration.
 * @example
 * const app = createEdgeApp(defaultSandboxConfig(), { now: () => new Date("2026-12-01T00:00:00Z") });
 * const res = await app.request("/v1/clinics/harbourside");
 */
export function createEdgeApp(config: EdgeConfig, deps: EdgeDeps = {}): EdgeApp {
  const logger = deps.logger ?? ((entry) => console.log(JSON.stringify(entry)));
  const businessNow = deps.now ?? (() => new Date());
  const state = deps.state ?? createMemoryState();
  const health = new HealthTracker();
  const runtimes = new Map<string, ClinicRuntime>();
  for (const clinic of config.clinics) {
    runtimes.set(clinic.slug, {
      config: clinic,
      state: state.forClinic(clinic.slug),
      memo: new BoundedMap(500),
      upstream: createUpstream({
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

  const app: EdgeApp = new OpenAPIHono<EdgeEnv>({
    defaultHook: (result) => {
      if (!result.success) throw zodProblem(result.error, result.target === "query" ? "/query" : "");
    },
  });

  app.onError((err, c) => {
    const problem = err instanceof ProblemError ? err : upstreamProblem(err);
    const fields = c.get("logFields");
    fields.problem = problem.problemType;
    if (problem.status >= 500) fields.error = errorName(problem.cause ?? err);
    const headers: Record<string, string> = { "content-type": "application/problem+json" };
    if (problem.retryAfter !== undefined)
      headers["retry-after"] = String(Math.max(1, Math.ceil(problem.retryAfter)));
    if (problem.allow) headers.allow = problem.allow;
    return respond(c, JSON.stringify(problem.toJSON()), problem.status, headers);
  });
  app.notFound(() =>
    problemResponse(new ProblemError("not-found", "There is nothing at this address.").toJSON()),
  );

  app.use("*", requestLog({ logger }));
  app.use("/v1/*", async function visitorAddress(c, next) {
    const fromProxy = config.trustProxy
      ? c.req.header("x-forwarded-for")?.split(",").pop()?.trim()
      : undefined;
    c.set("visitor", fromProxy || deps.clientAddress?.(c.req.raw, c.env) || "unknown");
    await next();
  });
  app.use(
    "/v1/clinics/*",
    clinicCors({
      scopeFor(slug, c): RequestScope | undefined {
        const rt = runtimes.get(slug);
        if (!rt) return undefined;
        return {
          rt,
          now: businessNow(),
          wallNow: Date.now,
          defer: defer(c),
          log: (entry) => logger({ requestId: c.get("requestId"), clinic: slug, ...entry }),
          cache: [],
        };
      },
    }),
  );
  app.use("/v1/clinics/*", visitorLimit());
  app.use(
    "/v1/clinics/:clinic/bookings",
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: () => {
        throw new ProblemError(
          "payload-too-large",
          `The body may be at most ${config.bodyLimitBytes} bytes.`,
        );
      },
    }),
  );

  app.openapi(profileRoute, async (c) => c.json(await clinicProfile(c.get("scope")), 200));
  app.openapi(practitionersRoute, async (c) =>
    c.json(await listPractitioners(c.get("scope"), c.req.valid("query")), 200),
  );
  app.openapi(appointmentTypesRoute, async (c) =>
    c.json(await listAppointmentTypes(c.get("scope"), c.req.valid("query")), 200),
  );
  // The hot path: validated with the same schema, but once per distinct query string (see parseQuery),
  // and answered with JSON text memoised by availabilityJson, so nothing is re-parsed or re-serialised.
  app.openAPIRegistry.registerPath(availabilityRoute);
  const queryMemo = new BoundedMap<AvailabilityQueryT>(1000);
  app.get("/v1/clinics/:clinic/availability", async (c) => {
    const q = parseQuery(c.req.url, () => c.req.queries(), AvailabilityQuery, queryMemo);
    return respond(c, await availabilityJson(c.get("scope"), q), 200, { "content-type": "application/json" });
  });

  // Bookings validate inside the handler (after the honeypot and the Idempotency-Key, and under the
  // key's lock), so the route is registered for the document and handled by a plain handler.
  app.openAPIRegistry.registerPath(bookingRoute);
  app.post("/v1/clinics/:clinic/bookings", async (c) => {
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
      throw new ProblemError("unsupported-media-type", "Send the booking as application/json.");
    const answer = await handleBooking(c.get("scope"), await c.req.text(), c.req.header("idempotency-key"));
    c.get("logFields").booking = answer.outcome;
    const headers: Record<string, string> = {
      "content-type": answer.status < 300 ? "application/json" : "application/problem+json",
    };
    if (answer.replayed) headers["idempotent-replayed"] = "true";
    return c.body(JSON.stringify(answer.body), answer.status as 201, headers);
  });

  app.on(["GET", "PUT", "PATCH", "DELETE"], "/v1/clinics/:clinic/bookings", () => {
    throw new ProblemError("method-not-allowed", "Bookings are made with POST.", { allow: "POST, OPTIONS" });
  });

  app.openapi(healthRoute, async (c) => {
    const [report, stateHealth] = await Promise.all([
      health.report(runtimes.values(), defer(c)),
      state.health?.(),
    ]);
    if (!stateHealth) return c.json(report, 200);
    return c.json(
      { ...report, status: stateHealth.status === "down" ? "degraded" : report.status, state: stateHealth },
      200,
    );
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "coreplus-kit edge API",
      version: "1.0.0",
      description:
        "The public, tokenless booking API a clinic's website calls. Errors are application/problem+json " +
        "(RFC 9457) whose `type` ends in the problem's name.",
    },
  });
  mountDocs(app, deps.docsAssets);
  return app;
}
