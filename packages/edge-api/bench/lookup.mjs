/**
 * `pnpm --filter @coreplus-kit/edge-api bench` (after build), part 3: the cost of a booking lookup.
 * With 150 ms added to every sandbox answer, interleaved lookups that hit (right details) and that
 * miss (wrong date of birth, wrong last name, unknown reference): coreplus calls per lookup (from the
 * sandbox's stats, one lookup at a time) and p50/p99 of each kind, side by side. The misses must not
 * be told from the hits: medians within 10 %, or the run fails.
 */

import { defaultSandboxConfig } from "@coreplus-kit/edge-api";
import { serveEdgeApi } from "@coreplus-kit/edge-api/node";
import { createSandboxControls } from "@coreplus-kit/sandbox";
import { serveSandbox } from "@coreplus-kit/sandbox/node";
import { solveChallenge } from "altcha-lib";
import { deriveKey as pbkdf2 } from "altcha-lib/algorithms/web/pbkdf2";

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const BOOKINGS = Number(process.env.BENCH_LOOKUP_BOOKINGS ?? 20);
const PINNED = new Date(process.env.BENCH_NOW ?? "2026-11-30T08:00:00+11:00");
const now = () => new Date(PINNED);

const sandbox = await serveSandbox({ port: 0, now, log: () => {} });
const base = defaultSandboxConfig({ baseUrl: sandbox.url });
// Every lookup comes from its own visitor (X-Forwarded-For), as the limits count per visitor.
const config = { ...base, trustProxy: true };
const edge = await serveEdgeApi({ port: 0, config, now, logger: () => {} });
const controls = createSandboxControls({ baseUrl: sandbox.url, adminToken: sandbox.sandbox.adminToken });
const api = `${edge.url}/v1/clinics/harbourside`;
/** A fresh challenge, solved: every booking and lookup carries a proof (solved before any timing). */
const solvedProof = async () => {
  const { challenge } = await (await fetch(`${api}/challenge`)).json();
  return { challenge, solution: await solveChallenge({ challenge, deriveKey: pbkdf2 }) };
};
let visitor = 0;
const post = async (path, body, headers = {}) => {
  visitor += 1;
  const res = await fetch(`${api}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

// Bookings to look up, on the first Mondays after the pinned date.
const profile = await (await fetch(api)).json();
const docklands = profile.clinic.locations.find((l) => l.name.includes("Docklands")).id;
const types = (await (await fetch(`${api}/appointment-types?locationId=${docklands}`)).json())
  .appointmentTypes;
const standard = types.find((t) => t.name === "Standard Consultation").id;
const avail = await (
  await fetch(
    `${api}/availability?locationId=${docklands}&appointmentTypeId=${standard}&from=2026-12-07&to=2026-12-11`,
  )
).json();
const free = avail.days.flatMap((d) => d.slots);
const booked = [];
for (let i = 0; booked.length < BOOKINGS && i < free.length; i++) {
  const slot = free[i];
  const patient = {
    firstName: `Bench${i}`,
    lastName: `Lookup${String.fromCharCode(65 + (i % 26))}${i}`,
    dateOfBirth: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
    email: `bench-lookup-${i}@example.com`,
    mobile: `0400 ${String(200 + i).padStart(3, "0")} ${String(i).padStart(3, "0")}`,
  };
  const res = await post(
    "/bookings",
    { slot: { ...slot, appointmentTypeId: standard }, patient, consent: true, proof: await solvedProof() },
    { "idempotency-key": `bench-lookup-booking-${i}` },
  );
  if (res.status === 201) booked.push({ reference: res.body.booking.reference, patient });
}
if (booked.length < BOOKINGS) throw new Error(`booked only ${booked.length} of ${BOOKINGS}`);

// Each reference is looked up at most 4 times (the limit is 5 an hour): 2 hits and 2 misses.
const jobs = [];
for (const [i, b] of booked.entries()) {
  const right = { reference: b.reference, lastName: b.patient.lastName, dateOfBirth: b.patient.dateOfBirth };
  jobs.push({ kind: "hit", body: right }, { kind: "hit", body: right });
  jobs.push({ kind: "wrong birthday", body: { ...right, dateOfBirth: "1950-05-05" } });
  jobs.push({ kind: "wrong last name", body: { ...right, lastName: "Nobodyhere" } });
  jobs.push({ kind: "unknown reference", body: { ...right, reference: String(900000 + i) } });
  jobs.push({ kind: "unknown reference", body: { ...right, reference: String(950000 + i) } });
}
// A fixed shuffle (so runs compare), spreading any drift over every kind alike.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
for (let i = jobs.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
}

await controls.setLatency(LATENCY_MS);
// Let the request budget's window clear of the bookings above, so that no lookup queues behind them.
await new Promise((resolve) => setTimeout(resolve, 2000));
const results = new Map();
for (const job of jobs) {
  const body = { ...job.body, proof: await solvedProof() };
  await controls.resetStats();
  const started = performance.now();
  const res = await post("/bookings/lookup", body);
  const ms = performance.now() - started;
  const calls = (await controls.stats()).requests;
  const expected = job.kind === "hit" ? 200 : 404;
  if (res.status !== expected)
    throw new Error(`${job.kind} lookup answered ${res.status}, expected ${expected}`);
  const r = results.get(job.kind) ?? { ms: [], calls: [] };
  r.ms.push(ms);
  r.calls.push(calls);
  results.set(job.kind, r);
}
await controls.setLatency(0);

const pct = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const row = (kind, r) =>
  `${kind.padEnd(20)} ${String(r.ms.length).padStart(4)} ${pct(r.ms, 50).toFixed(1).padStart(8)} ${pct(
    r.ms,
    99,
  )
    .toFixed(1)
    .padStart(8)} ${(r.calls.reduce((a, b) => a + b, 0) / r.calls.length).toFixed(2).padStart(10)} ${String(
    Math.max(...r.calls),
  ).padStart(9)}`;
const misses = { ms: [], calls: [] };
for (const [kind, r] of results)
  if (kind !== "hit") {
    misses.ms.push(...r.ms);
    misses.calls.push(...r.calls);
  }
const hit = results.get("hit");
console.log(
  `\nlookup cost, ${LATENCY_MS} ms added to every coreplus answer, ${jobs.length} lookups one at a time`,
);
console.log(
  `${"kind".padEnd(20)} ${"n".padStart(4)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"calls/avg".padStart(10)} ${"calls/max".padStart(9)}`,
);
console.log(row("hit", hit));
console.log(row("miss (all kinds)", misses));
for (const [kind, r] of results) if (kind !== "hit") console.log(row(`  ${kind}`, r));
const ratio = pct(misses.ms, 50) / pct(hit.ms, 50);
const maxCalls = Math.max(...hit.calls, ...misses.calls);
console.log(
  `median miss / median hit: ${ratio.toFixed(3)} (must be within 0.90–1.10); most coreplus calls in one lookup: ${maxCalls} (at most 3)`,
);
await edge.close();
await sandbox.close();
if (ratio < 0.9 || ratio > 1.1 || maxCalls > 3) {
  console.error("lookup bench: FAILED");
  process.exit(1);
}
