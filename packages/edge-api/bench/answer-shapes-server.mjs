/**
 * The server of bench/answer-shapes.mjs: Hono routes on @hono/node-server sending a 21 KB JSON text
 * (the size of the bench's cached week) in different shapes. Prints one JSON line with its origin.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { SECURITY_HEADERS as SECURITY } from "../dist/middleware/response-headers.js";

const slot = (d, j) => ({
  start: `2026-12-0${d}T${String(8 + (j >> 1)).padStart(2, "0")}:${j % 2 ? "30" : "00"}:00+11:00`,
  end: `2026-12-0${d}T${String(8 + (j >> 1)).padStart(2, "0")}:${j % 2 ? "55" : "25"}:00+11:00`,
  practitionerId: "5991c28c-54a2-47ed-b93d-b28914b5b7ae",
  locationId: "b57556f0-48e9-4dae-983f-e25f018c3973",
});
const days = Array.from({ length: 7 }, (_, i) => ({
  date: `2026-12-0${i + 1}`,
  slots: Array.from({ length: 17 }, (_, j) => slot(i + 1, j)),
}));
const text = JSON.stringify({ timezone: "Australia/Melbourne", nextAvailable: "2026-12-01", days });
const bytes = new TextEncoder().encode(text);
// The edge's answer headers, built the way its middleware chain builds them (http/headers.ts), from its own
// SECURITY_HEADERS (the built module: the bench runs after `pnpm build`).
const OWN = {
  "content-type": "application/json",
  etag: '"ad02d7a94d15a90425fbb8f8dab3e532"',
  "cache-control": "no-cache",
};
const record = () => {
  const h = { ...SECURITY };
  h["x-request-id"] = crypto.randomUUID();
  h.vary = "Origin";
  Object.assign(h, OWN);
  h["server-timing"] = "app;dur=0.1, cache;desc=hit";
  return h;
};
const json = { "content-type": "application/json" };
const app = new Hono();
app.get("/text", () => new Response(text, { headers: json }));
app.get("/bytes", () => new Response(bytes, { headers: json }));
app.get("/edge-text", () => new Response(text, { headers: record() }));
app.get("/edge-bytes", () => new Response(bytes, { headers: record() }));
// The same headers from a spread inside a literal with more keys: measured slower than the above.
const ALL = { ...SECURITY, vary: "Origin", ...OWN };
app.get(
  "/spread-literal-bytes",
  () =>
    new Response(bytes, {
      headers: {
        ...ALL,
        "x-request-id": crypto.randomUUID(),
        "server-timing": "app;dur=0.1, cache;desc=hit",
      },
    }),
);
app.get("/cpu", (c) => {
  const { user, system } = process.cpuUsage();
  return c.json({ us: user + system });
});
serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${info.port}`, bytes: bytes.byteLength })}\n`,
  ),
);
