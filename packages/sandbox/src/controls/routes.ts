/**
 * The test controls over HTTP, under `/_sandbox/` (never under /API), guarded by
 * `Authorization: Bearer <adminToken>`. {@link createSandboxControls} is their typed client.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { SandboxEnv } from "../http/env.js";
import { notFound, parseOr400, resultResponse, SandboxHttpError } from "../http/result.js";
import { familyJson } from "../http/wire.js";
import type { SandboxRuntime } from "../internal/runtime.js";
import { summarizeSeed } from "../seed/seed.js";

const MatchBody = z.object({ method: z.string().optional(), path: z.string().optional() }).optional();
const Times = z.number().int().min(1).optional();

const LatencyBody = z.object({ ms: z.number().min(0).max(120_000), match: MatchBody });
const StatusBody = z.object({
  status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
  times: Times,
  match: MatchBody,
  retryAfter: z.number().int().min(0).optional(),
});
const MalformedBody = z.object({ times: Times, match: MatchBody });
const DropBody = z.object({ times: Times, match: MatchBody, after: z.enum(["before", "after"]).optional() });
const ClockBody = z.object({
  iso: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "Expected an ISO date-time"),
});
const AdvanceBody = z.object({ ms: z.number().finite() });
const RateLimitBody = z.object({ enabled: z.boolean() });

async function bodyOf(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SandboxHttpError(400, "The request body is not valid JSON");
  }
}

/** Drops `undefined` members so the result satisfies exactOptionalPropertyTypes. */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** The `/_sandbox` sub-app. */
export function controlRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const controls = new Hono<SandboxEnv>();
  const ok = { ok: true };

  controls.use("*", async function adminAuth(c, next) {
    if (c.req.header("authorization") !== `Bearer ${rt.adminToken}`) {
      return resultResponse(
        401,
        "Sandbox admin token required (Authorization: Bearer <SANDBOX_ADMIN_TOKEN>)",
      );
    }
    await next();
  });

  controls.post("/reset", (c) => {
    rt.reset();
    return c.json(ok);
  });
  controls.post("/latency", async (c) => {
    const body = parseOr400(LatencyBody, await bodyOf(c.req.raw));
    rt.faults.setLatency(body.ms, defined(body.match ?? {}));
    return c.json(ok);
  });
  controls.post("/faults/status", async (c) => {
    const body = parseOr400(StatusBody, await bodyOf(c.req.raw));
    const fault = {
      kind: "status" as const,
      status: body.status,
      ...defined({ retryAfter: body.retryAfter }),
    };
    rt.faults.add(fault, { times: body.times, match: defined(body.match ?? {}) });
    return c.json(ok);
  });
  controls.post("/faults/malformed", async (c) => {
    const body = parseOr400(MalformedBody, await bodyOf(c.req.raw));
    rt.faults.add({ kind: "malformed" }, { times: body.times, match: defined(body.match ?? {}) });
    return c.json(ok);
  });
  controls.post("/faults/drop", async (c) => {
    const body = parseOr400(DropBody, await bodyOf(c.req.raw));
    rt.faults.add(
      { kind: "drop", after: body.after ?? "before" },
      { times: body.times, match: defined(body.match ?? {}) },
    );
    return c.json(ok);
  });
  controls.post("/faults/clear", (c) => {
    rt.faults.clear();
    return c.json(ok);
  });
  controls.post("/access-token/expire", (c) => {
    rt.accessTokenExpired = true;
    return c.json(ok);
  });
  controls.post("/access-token/restore", (c) => {
    rt.accessTokenExpired = false;
    return c.json(ok);
  });
  controls.get("/clock", (c) => c.json({ now: rt.clock.now().toISOString() }));
  controls.post("/clock", async (c) => {
    const body = parseOr400(ClockBody, await bodyOf(c.req.raw));
    rt.clock.set(new Date(body.iso));
    return c.json({ now: rt.clock.now().toISOString() });
  });
  controls.post("/clock/advance", async (c) => {
    const body = parseOr400(AdvanceBody, await bodyOf(c.req.raw));
    rt.clock.advance(body.ms);
    return c.json({ now: rt.clock.now().toISOString() });
  });
  controls.post("/rate-limit", async (c) => {
    const body = parseOr400(RateLimitBody, await bodyOf(c.req.raw));
    rt.rateLimit = body.enabled;
    rt.window.reset();
    return c.json(ok);
  });
  controls.get("/stats", (c) => c.json(rt.stats.snapshot()));
  controls.post("/stats/reset", (c) => {
    rt.stats.reset();
    return c.json(ok);
  });
  controls.get("/seed", (c) => c.json(summarizeSeed(rt.store, rt.seedNumber)));
  controls.get("/appointments/:id/history", (c) => {
    const appointment = rt.store.appointment(c.req.param("id"));
    if (!appointment) throw notFound("Appointment not found");
    return c.json({
      appointmentId: appointment.appointmentId,
      history: rt.store.historyOf(appointment.appointmentId),
    });
  });
  controls.get("/clients/:id/family", (c) => {
    const client = rt.store.client(c.req.param("id"));
    if (!client) throw notFound("Client not found");
    return c.json({ clientId: client.clientId, family: rt.store.familyOf(client.clientId).map(familyJson) });
  });
  return controls;
}
