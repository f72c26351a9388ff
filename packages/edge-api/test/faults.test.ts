/** Upstream faults injected through the sandbox's controls: the right problem+json each time, nothing booked twice. */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { availability, bookingBody, getJson, postBooking, type Stack, seedIds, startStack } from "./stack.ts";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  s = await startStack({
    clinic: (c) => ({
      ...c,
      coreplus: { ...c.coreplus, timeoutMs: 400 },
      cache: { catalogueTtlMs: 300_000, availabilityTtlMs: 1_000 },
    }),
  });
  ids = seedIds(s);
  await getJson(s.api); // warm the catalogue
});
afterEach(() => s.controls.clearFaults());
afterAll(() => s?.close());

type Problem = { type: string; status: number; title: string; detail: string };

let week = 0;
/**
 * A query nobody asked before, so that it reaches coreplus: availability is read in whole weeks, so
 * each query names a week (and practitioner choice) not read before.
 */
function freshQuery(): Record<string, string> {
  const n = week++;
  const day = ["2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25", "2026-12-28"][n % 5]!;
  const q = { locationId: ids.docklands, appointmentTypeId: ids.standard, from: day, to: day };
  return n < 5 ? q : { ...q, practitionerId: ids.nguyen };
}

async function expectProblem(q: Record<string, string>, status: number) {
  const res = await availability(s, q);
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = res.body as unknown as Problem;
  expect(body.type).toMatch(/\/upstream-unavailable$/);
  expect(body.status).toBe(status);
  expect(JSON.stringify(body)).not.toMatch(/stack|at \w+ \(|JwToken|secret/i);
  return res;
}

describe("reads under faults", () => {
  test("added latency within the timeout is just slower", async () => {
    await s.controls.setLatency(150, { path: "/availabilityslot" });
    const res = await availability(s, freshQuery());
    expect(res.status).toBe(200);
  });

  test("timeouts → 504 with Retry-After", { timeout: 15_000 }, async () => {
    await s.controls.setLatency(1_500, { path: "/availabilityslot" });
    const res = await expectProblem(freshQuery(), 504);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  test("a 429 burst is retried away; a persistent 429 is a 503 to the visitor, never a 429", {
    timeout: 20_000,
  }, async () => {
    await s.controls.forceStatus(429, { times: 1, match: { path: "/availabilityslot" } });
    expect((await availability(s, freshQuery())).status).toBe(200);
    await s.controls.forceStatus(429, { times: 20, match: { path: "/availabilityslot" } });
    const res = await expectProblem(freshQuery(), 503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  test("500s → 502; 503s → 503 with Retry-After", { timeout: 20_000 }, async () => {
    await s.controls.forceStatus(500, { times: 20, match: { path: "/availabilityslot" } });
    await expectProblem(freshQuery(), 502);
    await s.controls.clearFaults();
    await s.controls.forceStatus(503, { times: 20, match: { path: "/availabilityslot" } });
    const res = await expectProblem(freshQuery(), 503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  test("malformed JSON and dropped connections → 502", { timeout: 20_000 }, async () => {
    await s.controls.malformedBody({ times: 20, match: { path: "/availabilityslot" } });
    await expectProblem(freshQuery(), 502);
    await s.controls.clearFaults();
    await s.controls.dropConnection({ times: 20, match: { path: "/availabilityslot" } });
    await expectProblem(freshQuery(), 502);
  });

  test("a stale answer is served while coreplus fails (stale-while-revalidate)", async () => {
    const q = freshQuery();
    const first = await availability(s, q);
    expect(first.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_100)); // past the 1 s freshness of this test's clinic
    await s.controls.forceStatus(500, { times: 20, match: { path: "/availabilityslot" } });
    const stale = await availability(s, q);
    expect(stale.status).toBe(200);
    expect(stale.headers.get("server-timing")).toContain("cache;desc=stale");
    expect(stale.body).toEqual(first.body);
  });
});

describe("bookings under faults", () => {
  const bookingFor = async (date: string) => {
    const { body } = await availability(s, {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: date,
      to: date,
    });
    return bookingBody(body.days[0]!.slots[0]!, ids.standard);
  };
  const count = () => s.sandbox.store.appointments.size;

  test("a 429 on the booking call is retried: one appointment", async () => {
    const body = await bookingFor("2026-12-21");
    const before = count();
    await s.controls.forceStatus(429, { times: 1, match: { method: "POST", path: "/appointment" } });
    const res = await postBooking(s.api, body, "fault-429-key");
    expect(res.status).toBe(201);
    expect(count()).toBe(before + 1);
  });

  test("a booking that timed out but went through is found on retry, not made twice", {
    timeout: 20_000,
  }, async () => {
    const body = await bookingFor("2026-12-22");
    const before = count();
    await s.controls.setLatency(1_000, { method: "POST", path: "/appointment" });
    const timedOut = await postBooking(s.api, body, "fault-timeout-key");
    expect(timedOut.status).toBe(504);
    expect((timedOut.body as unknown as Problem).type).toMatch(/\/upstream-unavailable$/);
    await s.controls.clearFaults();
    // Give the slow request time to land in coreplus.
    await new Promise((r) => setTimeout(r, 1_200));
    const retried = await postBooking(s.api, body, "fault-timeout-key");
    expect(retried.status).toBe(201);
    expect(count()).toBe(before + 1);
  });

  test("a dropped connection before processing → 502, and the retry books once", async () => {
    const body = await bookingFor("2026-12-23");
    const before = count();
    await s.controls.dropConnection({
      times: 1,
      after: "before",
      match: { method: "POST", path: "/appointment" },
    });
    expect((await postBooking(s.api, body, "fault-drop-key")).status).toBe(502);
    expect(count()).toBe(before);
    expect((await postBooking(s.api, body, "fault-drop-key")).status).toBe(201);
    expect(count()).toBe(before + 1);
  });
});
