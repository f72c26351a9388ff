/**
 * A micro-benchmark of the JavaScript a cached availability answer costs (issue 19 item 3), without
 * sockets: @hono/node-server's request listener (the one the Node entry serves) is called with a
 * stand-in IncomingMessage and ServerResponse that record writeHead/end, for the edge API and for a
 * bare Hono route sending the same bytes pre-serialised. Prints µs of CPU per request, medians of
 * ROUNDS (default 7) rounds of N (default 20,000) sequential requests. `node bench/edge-micro.mjs` after a build;
 * BENCH_LOGS=off drops the log line. Compare builds in separate runs: two copies of the app (and of hono)
 * in one process were measured to slow each other (~43–49 µs both, against ~36 alone).
 */
import { EventEmitter } from "node:events";
import { createWriteStream } from "node:fs";
import { createEdgeApp } from "@coreplus-kit/edge-api";
import { createJsonLogger } from "@coreplus-kit/edge-api/node";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { benchSandbox } from "./bench-sandbox.mjs";

const N = Number(process.env.N ?? 20_000);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const { sandbox, config, now } = await benchSandbox("2026-11-30T08:00:00+11:00");
const sink = createWriteStream("/dev/null");
const logger = process.env.BENCH_LOGS === "off" ? () => {} : createJsonLogger((chunk) => sink.write(chunk));
const app = createEdgeApp(config, {
  now,
  logger,
  clientAddress: (_req, bindings) => bindings?.incoming?.socket.remoteAddress,
});
const edge = getRequestListener(app.fetch);

class Outgoing extends EventEmitter {
  _contentLength = null;
  _hasBody = true;
  useChunkedEncodingByDefault = true;
  _removedContLen = false;
  headersSent = false;
  writable = true;
  writableFinished = false;
  status = 0;
  headers = undefined;
  raw = undefined;
  hasHeader() {
    return false;
  }
  writeHead(status, headers) {
    this.status = status;
    this.headers = headers;
    this.headersSent = true;
    return this;
  }
  // A remembered answer's body is its bytes (http/cached-answer.ts): decoded only when read, outside the timing.
  get body() {
    return this.raw instanceof Uint8Array ? Buffer.from(this.raw).toString("utf8") : this.raw;
  }
  end(body) {
    this.raw = body;
    this.writableFinished = true;
    this.done?.();
  }
}
const incomingFor = (url) => {
  const headers = { host: "127.0.0.1:8787", connection: "keep-alive", "user-agent": "micro" };
  const incoming = new EventEmitter();
  Object.assign(incoming, {
    method: "GET",
    url,
    headers,
    rawHeaders: Object.entries(headers).flat(),
    socket: { remoteAddress: "127.0.0.1", encrypted: false },
    readableEnded: true,
  });
  return incoming;
};
const once = (listener, url) =>
  new Promise((resolve) => {
    const out = new Outgoing();
    out.done = () => resolve(out);
    listener(incomingFor(url), out);
  });

const prefix = "/v1/clinics/harbourside";
const first = await once(edge, prefix);
const profile = JSON.parse(first.body);
const loc = profile.clinic.locations.find((l) => l.name.includes("Docklands")).id;
const types = JSON.parse(
  (await once(edge, `${prefix}/appointment-types?locationId=${loc}`)).body,
).appointmentTypes;
const type = types.find((t) => t.name === "Standard Consultation").id;
const cached = `${prefix}/availability?locationId=${loc}&appointmentTypeId=${type}&from=2026-12-07&to=2026-12-13`;
const warm = await once(edge, cached);
if (warm.status !== 200) throw new Error(`availability answered ${warm.status}`);
const text = warm.body;
const bareApp = new Hono();
bareApp.get("/bare", (c) => c.body(text, 200, { "content-type": "application/json" }));
const bare = getRequestListener(bareApp.fetch);

async function round(listener, url) {
  const t = process.cpuUsage();
  for (let i = 0; i < N; i++) await once(listener, url);
  const d = process.cpuUsage(t);
  return (d.user + d.system) / N;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sides = { bare: [], edge: [] };
await round(bare, "/bare");
await round(edge, cached);
for (let r = 0; r < ROUNDS; r++) {
  sides.bare.push(await round(bare, "/bare"));
  sides.edge.push(await round(edge, cached));
}
console.log(`headers: ${JSON.stringify(warm.headers)}`);
console.log(
  `listener, no sockets (medians of ${ROUNDS} × ${N}): bare pre-serialised ${median(sides.bare).toFixed(2)} µs, edge cached availability ${median(sides.edge).toFixed(2)} µs CPU/request`,
);
await sandbox.close?.();
process.exit(0);
