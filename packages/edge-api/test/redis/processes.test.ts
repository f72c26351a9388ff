/**
 * Three edge API processes (the built Node entry, `node dist/node.js`, with REDIS_URL) on three ports,
 * sharing one real redis-server, in front of the real sandbox on the real clock.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createSandboxControls, type SandboxControls } from "@coreplus-kit/sandbox";
import { serveSandbox } from "@coreplus-kit/sandbox/node";
import {
  freePort,
  requireRedisUnderCi,
  startRedis,
  type TestRedis,
} from "@coreplus-kit/test-support/redis-server";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type AvailabilityBody, bookingBody, postBooking, proved, solvedProof } from "../stack.ts";

/** Under CI=true a missing redis-server fails; elsewhere the suite is skipped, saying why. */
const HAVE_REDIS = requireRedisUnderCi("edge-api processes on Redis");

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface EdgeProcess {
  child: ChildProcess;
  url: string;
  api: string;
  output: () => string;
}

/** Runs the built entry; resolves with its URL once it listens, rejects if it exits first. */
/** The state's detail is behind HEALTH_TOKEN; the public /healthz carries only the aggregate status. */
const HEALTH_TOKEN = "processes-test-health-token-0123456789abcdef";
const healthz = (url: string) =>
  fetch(`${url}/healthz`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } });

function startEdge(env: Record<string, string>): Promise<EdgeProcess> & { child: ChildProcess } {
  const child = spawn(process.execPath, ["dist/node.js"], {
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", EDGE_API_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const onData = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const started = new Promise<EdgeProcess>((resolveStarted, reject) => {
    const check = () => {
      const m = /"msg":"edge API listening","url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (!m?.[1]) return;
      child.stdout?.off("data", check);
      resolveStarted({ child, url: m[1], api: `${m[1]}/v1/clinics/harbourside`, output: () => out });
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => reject(new Error(`edge API exited (${code}): ${out.slice(-2_000)}`)));
  });
  return Object.assign(started, { child });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode);
    else child.once("exit", (code) => done(code));
  });

