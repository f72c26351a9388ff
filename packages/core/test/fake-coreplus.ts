/**
 * A tiny coreplus stand-in for the client tests: a real node:http server on 127.0.0.1:0 that checks
 * every JwToken with the package's own verifier and records what it received. Each test installs a
 * handler; faults (drops, silence, bad JSON) are just handlers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createCoreplusClient } from "../src/client/index.js";
import type { CoreplusClient, CoreplusClientOptions } from "../src/client/types.js";
import { type RequestClaims, verifyRequestToken } from "../src/jwt/index.js";
import { listen } from "../src/node.js";

export const CONSUMER_ID = "client-test-consumer";
export const CONSUMER_SECRET = "client-test-consumer-secret-123";
export const ACCESS_TOKEN = "11111111-2222-4333-8444-555555555555";

/** One request as the server saw it. */
export interface Received {
  method: string;
  /** The absolute URL as received (origin + raw path and query). */
  url: string;
  path: string;
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: unknown;
  /** The JWT from the Authorization header. */
  jwt: string;
  claims: RequestClaims | undefined;
  /** performance.now() when the request arrived. */
  at: number;
}

/** What a handler does with a request. */
export type Handler = (req: Received, res: ServerResponse) => void | Promise<void>;

export interface FakeCoreplus {
  origin: string;
  received: Received[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** Sends JSON with a status. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** A coreplus `result` error body. */
export function result(reason: string, severity = 2): { result: { severity: number; reason: string }[] } {
  return { result: [{ severity, reason }] };
}

export async function startFakeCoreplus(): Promise<FakeCoreplus> {
  let handler: Handler = (_req, res) => json(res, 404, result("Not found"));
  const received: Received[] = [];
  let origin = "";
  const server = await listen(async (req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = `${origin}${req.url ?? "/"}`;
    const parsed = new URL(url);
    const authorization = req.headers.authorization;
    const verdict = await verifyRequestToken(authorization, {
      method: req.method ?? "GET",
      url,
      contentType: req.headers["content-type"] ?? null,
      hasBody: text.length > 0,
      lookupConsumer: (id) =>
        id === CONSUMER_ID
          ? { consumerSecret: CONSUMER_SECRET, isAccessTokenValid: (t) => t === ACCESS_TOKEN }
          : undefined,
    });
    const query = (req.url ?? "").split("?")[1];
    const record: Received = {
      method: req.method ?? "",
      url,
      path: parsed.pathname,
      rawQuery: query ?? "",
      query: parsed.searchParams,
      headers: req.headers,
      body: text === "" ? undefined : JSON.parse(text),
      jwt: (authorization ?? "").replace(/^JwToken /, ""),
      claims: verdict.ok ? verdict.claims : undefined,
      at,
    };
    received.push(record);
    if (!verdict.ok) {
      json(res, 401, result("Invalid token"));
      return;
    }
    await handler(record, res);
  });
  origin = server.url;
  return {
    origin,
    received,
    handle(next) {
      handler = next;
    },
    close: () => server.close(),
  };
}

/** The largest number of timestamps in any window [t, t + windowMs). */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] as number) - (sorted[lo] as number) >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** A lower-case GUID whose last digits are `n`. */
export function guid(n: number, prefix = "aaaaaaaa"): string {
  return `${prefix}-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

/** An appointment as coreplus answers it (Booked, times with the space before the offset), with overrides. */
export function appointmentJson(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appointmentId: guid(1, "bbbbbbbb"),
    appointmentReferenceNumber: "1001",
    status: "Booked",
    practitioner: { practitionerId: guid(2, "cccccccc") },
    subject: "",
    notes: "",
    locationId: guid(3, "dddddddd"),
    appointmentTypeId: null,
    startDateTime: "2026-12-01T09:00:00 +11:00",
    endDateTime: "2026-12-01T09:30:00 +11:00",
    clients: [{ clientId: guid(4) }],
    notifyPractitioner: false,
    ...over,
  };
}

/**
 * For a test file: starts the fake before its tests and closes it after, clearing what it received
 * after each test. Returns the fake (usable inside tests) and a client pointed at it with fast retries.
 */
export function useFakeCoreplus(): {
  fake: FakeCoreplus;
  client(extra?: Partial<CoreplusClientOptions>): CoreplusClient;
} {
  let started: FakeCoreplus | undefined;
  const live = (): FakeCoreplus => {
    if (!started) throw new Error("the fake coreplus is not started (use it inside a test)");
    return started;
  };
  beforeAll(async () => {
    started = await startFakeCoreplus();
  });
  afterAll(() => started?.close());
  afterEach(() => {
    if (started) started.received.length = 0;
  });
  const fake: FakeCoreplus = {
    get origin() {
      return live().origin;
    },
    get received() {
      return live().received;
    },
    handle: (handler) => live().handle(handler),
    close: () => live().close(),
  };
  return {
    fake,
    client: (extra = {}) =>
      createCoreplusClient({
        baseUrl: fake.origin,
        consumerId: CONSUMER_ID,
        consumerSecret: CONSUMER_SECRET,
        accessToken: ACCESS_TOKEN,
        retry: { baseDelayMs: 5, maxDelayMs: 20 },
        ...extra,
      }),
  };
}
