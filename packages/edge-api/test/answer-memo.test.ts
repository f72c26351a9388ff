/**
 * The answer memo (src/app/answer-memo.ts) over real HTTP against the sandbox, on a wall clock the
 * tests move: a remembered answer is the ordinary answer byte for byte, a booking in this process is
 * seen by the next read, an answer older than the bound is recomputed, and every read still counts
 * against the visitor's limit.
 */
import { serveSandbox } from "@coreplus-kit/sandbox/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ANSWER_MEMO_MAX_AGE_MS } from "../src/app/answer-memo.ts";
import { slotKey } from "../src/availability/slots.ts";
import {
  type ClinicState,
  createMemoryState,
  defaultSandboxConfig,
  type EdgeStateFactory,
} from "../src/index.ts";
import { createJsonLogger, type EdgeApiServer, serveEdgeApi } from "../src/node.ts";
import type { LogSink } from "../src/types.ts";
import { type AvailabilityBody, bookingBody, PINNED_NOW, patient, postBooking } from "./stack.ts";

const READS_LIMIT = 12;
let wall = Date.now();
const clock = () => wall;
/** The shared state as another process sees it: written here, it bypasses this process's counting. */
const shared = createMemoryState({ now: clock });
/** Cache reads and taken-slot reads that reached the state (a remembered answer makes none). */
let stateReads = 0;
const counting: EdgeStateFactory = {
  forClinic(slug) {
    const state = shared.forClinic(slug);
    return new Proxy(state, {
      get(target, name) {
        const value = Reflect.get(target, name);
        if (name === "cacheGet" || name === "takenSlots") stateReads++;
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as ClinicState;
  },
  forConsumer: (key) => shared.forConsumer(key),
};
const logs: Record<string, unknown>[] = [];
let sandbox: Awaited<ReturnType<typeof serveSandbox>>;
let edge: EdgeApiServer;
/** The same stack with the Node entry's JsonLogger, whose `line` the memo hands its lines to as text. */
let textEdge: EdgeApiServer;
const written: string[] = [];
const jsonLogger = createJsonLogger((chunk) => written.push(chunk));
let api: string;
let docklands: string;
let standard: string;

beforeAll(async () => {
  const now = () => new Date(PINNED_NOW);
  sandbox = await serveSandbox({ port: 0, now, rateLimit: false, log: () => {} });
  const base = defaultSandboxConfig({ baseUrl: sandbox.url });
  const clinics = base.clinics.map((c) => ({
    ...c,
    limits: { ...c.limits, reads: { limit: READS_LIMIT, windowMs: 60_000 }, misses: null },
  }));
  // Two edge APIs on the same state and clocks: one logging objects, one through the real JSON logger.
  const serve = (logger: LogSink) =>
    serveEdgeApi({
      port: 0,
      config: { ...base, trustProxy: true, clinics },
      now,
      wallNow: clock,
      state: counting,
      logger,
    });
  edge = await serve((e) => logs.push(e));
  textEdge = await serve(jsonLogger);
  api = `${edge.url}/v1/clinics/harbourside`;
  const seed = sandbox.sandbox.seed;
  docklands = seed.locations.find((l) => l.name.includes("Docklands"))!.locationId;
  standard = seed.appointmentTypes.find((t) => t.description === "Standard Consultation")!.appointmentTypeId;
});
afterAll(async () => {
  await edge?.close();
  await textEdge?.close();
  await sandbox?.close();
});

let visitors = 0;
/** A visitor of its own (X-Forwarded-For is trusted here), so that tests do not share a limit. */
const visitor = () => `198.51.100.${++visitors}`;
const week = (from: string, to: string) =>
  `${api}/availability?locationId=${docklands}&appointmentTypeId=${standard}&from=${from}&to=${to}`;

/** A GET's status, headers (as sent, less what differs per request by design), body bytes and log line. */
async function get(url: string, headers: Record<string, string>) {
  const before = stateReads;
  const res = await fetch(url, { headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const line = logs.at(-1) as Record<string, unknown>;
  const requestId = res.headers.get("x-request-id");
  expect(line.requestId).toBe(requestId);
  const sent = [...res.headers]
    .filter(([name]) => name !== "date" && name !== "x-request-id")
    .map(([name, value]) => [name, name === "server-timing" ? value.replace(/dur=[\d.]+/, "dur=") : value]);
  const { requestId: _id, ms: _ms, ...logged } = line;
  return { status: res.status, sent, bytes, logged, readState: stateReads > before };
}
const slotsOf = (bytes: Uint8Array) =>
  (JSON.parse(new TextDecoder().decode(bytes)) as AvailabilityBody).days.flatMap((d) => d.slots);

describe("the answer memo", () => {
  test("a remembered answer is the ordinary one: every header, the bytes, 304, CORS and the log line", async () => {
    const urls = [
      api,
      `${api}/practitioners?locationId=${docklands}`,
      week("2026-12-07", "2026-12-13"),
      `${api}/bootstrap?locationId=${docklands}&appointmentTypeId=${standard}&practitionerId=any&from=2026-12-07`,
    ];
    for (const url of urls) {
      const who = visitor();
      await get(url, { "x-forwarded-for": who }); // loads the cache entries
      const plain = { "x-forwarded-for": who };
      const cors = { ...plain, origin: "http://localhost:5173", "x-request-id": "client-1" };
      for (const headers of [plain, cors]) {
        wall += ANSWER_MEMO_MAX_AGE_MS; // whatever was remembered is past the bound: answered the ordinary way
        const ordinary = await get(url, headers);
        const remembered = await get(url, headers);
        expect(ordinary.readState).toBe(true);
        expect(remembered.readState).toBe(false);
        expect(ordinary.status).toBe(200);
        expect(remembered).toEqual({ ...ordinary, readState: false });
        expect(Buffer.from(remembered.bytes).equals(Buffer.from(ordinary.bytes))).toBe(true);
        const etag = ordinary.sent.find(([name]) => name === "etag")?.[1] as string;
        const revalidate = { ...headers, "if-none-match": etag };
        wall += ANSWER_MEMO_MAX_AGE_MS;
        const ordinary304 = await get(url, revalidate);
        const remembered304 = await get(url, revalidate);
        expect(ordinary304.status).toBe(304);
        expect(remembered304).toEqual({ ...ordinary304, readState: false });
      }
    }
    // A refused origin is refused whether or not the answer is remembered (and nothing is counted for it).
    const refused = await fetch(urls[0]!, {
      headers: { origin: "https://elsewhere.example", "x-forwarded-for": visitor() },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("a booking in this process makes the next read show its slot taken", async () => {
    const who = { "x-forwarded-for": visitor() };
    const url = week("2026-12-08", "2026-12-08");
    await get(url, who);
    const first = await get(url, who);
    const remembered = await get(url, who);
    expect(remembered.readState).toBe(false);
    const slot = slotsOf(first.bytes)[0]!;
    const booked = await postBooking(
      api,
      bookingBody(slot, standard, patient()),
      `memo-booking-${Date.now()}`,
    );
    expect(booked.status).toBe(201);
    // The clock has not moved: only the booking's own write can tell the memo that the answer changed.
    const after = await get(url, who);
    expect(after.readState).toBe(true);
    expect(slotsOf(after.bytes).map((s) => s.start)).not.toContain(slot.start);
    expect(after.sent).not.toEqual(first.sent); // another ETag
  });

  test("a change made by another process is seen once the remembered answer is older than the bound", async () => {
    const who = { "x-forwarded-for": visitor() };
    const url = week("2026-12-09", "2026-12-09");
    wall += ANSWER_MEMO_MAX_AGE_MS;
    await get(url, who);
    const computed = await get(url, who);
    const computedAt = wall;
    const slot = slotsOf(computed.bytes)[0]!;
    // Another process (sharing the state, as on Redis) marks the slot taken: this one is not told.
    await shared
      .forClinic("harbourside")
      .markSlotTaken(slotKey(slot.practitionerId, Date.parse(slot.start)), 60_000);
    wall = computedAt + ANSWER_MEMO_MAX_AGE_MS - 1;
    const within = await get(url, who);
    expect(within.readState).toBe(false);
    expect(slotsOf(within.bytes)).toContainEqual(slot);
    wall = computedAt + ANSWER_MEMO_MAX_AGE_MS;
    const past = await get(url, who);
    expect(past.readState).toBe(true);
    expect(slotsOf(past.bytes)).not.toContainEqual(slot);
  });

  test("every read counts against the visitor's limit, remembered or not: 429 past it", async () => {
    const who = { "x-forwarded-for": visitor() };
    const url = `${api}/appointment-types?locationId=${docklands}`;
    const answers = [];
    for (let i = 0; i < READS_LIMIT; i++) answers.push(await get(url, who));
    expect(answers.map((a) => a.status)).toEqual(Array(READS_LIMIT).fill(200));
    expect(answers.filter((a) => !a.readState).length).toBeGreaterThanOrEqual(READS_LIMIT - 2);
    const over = await fetch(url, { headers: who });
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await over.json()) as { type: string }).type).toMatch(/\/rate-limited$/);
    // Counted once: another visitor is still answered, from the memo.
    const other = await get(url, { "x-forwarded-for": visitor() });
    expect(other).toMatchObject({ status: 200, readState: false });
  });

  test("a remembered answer's line written as text is the ordinary line's JSON, field for field in order", async () => {
    const textApi = `${textEdge.url}/v1/clinics/harbourside`;
    /** The request's line as written (flushed at once), with what differs per request by design masked. */
    const lineOf = async (url: string, headers: Record<string, string>) => {
      const before = stateReads;
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      jsonLogger.flush();
      const text = written.splice(0).join("").trimEnd().split("\n").at(-1)!;
      const requestId = res.headers.get("x-request-id")!;
      const parsed = JSON.parse(text) as Record<string, unknown>;
      expect(parsed.requestId).toBe(requestId);
      expect(new Date(parsed.time as string).toISOString()).toBe(parsed.time);
      expect(typeof parsed.ms).toBe("number");
      const masked = text
        .replace(/^\{"time":"[^"]+"/, '{"time":""')
        .replace(requestId, "")
        .replace(/"ms":[\d.e+-]+/, '"ms":0');
      return { status: res.status, masked, readState: stateReads > before };
    };
    const urls = [
      textApi,
      `${textApi}/practitioners?locationId=${docklands}`,
      `${textApi}/availability?locationId=${docklands}&appointmentTypeId=${standard}&from=2026-12-07&to=2026-12-13`,
    ];
    for (const url of urls) {
      const who = visitor();
      await lineOf(url, { "x-forwarded-for": who });
      const cors = { "x-forwarded-for": who, origin: "http://localhost:5173", "x-request-id": "client-1" };
      const variants: Record<string, string>[] = [
        { "x-forwarded-for": who },
        cors,
        { ...cors, "x-request-id": "not an id" },
      ];
      for (const headers of variants) {
        wall += ANSWER_MEMO_MAX_AGE_MS;
        const ordinary = await lineOf(url, headers);
        const remembered = await lineOf(url, headers);
        expect(ordinary.readState).toBe(true);
        expect(remembered.readState).toBe(false);
        expect(remembered.masked).toBe(ordinary.masked);
        expect(remembered.masked).toContain('"cache":"hit');
        if (headers["x-request-id"] === "client-1")
          expect(remembered.masked).toContain('"clientRequestId":"client-1"');
      }
    }
  });
});