describe.runIf(HAVE_REDIS)("three edge API processes on one Redis", () => {
  let redis: TestRedis;
  let sb: Awaited<ReturnType<typeof serveSandbox>>;
  let controls: SandboxControls;
  let edges: EdgeProcess[] = [];
  let ids: { docklands: string; williamstown: string; hamilton: string; nguyen: string; standard: string };

  beforeAll(async () => {
    // `start` builds through turbo; do the same (a cache hit when the build is current).
    execFileSync(
      resolve(packageDir, "../../node_modules/.bin/turbo"),
      ["run", "build", "--filter=@coreplus-kit/edge-api...", "--output-logs=errors-only"],
      { cwd: packageDir, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" }, stdio: "ignore" },
    );
    redis = await startRedis();
    sb = await serveSandbox({ port: 0, rateLimit: true, log: () => {} });
    controls = createSandboxControls({ baseUrl: sb.url, adminToken: sb.sandbox.adminToken });
    const env = { REDIS_URL: redis.url, COREPLUS_BASE_URL: sb.url, HEALTH_TOKEN };
    edges = await Promise.all([startEdge(env), startEdge(env), startEdge(env)]);
    const seed = sb.sandbox.seed;
    const loc = (name: string) => seed.locations.find((l) => l.name.includes(name))!.locationId;
    ids = {
      docklands: loc("Docklands"),
      williamstown: loc("Williamstown"),
      hamilton: loc("Hamilton"),
      nguyen: seed.practitioners.find((p) => p.lastName === "Nguyen")!.practitionerId,
      standard: seed.appointmentTypes.find((t) => t.description === "Standard Consultation")!
        .appointmentTypeId,
    };
  }, 300_000);

  afterAll(async () => {
    for (const e of edges) e.child.kill("SIGKILL");
    await Promise.all(edges.map((e) => exited(e.child)));
    await sb?.close();
    await redis?.stop();
  });

  /** A day `n` days from now in Melbourne, as YYYY-MM-DD. */
  const day = (n: number) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Australia/Melbourne" }).format(Date.now() + n * 86_400_000);

  type Slot = { start: string; practitionerId: string; locationId: string };
  async function freeSlots(edge: EdgeProcess, from: number, location = ids.docklands): Promise<Slot[]> {
    const q = { locationId: location, appointmentTypeId: ids.standard, from: day(from), to: day(from + 6) };
    const res = await fetch(`${edge.api}/availability?${new URLSearchParams(q)}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as AvailabilityBody).days.flatMap((d) => d.slots);
  }
  const bookingFor = (slot: Slot) => bookingBody(slot, ids.standard);
  const appointmentsAt = (slot: Slot) =>
    [...sb.sandbox.store.appointments.values()].filter(
      (a) =>
        a.start === Date.parse(slot.start) &&
        a.practitionerId === slot.practitionerId &&
        a.status !== "Cancelled",
    ).length;

  test("each process reports Redis as its state on /healthz", async () => {
    for (const e of edges) {
      const body = (await (await healthz(e.url)).json()) as { state?: unknown };
      expect(body.state).toEqual({ store: "redis", status: "ok" });
    }
  });

  test("60 bookings for 6 slots spread across the three: exactly 6 × 201, 54 × 409, 6 appointments", {
    timeout: 90_000,
  }, async () => {
    const slots = (await freeSlots(edges[0]!, 7)).slice(0, 6);
    expect(slots).toHaveLength(6);
    const before = sb.sandbox.store.appointments.size;
    await controls.resetStats();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        postBooking(edges[i % 3]!.api, bookingFor(slots[i % 6]!), `three-procs-${i}`),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(6);
    expect(statuses.filter((x) => x === 409)).toHaveLength(54);
    expect(sb.sandbox.store.appointments.size).toBe(before + 6);
    for (const slot of slots) expect(appointmentsAt(slot)).toBe(1);
    const stats = await controls.stats();
    expect(stats.byRoute["POST /Appointment/"]).toBe(6);
    expect(stats.rateLimited).toBe(0);
  });

  test("one Idempotency-Key sent to all three at once: one appointment, identical answers", {
    timeout: 60_000,
  }, async () => {
    const [slot] = await freeSlots(edges[1]!, 14);
    const body = bookingFor(slot!);
    const before = sb.sandbox.store.appointments.size;
    const answers = await Promise.all(
      Array.from({ length: 9 }, (_, i) => postBooking(edges[i % 3]!.api, body, "one-key-three-processes")),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(9).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(sb.sandbox.store.appointments.size).toBe(before + 1);
    expect(appointmentsAt(slot!)).toBe(1);
  });

  test("a proof spent on a lookup at one process is refused by the others; a fresh one cancels", {
    timeout: 60_000,
  }, async () => {
    const [slot] = await freeSlots(edges[0]!, 21);
    const body = bookingFor(slot!);
    const booked = await postBooking(edges[0]!.api, body, "proof-three-processes");
    expect(booked.status, booked.text).toBe(201);
    const { booking, manage } = booked.body as { booking: { reference: string }; manage: { token: string } };
    const proof = await solvedProof(edges[0]!.api);
    const postJson = (edge: EdgeProcess, path: string, json: unknown, key?: string) =>
      fetch(`${edge.api}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
        body: JSON.stringify(json),
      });
    const lookup = {
      reference: booking.reference,
      lastName: body.patient.lastName,
      dateOfBirth: body.patient.dateOfBirth,
    };
    expect((await postJson(edges[1]!, "/bookings/lookup", { ...lookup, proof })).status).toBe(200);
    const cancelPath = `/bookings/${manage.token}/cancel`;
    for (const edge of [edges[2]!, edges[0]!]) {
      const res = await postJson(edge, cancelPath, { proof }, "proof-three-cancel");
      expect(res.status).toBe(422);
      expect(((await res.json()) as { type: string }).type).toMatch(/challenge-failed$/);
    }
    const fresh = await postJson(
      edges[2]!,
      cancelPath,
      await proved(edges[2]!.api, {}),
      "proof-three-cancel",
    );
    expect(fresh.status).toBe(200);
  });

  test("the sandbox never sees more than 10 requests in any second while all three are loaded", {
    timeout: 60_000,
  }, async () => {
    await sleep(1_100);
    await controls.resetStats();
    const started = Date.now();
    // 36 uncached reads, 12 at once on each process: each needs coreplus.
    const answers = await Promise.all(
      Array.from({ length: 36 }, (_, i) => {
        // Availability is read in whole weeks: 36 distinct (week, location, practitioner choice).
        const d = day(1 + 7 * (i % 9));
        const variant = Math.floor(i / 9);
        const q: Record<string, string> = {
          locationId: [ids.hamilton, ids.williamstown, ids.docklands, ids.docklands][variant]!,
          appointmentTypeId: ids.standard,
          from: d,
          to: d,
          ...(variant === 3 ? { practitionerId: ids.nguyen } : {}),
        };
        return fetch(`${edges[i % 3]!.api}/availability?${new URLSearchParams(q)}`).then((r) => r.status);
      }),
    );
    expect(answers).toEqual(Array(36).fill(200));
    const stats = await controls.stats();
    // The sandbox refuses (and counts) any request past 10 in a sliding second: none was.
    expect(stats.rateLimited).toBe(0);
    expect(stats.requests).toBeGreaterThanOrEqual(36);
    // 36 calls at no more than 9 a second, whichever process sends them, take well over three seconds.
    expect(Date.now() - started).toBeGreaterThan(3_000);
  });

  test("one process killed mid-booking: the others go on, nothing is booked twice, its lock expires", {
    timeout: 60_000,
  }, async () => {
    const [victim, b, c] = edges as [EdgeProcess, EdgeProcess, EdgeProcess];
    const slots = (await freeSlots(b, 28, ids.williamstown)).slice(0, 3);
    expect(slots).toHaveLength(3);
    const body = bookingFor(slots[0]!);
    const before = sb.sandbox.store.appointments.size;
    await controls.resetStats();
    // coreplus takes 1.5 s to answer a booking: the victim dies while it is in flight.
    await controls.setLatency(1_500, { method: "POST", path: "/appointment" });
    const doomed = postBooking(victim.api, body, "killed-mid-booking").catch((e: Error) => e);
    while (((await controls.stats()).byRoute["POST /Appointment/"] ?? 0) < 1) await sleep(20);
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      const lockKeys = await raw.keys("cpk:*:lock:*");
      const held = new Map<string, string | null>();
      for (const k of lockKeys) held.set(k, await raw.get(k));
      expect(held.size).toBe(2); // the victim's Idempotency-Key lock and its slot lock
      victim.child.kill("SIGKILL");
      await exited(victim.child);
      expect(await doomed).toBeInstanceOf(Error);

      // The others go on with other slots at once.
      const others = await Promise.all([
        postBooking(b.api, bookingFor(slots[1]!), "after-kill-1"),
        postBooking(c.api, bookingFor(slots[2]!), "after-kill-2"),
      ]);
      expect(others.map((a) => a.status)).toEqual([201, 201]);
      // The victim's locks expire (the default liveness is 5 s), they are not held for their 60 s lease.
      const deadline = Date.now() + 8_000;
      for (const [k, token] of held) {
        while ((await raw.get(k)) === token && Date.now() < deadline) await sleep(100);
        expect(await raw.get(k)).not.toBe(token);
      }
      // The visitor retries the same request on another process: it resumes, and books nothing twice.
      const retried = await postBooking(b.api, body, "killed-mid-booking");
      expect(retried.status).toBe(201);
      expect(appointmentsAt(slots[0]!)).toBe(1);
      expect(sb.sandbox.store.appointments.size).toBe(before + 3);
    } finally {
      await controls.clearFaults();
      await raw.close();
    }
    edges = edges.filter((e) => e !== victim);
    edges.push(await startEdge({ REDIS_URL: redis.url, COREPLUS_BASE_URL: sb.url, HEALTH_TOKEN }));
  });

  test("Redis restarted: the processes answer 503 while it is away and recover without a restart", {
    timeout: 60_000,
  }, async () => {
    const pids = edges.map((e) => e.child.pid);
    await redis.stop(true);
    const q = { locationId: ids.docklands, appointmentTypeId: ids.standard, from: day(40), to: day(40) };
    const down = await fetch(`${edges[0]!.api}/availability?${new URLSearchParams(q)}`);
    expect(down.status).toBe(503);
    const health = (await (await healthz(edges[1]!.url)).json()) as {
      status: string;
      state: unknown;
    };
    expect(health).toMatchObject({ status: "degraded", state: { store: "redis", status: "down" } });
    expect(JSON.stringify(health)).not.toContain("redis://");
    await redis.start();
    for (const e of edges) {
      const deadline = Date.now() + 15_000;
      let status = "down";
      while (status !== "ok" && Date.now() < deadline) {
        const body = (await (await healthz(e.url)).json()) as { state: { status: string } };
        status = body.state.status;
        if (status !== "ok") await sleep(200);
      }
      expect(status).toBe("ok");
    }
    const [slot] = await freeSlots(edges[2]!, 42);
    const booked = await postBooking(edges[0]!.api, bookingFor(slot!), "after-redis-restart");
    expect(booked.status).toBe(201);
    expect(edges.map((e) => e.child.pid)).toEqual(pids);
    expect(edges.every((e) => e.child.exitCode === null)).toBe(true);
  });

  test("a clear one-line error and a non-zero exit when Redis cannot be reached at start", {
    timeout: 30_000,
  }, async () => {
    const port = await freePort();
    const run = startEdge({
      REDIS_URL: `redis://edge:s3cret-pass@127.0.0.1:${port}`,
      COREPLUS_BASE_URL: sb.url,
    });
    await expect(run).rejects.toThrow(/exited \(1\)/);
    const output = await run.catch((e: Error) => e.message);
    expect(output).toContain(`cannot reach Redis at redis://edge:***@127.0.0.1:${port}: ECONNREFUSED`);
    expect(output).not.toContain("s3cret");
    expect(output).not.toMatch(/\n\s+at /); // no stack
    const bad = startEdge({ REDIS_URL: "http://edge:s3cret-pass@127.0.0.1:1", COREPLUS_BASE_URL: sb.url });
    const badOutput = await bad.catch((e: Error) => e.message);
    expect(badOutput).toMatch(/exited \(2\)/);
    expect(badOutput).toContain(
      "REDIS_URL: the Redis URL must be redis://… or rediss://…, not http://edge:***@127.0.0.1:1",
    );
    expect(badOutput).not.toContain("s3cret");
  });
});
