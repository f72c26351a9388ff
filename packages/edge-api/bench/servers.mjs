/**
 * The benchmark's servers, in their own process so that autocannon (in the parent) does not share
 * their CPU: the sandbox, an edge API for the throughput run, a fresh edge API for the economy run,
 * and a bare Hono route answering the same JSON as the cached availability query.
 * Prints one JSON line with their origins, then serves until killed.
 */
import { createWriteStream } from "node:fs";
import { createMemoryState } from "@coreplus-kit/edge-api";
import { createJsonLogger, serveEdgeApi } from "@coreplus-kit/edge-api/node";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { benchSandbox } from "./bench-sandbox.mjs";

// Visitor limits off: the load comes from one address.
const { sandbox, config, now } = await benchSandbox();
// The read flood: every read misses the cache (no availability caching), visitors by X-Forwarded-For.
const floodConfig = {
  ...config,
  trustProxy: true,
  clinics: config.clinics.map((c) => ({ ...c, cache: { ...c.cache, availabilityTtlMs: 0 } })),
};
// Real structured logs, through the Node entry's batching logger, written where they cost nothing more.
const sink = createWriteStream("/dev/null");
const logger = process.env.BENCH_LOGS === "off" ? () => {} : createJsonLogger((chunk) => sink.write(chunk));
const edge = await serveEdgeApi({ port: 0, config, now, logger });
const economy = await serveEdgeApi({ port: 0, config, now, logger });
const attack = await serveEdgeApi({ port: 0, config, now, logger });
const lane = await serveEdgeApi({ port: 0, config: floodConfig, now, logger, state: createMemoryState() });
const noLane = await serveEdgeApi({
  port: 0,
  config: floodConfig,
  now,
  logger,
  state: createMemoryState({ priorityLane: false }),
});

let payload = null;
let payloadText = "";
const bare = new Hono();
bare.post("/payload", async (c) => {
  payloadText = await c.req.text();
  payload = JSON.parse(payloadText);
  return c.body(null, 204);
});
// The same bytes as the edge's answer, already serialised: the strictest baseline (the edge memoises its text).
bare.get("/bare", (c) => c.body(payloadText, 200, { "content-type": "application/json" }));
// The same object, serialised per request, as a plain Hono JSON route would.
bare.get("/bare-json", (c) => c.json(payload));
bare.get("/trivial", (c) => c.json({ ok: true }));
// CPU time of this process (all servers live here): the benchmark's noise-resistant measure.
bare.get("/cpu", (c) => {
  const { user, system } = process.cpuUsage();
  return c.json({ us: user + system });
});
const bareUrl = await new Promise((resolve) => {
  serve({ fetch: bare.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
    resolve(`http://127.0.0.1:${info.port}`),
  );
});

process.stdout.write(
  `${JSON.stringify({ sandbox: sandbox.url, adminToken: sandbox.sandbox.adminToken, edge: edge.url, economy: economy.url, attack: attack.url, lane: lane.url, noLane: noLane.url, bare: bareUrl })}\n`,
);
