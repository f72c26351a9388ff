import { describe, expect, test } from "vitest";
import {
  ACCESS_TOKEN,
  CONSUMER_SECRET,
  type FakeCoreplus,
  guid,
  json,
  maxInAnyWindow,
  result,
  useFakeCoreplus,
} from "../../test/fake-coreplus.js";
import {
  CoreplusAuthError,
  type CoreplusError,
  CoreplusNetworkError,
  CoreplusRateLimitedError,
  CoreplusTimeoutError,
  CoreplusUpstreamError,
} from "../errors.js";
import { createSlidingWindowLimiter } from "../limiter.js";

const { fake, client } = useFakeCoreplus();

const booking = {
  startDateTime: "2026-12-01T09:00:00+11:00",
  endDateTime: "2026-12-01T09:30:00+11:00",
  practitioner: { practitionerId: guid(2) },
  locationId: guid(3),
  clients: [{ clientId: guid(4) }],
};

const bookedBody = {
  appointment: {
    ...booking,
    appointmentId: guid(1),
    appointmentReferenceNumber: "7",
    status: "Booked",
    subject: "",
    notes: "",
    appointmentTypeId: null,
    notifyPractitioner: false,
  },
};

/** Answers with each of `statuses` in turn (then 200 with `ok`). */
function sequence(
  steps: ((res: Parameters<Parameters<FakeCoreplus["handle"]>[0]>[1]) => void)[],
  ok: unknown,
): void {
  let i = 0;
  fake.handle((_req, res) => {
    const step = steps[i++];
    if (step === undefined) json(res, 200, ok);
    else step(res);
  });
}
const status =
  (code: number, headers: Record<string, string> = {}) =>
  (res: Parameters<typeof json>[0]) =>
    json(res, code, result(`forced ${code}`), headers);
const drop = () => (res: Parameters<typeof json>[0]) => res.socket?.destroy();

describe("rate limiting", () => {
  test("a burst of 50 calls never starts more than 10 requests in any second", async () => {
    fake.handle((_req, res) => json(res, 200, { locations: [] }));
    const c = client();
    const started = performance.now();
    await Promise.all(Array.from({ length: 50 }, () => c.locations.list()));
    expect(fake.received).toHaveLength(50);
    expect(
      maxInAnyWindow(
        fake.received.map((r) => r.at),
        1000,
      ),
    ).toBeLessThanOrEqual(10);
    expect(performance.now() - started).toBeGreaterThan(4000);
  }, 15_000);
});

describe("retries", () => {
  test("429 with Retry-After seconds is retried after that long, with a fresh token", async () => {
    sequence([status(429, { "retry-after": "1" })], { locations: [] });
    const t0 = performance.now();
    await client().locations.list();
    expect(fake.received).toHaveLength(2);
    expect((fake.received[1]?.at ?? 0) - (fake.received[0]?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect(fake.received[0]?.jwt).not.toBe(fake.received[1]?.jwt);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  test("429 with Retry-After as an HTTP date is honoured too", async () => {
    const at = new Date(Math.ceil((Date.now() + 1000) / 1000) * 1000);
    sequence([status(429, { "retry-after": at.toUTCString() })], { locations: [] });
    await client().locations.list();
    expect(fake.received).toHaveLength(2);
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime() - 5);
  });

  test("429 is retried even for a booking POST (the request was not processed)", async () => {
    sequence([status(429, { "retry-after": "0" })], bookedBody);
    expect((await client().appointments.book(booking)).status).toBe("Booked");
    expect(fake.received.map((r) => r.method)).toEqual(["POST", "POST"]);
  });

  test("503 twice then 200: a GET succeeds on the third attempt", async () => {
    sequence([status(503), status(503)], { locations: [] });
    const page = await client().locations.list();
    expect(page.items).toEqual([]);
    expect(fake.received).toHaveLength(3);
  });

  test("a dropped connection on a GET is retried", async () => {
    sequence([drop()], { locations: [] });
    await client().locations.list();
    expect(fake.received).toHaveLength(2);
  });

  test("retries run out: the last error is thrown, after 1 + retries attempts", async () => {
    sequence([status(503), status(503), status(503)], { locations: [] });
    const err = await client({ retry: { retries: 2, baseDelayMs: 1 } })
      .locations.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreplusUpstreamError);
    expect((err as CoreplusError).status).toBe(503);
    expect(fake.received).toHaveLength(3);
  });

  test("429 with retries exhausted is a CoreplusRateLimitedError carrying retryAfterMs", async () => {
    sequence([status(429, { "retry-after": "2" })], { locations: [] });
    const err = await client({ retry: { retries: 0 } })
      .locations.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreplusRateLimitedError);
    expect((err as CoreplusRateLimitedError).retryAfterMs).toBe(2000);
    expect(fake.received).toHaveLength(1);
  });

  test("a booking POST that fails with 500 is tried once", async () => {
    sequence([status(500)], bookedBody);
    const err = await client()
      .appointments.book(booking)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreplusUpstreamError);
    expect(fake.received).toHaveLength(1);
  });

  test("a booking POST whose connection drops is tried once and is a CoreplusNetworkError", async () => {
    sequence([drop()], bookedBody);
    const err = await client()
      .appointments.book(booking)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreplusNetworkError);
    expect((err as CoreplusError).code).toBe("ERR_COREPLUS_NETWORK");
    expect(fake.received).toHaveLength(1);
  });

  test("client create is not retried on 502 either", async () => {
    sequence([status(502)], { client: { clientId: guid(5) } });
    const err = await client()
      .clients.create({ firstName: "A", lastName: "B", dateOfBirth: "1990-01-01" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreplusUpstreamError);
    expect(fake.received).toHaveLength(1);
  });
});

