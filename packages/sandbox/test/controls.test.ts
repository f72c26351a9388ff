/** The /_sandbox/ test controls over real HTTP, through the typed helper other packages use. */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createSandboxControls, SandboxControlError, type SandboxControls } from "../src/index.js";
import { type RunningSandbox, serveSandbox } from "../src/node.js";
import { callHttp, FIXED_NOW } from "./helpers.js";

let server: RunningSandbox;
let controls: SandboxControls;
const get = (path: string, query?: Record<string, string>) =>
  callHttp(server.url, server.sandbox, "GET", path, query ? { query } : {});

beforeAll(async () => {
  server = await serveSandbox({ port: 0, now: () => FIXED_NOW, rateLimit: false, log: () => {} });
  controls = createSandboxControls({ baseUrl: `${server.url}/API/Core/v2.1/` });
});
afterAll(() => server.close());
beforeEach(() => controls.reset());

describe("admin guard", () => {
  test("without or with a wrong admin token → 401, and the helper throws a typed error", async () => {
    const res = await fetch(`${server.url}/_sandbox/stats`);
    expect(res.status).toBe(401);
    const wrong = createSandboxControls({ baseUrl: server.url, adminToken: "nope" });
    await expect(wrong.stats()).rejects.toBeInstanceOf(SandboxControlError);
  });
});

describe("faults", () => {
  test("forceStatus: times and match limit it; 429 carries Retry-After; 503 can carry one", async () => {
    await controls.forceStatus(503, { times: 2, match: { path: "/location" }, retryAfter: 7 });
    const first = await get("/Location/");
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(first.body).toEqual({ result: [{ severity: 2, reason: "Service unavailable" }] });
    expect((await get("/Practitioner/")).status).toBe(200);
    expect((await get("/Location/")).status).toBe(503);
    expect((await get("/Location/")).status).toBe(200);

    await controls.forceStatus(429, { match: { method: "get" } });
    for (let i = 0; i < 3; i++) {
      const r = await get("/AppointmentType/");
      expect(r.status).toBe(429);
      expect(r.headers.get("retry-after")).toBe("1");
    }
    await controls.clearFaults();
    expect((await get("/AppointmentType/")).status).toBe(200);
  });

  test("latency delays matching requests only", async () => {
    await controls.setLatency(300, { path: "/practitioner" });
    let t = performance.now();
    expect((await get("/Practitioner/")).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    t = performance.now();
    await get("/Location/");
    expect(performance.now() - t).toBeLessThan(250);
    await controls.setLatency(0, { path: "/practitioner" });
    t = performance.now();
    await get("/Practitioner/");
    expect(performance.now() - t).toBeLessThan(250);
  });

  test("malformedBody: 200 with a body that is not JSON, once", async () => {
    await controls.malformedBody({ times: 1 });
    const res = await get("/Location/");
    expect(res.status).toBe(200);
    expect(res.body).toBeUndefined();
    expect(() => JSON.parse(res.text)).toThrow();
    expect(res.text.length).toBeGreaterThan(0);
    expect((await get("/Location/")).body).toHaveProperty("locations");
  });

  test('dropConnection "before": a network error and nothing happens', async () => {
    await controls.dropConnection({ times: 1, match: { path: "/client" } });
    const before = server.sandbox.store.clients.size;
    await expect(
      callHttp(server.url, server.sandbox, "POST", "/Client/", {
        body: { firstName: "Drop", lastName: "Before", dateOfBirth: "1990-01-01" },
      }),
    ).rejects.toThrow();
    expect(server.sandbox.store.clients.size).toBe(before);
    expect((await get("/Client/")).status).toBe(200);
  });

  test('dropConnection "after": processed (the client exists), then a network error', async () => {
    await controls.dropConnection({ times: 1, after: "after", match: { method: "POST" } });
    const before = server.sandbox.store.clients.size;
    await expect(
      callHttp(server.url, server.sandbox, "POST", "/Client/", {
        body: { firstName: "Drop", lastName: "After", dateOfBirth: "1990-01-01" },
      }),
    ).rejects.toThrow();
    expect(server.sandbox.store.clients.size).toBe(before + 1);
  });
});

describe("clock, token, rate limit, stats, seed, reset", () => {
  test("setClock and advanceClock move business time (and which slots are past)", async () => {
    expect(await controls.now()).toBe(FIXED_NOW.toISOString());
    await controls.setClock("2026-07-01T00:00:00Z");
    expect(await controls.now()).toBe("2026-07-01T00:00:00.000Z");
    await controls.advanceClock(3_600_000);
    expect(await controls.now()).toBe("2026-07-01T01:00:00.000Z");
    const docklands = server.sandbox.seed.locations[0];
    const res = await get("/AvailabilitySlot/", {
      startDate: "2026-06-29",
      endDate: "2026-06-30",
      timezoneId: docklands?.timezoneId ?? "",
    });
    expect(res.body).toMatchObject({ timeslots: [], paging: { totalRows: 0 } });
    await controls.reset();
    expect(await controls.now()).toBe(FIXED_NOW.toISOString());
  });

  test("expireAccessToken / restoreAccessToken", async () => {
    await controls.expireAccessToken();
    expect((await get("/Location/")).status).toBe(401);
    await controls.restoreAccessToken();
    expect((await get("/Location/")).status).toBe(200);
  });

  test("setRateLimit switches the limiter; stats count requests, refusals and routes", async () => {
    await controls.setRateLimit(true);
    const results = await Promise.all(Array.from({ length: 13 }, () => get("/Location/")));
    expect(results.filter((r) => r.status === 429)).toHaveLength(3);
    // Still inside the same second: refused too, and counted under its own path.
    expect((await get("/Nope/")).status).toBe(429);
    const stats = await controls.stats();
    expect(stats).toEqual({
      requests: 14,
      rateLimited: 4,
      byRoute: { "GET /Location/": 13, "GET /api/core/v2.1/nope/": 1 },
    });
    await controls.setRateLimit(false);
    await controls.resetStats();
    await Promise.all(Array.from({ length: 12 }, () => get("/Location/")));
    const id = server.sandbox.seed.locations[0]?.locationId ?? "";
    await get(`/location/${id}/`);
    expect(await controls.stats()).toEqual({
      requests: 13,
      rateLimited: 0,
      byRoute: { "GET /Location/": 12, "GET /Location/{id}/": 1 },
    });
  });

  test("seed() returns the clinic facts; reset() brings back the seed data", async () => {
    const seed = await controls.seed();
    expect(seed).toEqual(server.sandbox.seed);
    const created = await callHttp<{ client: { clientId: string } }>(
      server.url,
      server.sandbox,
      "POST",
      "/Client/",
      {
        body: { firstName: "Temp", lastName: "Client", dateOfBirth: "1990-01-01" },
      },
    );
    expect(server.sandbox.store.client(created.body.client.clientId)).toBeDefined();
    await controls.reset();
    expect(server.sandbox.store.client(created.body.client.clientId)).toBeUndefined();
    expect(await controls.stats()).toEqual({ requests: 0, rateLimited: 0, byRoute: {} });
  });

  test("bad control bodies → 400", async () => {
    const res = await fetch(`${server.url}/_sandbox/faults/status`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.sandbox.adminToken}` },
      body: JSON.stringify({ status: 418 }),
    });
    expect(res.status).toBe(400);
  });
});
