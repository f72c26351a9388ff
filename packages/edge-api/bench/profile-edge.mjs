/**
 * A CPU profile of the edge API serving the throughput bench's cached availability answer (issue 19
 * item 3): the bench's servers (servers.mjs) run in a child under `node --cpu-prof`, loaded from here
 * by autocannon for BENCH_DURATION seconds (default 8), and the profile's self time is listed by
 * function, heaviest first. `node bench/profile-edge.mjs [url-path]` after a build; PROFILE_DIR sets
 * where the .cpuprofile goes (default: the system's temporary directory). PROFILE_TARGET=bare
 * profiles the pre-serialised bare route instead, for comparison.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.env.PROFILE_DIR ?? mkdtempSync(join(tmpdir(), "edge-prof-"));
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const child = spawn(
  process.execPath,
  [
    "--cpu-prof",
    `--cpu-prof-dir=${dir}`,
    "--import",
    "data:text/javascript,process.on('SIGTERM',()=>process.exit(0))",
    join(here, "servers.mjs"),
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const urls = await new Promise((resolve) => {
  let buf = "";
  child.stdout.on("data", (d) => {
    buf += d;
    const nl = buf.indexOf("\n");
    if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)));
  });
});
const api = `${urls.edge}/v1/clinics/harbourside`;
const profile = await (await fetch(api)).json();
const loc = profile.clinic.locations.find((l) => l.name.includes("Docklands")).id;
const types = (await (await fetch(`${api}/appointment-types?locationId=${loc}`)).json()).appointmentTypes;
const type = types.find((t) => t.name === "Standard Consultation").id;
const cached = `${api}/availability?locationId=${loc}&appointmentTypeId=${type}&from=2026-12-07&to=2026-12-13`;
const warm = await fetch(cached);
const body = await warm.text();
await fetch(`${urls.bare}/payload`, {
  method: "POST",
  body,
  headers: { "content-type": "application/json" },
});
const url = process.env.PROFILE_TARGET === "bare" ? `${urls.bare}/bare` : cached;
const result = await autocannon({ url, connections: 10, duration: DURATION_S });
console.log(
  `${url}: ${result.requests.average.toFixed(0)} req/s, ${result.requests.total} requests, non-2xx ${result.non2xx}`,
);
child.kill("SIGTERM");
await new Promise((r) => child.once("exit", r));

const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
const prof = JSON.parse(readFileSync(join(dir, file), "utf8"));
const self = new Map();
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++)
  dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
let total = 0;
for (const [id, us] of dt) {
  const { callFrame: f } = byId.get(id);
  const key = `${f.functionName || "(anonymous)"} ${f.url.split("/node_modules/").pop().split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + us);
  total += us;
}
const idle = [...self].filter(([k]) => k.startsWith("(idle)")).reduce((n, [, v]) => n + v, 0);
console.log(
  `profile ${join(dir, file)}: ${(total / 1000).toFixed(0)} ms sampled, ${(idle / 1000).toFixed(0)} ms idle`,
);
const perRequest = (us) => (us / result.requests.total).toFixed(2);
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 45)))
  console.log(
    `${perRequest(us).padStart(7)} µs/req  ${((us / (total - idle)) * 100).toFixed(1).padStart(5)} %  ${k}`,
  );