describe("timeouts and aborts", () => {
  test("a server that never answers gives CoreplusTimeoutError after each attempt's timeout", async () => {
    fake.handle(() => undefined);
    const t0 = performance.now();
    const err = await client({ timeoutMs: 150, retry: { retries: 1, baseDelayMs: 1 } })
      .locations.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreplusTimeoutError);
    expect((err as CoreplusError).code).toBe("ERR_COREPLUS_TIMEOUT");
    expect(fake.received).toHaveLength(2);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });

  test("a booking that times out is not repeated", async () => {
    fake.handle(() => undefined);
    const err = await client({ timeoutMs: 100 })
      .appointments.book(booking)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreplusTimeoutError);
    expect(fake.received).toHaveLength(1);
  });

  test("the caller's signal aborts at once with its own reason and is never retried", async () => {
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    // Abort once the server holds the request, not after a fixed delay: a loaded machine may be slower.
    fake.handle(() => {
      setTimeout(() => controller.abort(reason), 20);
      return undefined;
    });
    const err = await client()
      .locations.list({}, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(err).toBe(reason);
    expect(fake.received).toHaveLength(1);
  });
});

describe("one AbortSignal for many requests", () => {
  test("20 concurrent requests sharing a signal print no MaxListenersExceededWarning", async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on("warning", onWarning);
    try {
      fake.handle((_req, res) => json(res, 200, { locations: [] }));
      const controller = new AbortController();
      const c = client({ limiter: createSlidingWindowLimiter({ limit: 2, windowMs: 10 }) });
      const pages = await Promise.all(
        Array.from({ length: 20 }, () => c.locations.list({}, { signal: controller.signal })),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(pages).toHaveLength(20);
      expect(fake.received).toHaveLength(20);
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("redaction", () => {
  const leaks = (err: unknown, jwts: string[]) => {
    const e = err as CoreplusError;
    const texts = [e.message, JSON.stringify(e), String(e.cause), e.stack ?? "", e.url ?? ""];
    const secrets = [CONSUMER_SECRET, ACCESS_TOKEN, ...jwts];
    return texts.filter((t) => secrets.some((s) => t.includes(s)));
  };

  test("auth, upstream, network, timeout and bad-response errors carry no secret, token or JWT", async () => {
    const errors: unknown[] = [];
    const c = client({ timeoutMs: 100, retry: { retries: 0 } });
    fake.handle((req, res) => json(res, 401, result(`Invalid token ${req.jwt} ${ACCESS_TOKEN}`)));
    errors.push(await c.locations.list().catch((e: unknown) => e));
    fake.handle((req, res) => json(res, 500, result(`secret ${CONSUMER_SECRET} header JwToken ${req.jwt}`)));
    errors.push(await c.locations.list().catch((e: unknown) => e));
    fake.handle((_req, res) => {
      res.socket?.destroy();
    });
    errors.push(await c.locations.list().catch((e: unknown) => e));
    fake.handle(() => undefined);
    errors.push(await c.locations.list().catch((e: unknown) => e));
    fake.handle((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`not json ${req.jwt}`);
    });
    errors.push(await c.locations.list().catch((e: unknown) => e));
    expect(errors[0]).toBeInstanceOf(CoreplusAuthError);
    expect(errors[2]).toBeInstanceOf(CoreplusNetworkError);
    expect(errors[3]).toBeInstanceOf(CoreplusTimeoutError);
    const jwts = fake.received.map((r) => r.jwt);
    expect(jwts.every((j) => j.length > 20)).toBe(true);
    for (const err of errors) expect(leaks(err, jwts)).toEqual([]);
    // The reasons were kept, with the secret parts replaced.
    expect((errors[1] as CoreplusError).reasons[0]).toMatch(
      /^secret \[REDACTED\] header JwToken \[REDACTED\]$/,
    );
  });

  test("a failed client search keeps its path but not the name or date of birth it searched for", async () => {
    const query = { name: "Featherstonehaugh", dateOfBirth: "1961-02-28", mobile: "0412345678" };
    const c = client({ timeoutMs: 100, retry: { retries: 0 } });
    const errors: unknown[] = [];
    fake.handle((_req, res) => json(res, 500, result(`lookup of ${query.name} failed`)));
    errors.push(await c.clients.list(query).catch((e: unknown) => e));
    fake.handle((_req, res) => json(res, 400, result(`dateOfBirth ${query.dateOfBirth} is invalid`)));
    errors.push(await c.clients.list(query).catch((e: unknown) => e));
    fake.handle(() => undefined);
    errors.push(await c.clients.list(query).catch((e: unknown) => e));
    fake.handle((_req, res) => json(res, 200, { clients: "not a list" }));
    errors.push(await c.clients.list(query).catch((e: unknown) => e));
    expect(fake.received.every((r) => r.url.includes("Featherstonehaugh"))).toBe(true);
    for (const err of errors) {
      const e = err as CoreplusError;
      expect(e.url).toMatch(/\/Client\/\?name=\[REDACTED\]&dateOfBirth=\[REDACTED\]&mobile=\[REDACTED\]/);
      const texts = [
        e.message,
        JSON.stringify(e),
        String(e.cause),
        e.stack ?? "",
        e.url ?? "",
        e.reasons.join(),
      ];
      for (const value of Object.values(query)) for (const text of texts) expect(text).not.toContain(value);
    }
  });
});
