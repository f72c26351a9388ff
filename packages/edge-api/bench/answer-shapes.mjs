/**
 * What the shape of an answer costs over real sockets, apart from the app (issue 19 item 3): a 21 KB
 * JSON body as a string or as bytes, with one header or with the edge's 13 built as its middleware
 * chain builds them. The load comes from a minimal keep-alive client here (10 connections, responses
 * framed by Content-Length only), not autocannon, whose own parsing of every header slows the run
 * the more headers an answer carries. Prints, per shape, the median over ROUNDS (default 5) rounds of
 * 3 s of req/s and of the server process's CPU time per request. `node bench/answer-shapes.mjs`.
 */
import net from "node:net";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnServers } from "./spawn-servers.mjs";

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const DURATION_MS = 3000;

/** `connections` keep-alive connections, one request in flight each, for `durationMs`. */
async function load(url, connections = 10, durationMs = DURATION_MS) {
  const u = new URL(url);
  const request = Buffer.from(`GET ${u.pathname} HTTP/1.1\r\nHost: ${u.host}\r\n\r\n`);
  let answered = 0;
  let stop = false;
  setTimeout(() => {
    stop = true;
  }, durationMs);
  await Promise.all(
    Array.from(
      { length: connections },
      () =>
        new Promise((resolve) => {
          const socket = net.connect(Number(u.port), u.hostname, () => socket.write(request));
          let buf = Buffer.alloc(0);
          let need = -1;
          socket.on("data", (chunk) => {
            buf = buf.length > 0 ? Buffer.concat([buf, chunk]) : chunk;
            for (;;) {
              if (need < 0) {
                const end = buf.indexOf("\r\n\r\n");
                if (end < 0) return;
                const length = /content-length: *(\d+)/i.exec(buf.toString("latin1", 0, end));
                need = end + 4 + (length ? Number(length[1]) : 0);
              }
              if (buf.length < need) return;
              buf = buf.subarray(need);
              need = -1;
              answered++;
              if (stop) {
                socket.end();
                resolve();
                return;
              }
              socket.write(request);
            }
          });
        }),
    ),
  );
  return answered;
}

const { urls, stop } = await spawnServers(
  dirname(fileURLToPath(import.meta.url)),
  "answer-shapes-server.mjs",
);
const cpu = async () => (await (await fetch(`${urls.url}/cpu`)).json()).us;
const shapes = ["/text", "/bytes", "/edge-text", "/edge-bytes", "/spread-literal-bytes"];
const seen = Object.fromEntries(shapes.map((s) => [s, []]));
for (const s of shapes) await load(urls.url + s, 10, 500); // warm-up
for (let r = 0; r < ROUNDS; r++)
  for (const s of shapes) {
    const before = await cpu();
    const n = await load(urls.url + s);
    seen[s].push({ rps: n / (DURATION_MS / 1000), us: ((await cpu()) - before) / n });
  }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`answer shapes: ${urls.bytes} B body, 10 connections, medians of ${ROUNDS} rounds of 3 s`);
for (const s of shapes)
  console.log(
    `  ${s.padEnd(22)} ${median(seen[s].map((x) => x.rps))
      .toFixed(0)
      .padStart(7)} req/s  ${median(seen[s].map((x) => x.us))
      .toFixed(1)
      .padStart(6)} µs CPU/request`,
  );
stop();
process.exit(0);
