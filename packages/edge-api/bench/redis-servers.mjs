/**
 * The Redis benchmark's servers, in their own process (autocannon in the parent does not share their
 * CPU): a redis-server on a free port (no persistence), the sandbox, and two edge APIs with the same
 * configuration, one on the memory state and one on the Redis state. Prints one JSON line with their
 * origins, then serves until killed (and stops redis-server).
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createMemoryState, defaultSandboxConfig } from "@coreplus-kit/edge-api";
import { createRedisState, serveEdgeApi } from "@coreplus-kit/edge-api/node";
import { serveSandbox } from "@coreplus-kit/sandbox/node";

const PINNED = new Date(process.env.BENCH_NOW ?? "2026-11-30T08:00:00+11:00");
const now = () => new Date(PINNED);
// Not the budget's wait: the sandbox's limit is off and the edges may send 100 a second, so that a
// booking's latency is the edge's own work and its state's round trips. (The Redis budget script scans
// its `limit` slots, so this stays a realistic budget rather than an unbounded one.)
const RPS = Number(process.env.BENCH_STATE_RPS ?? 100);

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const redisServer = spawn(
  "redis-server",
  ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
);
await new Promise((resolve, reject) => {
  let out = "";
  redisServer.stdout.on("data", (d) => {
    out += d;
    if (out.includes("Ready to accept connections")) resolve();
  });
  redisServer.once("error", reject);
  redisServer.once("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
});
const stopRedis = () => redisServer.kill("SIGTERM");
process.on("exit", stopRedis);
process.on("SIGTERM", () => process.exit(0));

const sandbox = await serveSandbox({ port: 0, now, rateLimit: false, log: () => {} });
const base = defaultSandboxConfig({ baseUrl: sandbox.url });
// Visitor limits off: the load comes from one address.
const config = {
  ...base,
  clinics: base.clinics.map((c) => ({ ...c, limits: { reads: null, bookings: null } })),
};
const redisState = createRedisState({ url: `redis://127.0.0.1:${port}`, requestsPerSecond: RPS });
await redisState.ready();
const logger = () => {};
const memory = await serveEdgeApi({
  port: 0,
  config,
  now,
  logger,
  state: createMemoryState({ requestsPerSecond: RPS }),
});
const redis = await serveEdgeApi({ port: 0, config, now, logger, state: redisState });

process.stdout.write(`${JSON.stringify({ memory: memory.url, redis: redis.url })}\n`);
