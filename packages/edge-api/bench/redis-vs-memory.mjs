/**
 * `pnpm --filter @coreplus-kit/edge-api bench` (after build), the state's share: the same edge API on
 * the memory state and on the Redis state (a local redis-server), in the same run.
 *  1. Cached availability: req/s at 10 connections, alternating rounds, median.
 *  2. Bookings: latency of one booking at a time (distinct slots), alternating memory and Redis: p50 and p95.
 * Skipped with a note when redis-server is not installed.
 */
import { execFileSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { solveChallenge } from "altcha-lib";
import { deriveKey as pbkdf2 } from "altcha-lib/algorithms/web/pbkdf2";
import autocannon from "autocannon";
import { spawnServers } from "./spawn-servers.mjs";

try {
  execFileSync("redis-server", ["--version"], { stdio: "ignore" });
} catch {
  console.log(
    "\nstate: redis vs memory — skipped: redis-server is not installed (apt-get install redis-server)",
  );
  process.exit(0);
}

const here = dirname(fileURLToPath(import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 20);
const CONNECTIONS = 10;

const { urls, stop } = await spawnServers(here, "redis-servers.mjs");

const api = (origin) => `${origin}/v1/clinics/harbourside`;
const getJson = async (url) => {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
};
const profile = (await getJson(api(urls.memory))).body.clinic;
const docklands = profile.locations.find((l) => l.name.includes("Docklands")).id;
const types = (await getJson(`${api(urls.memory)}/appointment-types?locationId=${docklands}`)).body
  .appointmentTypes;
const standard = types.find((t) => t.name === "Standard Consultation").id;
const query = `locationId=${docklands}&appointmentTypeId=${standard}&from=2026-12-07&to=2026-12-13`;
const sides = {
  memory: `${api(urls.memory)}/availability?${query}`,
  redis: `${api(urls.redis)}/availability?${query}`,
};
const warm = {};
for (const [side, url] of Object.entries(sides)) {
  warm[side] = await getJson(url);
  if (warm[side].status !== 200) throw new Error(`${side}: availability answered ${warm[side].status}`);
}

/** A fresh challenge of `clinicUrl`, solved: every booking carries a proof (solved before the clock starts). */
async function solvedProof(clinicUrl) {
  const { challenge } = await (await fetch(`${clinicUrl}/challenge`)).json();
  return { challenge, solution: await solveChallenge({ challenge, deriveKey: pbkdf2 }) };
}

async function cannon(url) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, pipelining: 1 });
  return { rps: r.requests.average, failures: r.non2xx + r.errors };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

console.log(
  `\nstate: redis vs memory — ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_S} s`,
);
await cannon(sides.memory);
await cannon(sides.redis);
const rps = { memory: [], redis: [] };
let failures = 0;
for (let i = 0; i < ROUNDS; i++) {
  for (const side of ["memory", "redis"]) {
    const r = await cannon(sides[side]);
    rps[side].push(r.rps);
    failures += r.failures;
  }
}

// Bookings, one at a time, alternating sides, each on its own free slot of the warmed week.
const free = warm.memory.body.days.flatMap((d) => d.slots);
if (free.length < BOOKINGS) throw new Error(`only ${free.length} free slots for ${BOOKINGS} bookings`);
const latency = { memory: [], redis: [] };
for (let i = 0; i < BOOKINGS; i++) {
  const side = i % 2 ? "redis" : "memory";
  const slot = free[i];
  const body = {
    slot: {
      locationId: slot.locationId,
      practitionerId: slot.practitionerId,
      appointmentTypeId: standard,
      start: slot.start,
    },
    patient: {
      firstName: `Bench${i}`,
      lastName: "State",
      dateOfBirth: "1980-01-01",
      email: `state${i}@example.com`,
      mobile: `0400 100 ${String(i).padStart(3, "0")}`,
    },
    consent: true,
    proof: await solvedProof(api(urls[side])),
  };
  const t0 = performance.now();
  const res = await fetch(`${api(urls[side])}/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `state-bench-${i}` },
    body: JSON.stringify(body),
  });
  const answer = await res.text();
  latency[side].push(performance.now() - t0);
  if (res.status !== 201) {
    failures++;
    if (failures === 1) console.log(`  a booking answered ${res.status}: ${answer.slice(0, 200)}`);
  }
}

console.log(`  ${"".padEnd(34)} ${"memory".padStart(12)} ${"redis".padStart(12)}`);
const ra = median(rps.redis) / median(rps.memory);
console.log(
  `  ${"cached availability (req/s)".padEnd(34)} ${median(rps.memory).toFixed(0).padStart(12)} ${median(rps.redis).toFixed(0).padStart(12)}   redis/memory ${ra.toFixed(2)}`,
);
for (const [label, p] of [
  ["booking p50 (ms)", 0.5],
  ["booking p95 (ms)", 0.95],
])
  console.log(
    `  ${label.padEnd(34)} ${pct(latency.memory, p).toFixed(1).padStart(12)} ${pct(latency.redis, p).toFixed(1).padStart(12)}`,
  );
console.log(`  (${BOOKINGS / 2} bookings each, one at a time; non-2xx or errors: ${failures})`);
stop();
process.exit(failures > 0 ? 1 : 0);
