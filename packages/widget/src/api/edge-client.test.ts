import type { IncomingMessage, ServerResponse } from "node:http";
import { type Listening, listen } from "@coreplus-kit/core/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createEdgeClient, EdgeRequestError, GET_TIMEOUT_MS } from "./edge-client.ts";
import { createManageClient } from "./manage-client.ts";
import { book } from "./post.ts";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_req, res) => res.end();
const seen: { url: string; headers: IncomingMessage["headers"]; body: string }[] = [];
let server: Listening;
let api = "";

beforeAll(async () => {
  server = await listen((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ url: req.url ?? "", headers: req.headers, body });
      handler(req, res);
    });
  });
  api = `${server.url}/`;
});
afterAll(() => server.close());

const json =
  (status: number, body: unknown, type = "application/json"): Handler =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": type }).end(JSON.stringify(body));
  };
const problem = (status: number, name: string, errors?: unknown[]) =>
  json(
    status,
    { type: `https://x.dev/problems/${name}`, title: name, status, detail: name, errors },
    "application/problem+json",
  );

async function failure(p: Promise<unknown>): Promise<EdgeRequestError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(EdgeRequestError);
  return e as EdgeRequestError;
}

const signal = () => new AbortController().signal;
const slot = {
  locationId: "l1",
  practitionerId: "p1",
  appointmentTypeId: "t1",
  start: "2026-12-02T09:00:00+11:00",
};
const patient = {
  firstName: "Jo",
  lastName: "C",
  dateOfBirth: "1990-03-27",
  email: "jo@example.com",
  mobile: "0400000000",
};

describe("edge client", () => {
  it("builds the contract's paths and queries", async () => {
    handler = json(200, { days: [], timezone: "Australia/Melbourne", nextAvailable: null });
    const client = createEdgeClient(api, "harbour side");
    await client.availability(
      {
        locationId: "l1",
        appointmentTypeId: "t1",
        from: "2026-12-01",
        to: "2026-12-07",
        practitionerId: undefined,
      },
      signal(),
    );
    expect(seen.at(-1)?.url).toBe(
      "/v1/clinics/harbour%20side/availability?locationId=l1&appointmentTypeId=t1&from=2026-12-01&to=2026-12-07",
    );
    handler = json(200, { appointmentTypes: [] });
    await client.appointmentTypes({ locationId: "l1", practitionerId: "p1" }, signal());
    expect(seen.at(-1)?.url).toBe(
      "/v1/clinics/harbour%20side/appointment-types?locationId=l1&practitionerId=p1",
    );
    await client.appointmentTypes({ locationId: "l1", disciplineId: "physiotherapy" }, signal());
    expect(seen.at(-1)?.url).toBe(
      "/v1/clinics/harbour%20side/appointment-types?locationId=l1&disciplineId=physiotherapy",
    );
    handler = json(200, { practitioners: [] });
    await client.practitioners({}, signal());
    expect(seen.at(-1)?.url).toBe("/v1/clinics/harbour%20side/practitioners");
    await client.practitioners({ locationId: "l1", disciplineId: "physiotherapy" }, signal());
    expect(seen.at(-1)?.url).toBe(
      "/v1/clinics/harbour%20side/practitioners?locationId=l1&disciplineId=physiotherapy",
    );
    handler = json(200, { clinic: {} });
    await client.profile(signal());
    expect(seen.at(-1)?.url).toBe("/v1/clinics/harbour%20side");
  });

  it("posts bookings with the idempotency key and JSON body, without cookies", async () => {
    handler = json(201, { booking: { reference: "HB-1" } });
    const out = await book(api, "c", { slot, patient, consent: true }, "cpk_0123456789", signal());
    expect(out.booking.reference).toBe("HB-1");
    const req = seen.at(-1)!;
    expect(req.headers["idempotency-key"]).toBe("cpk_0123456789");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers.cookie).toBeUndefined();
    expect(JSON.parse(req.body)).toEqual({ slot, patient, consent: true });
  });

  it("reads with fetch's defaults, which a page's preload of the bootstrap matches; writes send no credentials", async () => {
    const sent: Request[] = [];
    const spy: typeof fetch = (input, init) => {
      sent.push(new Request(input, init));
      return fetch(input, init);
    };
    handler = json(200, { clinic: {}, practitioners: [] });
    await createEdgeClient(api, "c", spy).bootstrap(
      { locationId: "l1", appointmentTypeId: undefined, practitionerId: undefined, disciplineId: undefined },
      signal(),
    );
    // `<link rel="preload" as="fetch" crossorigin>` asks in mode cors with credentials same-origin.
    expect(sent.map((r) => [r.mode, r.credentials])).toEqual([["cors", "same-origin"]]);
    handler = json(201, { booking: { reference: "HB-1" } });
    await book(api, "c", { slot, patient, consent: true }, "cpk_0123456789", signal(), spy);
    await createManageClient(api, "c", undefined, spy).lookup(
      { reference: "HB-1", lastName: "C", dateOfBirth: "1990-03-27" },
      signal(),
    );
    expect(sent.slice(1).map((r) => [r.method, r.mode, r.credentials])).toEqual([
      ["POST", "cors", "omit"],
      ["POST", "cors", "omit"],
    ]);
  });

  it("maps problem+json to stable codes", async () => {
    const client = createEdgeClient(api, "c");
    handler = problem(409, "slot-unavailable");
    expect(
      await failure(book(api, "c", { slot, patient, consent: true }, "cpk_0123456789", signal())),
    ).toMatchObject({
      code: "ERR_SLOT_UNAVAILABLE",
      status: 409,
      retryable: false,
    });
    handler = problem(422, "validation", [
      { pointer: "/patient/email", code: "invalid_email", detail: "bad" },
    ]);
    const invalid = await failure(client.profile(signal()));
    expect(invalid.code).toBe("ERR_VALIDATION");
    expect(invalid.fieldErrors).toEqual([
      { pointer: "/patient/email", code: "invalid_email", detail: "bad" },
    ]);
    handler = problem(429, "rate-limited");
    expect(await failure(client.profile(signal()))).toMatchObject({
      code: "ERR_RATE_LIMITED",
      retryable: true,
    });
    handler = problem(503, "upstream-unavailable");
    expect(await failure(client.profile(signal()))).toMatchObject({ code: "ERR_UPSTREAM", retryable: true });
    handler = problem(404, "clinic-not-found");
    expect(await failure(client.profile(signal()))).toMatchObject({
      code: "ERR_NOT_FOUND",
      problemType: "clinic-not-found",
    });
    handler = problem(422, "spam");
    expect(await failure(client.profile(signal()))).toMatchObject({ code: "ERR_REFUSED", retryable: false });
  });

  it("treats a broken or unexpected body as a retryable bad response", async () => {
    handler = (_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end("{not json");
    expect(await failure(createEdgeClient(api, "c").profile(signal()))).toMatchObject({
      code: "ERR_BAD_RESPONSE",
      retryable: true,
    });
    handler = json(200, { something: "else" });
    expect((await failure(createEdgeClient(api, "c").profile(signal()))).code).toBe("ERR_BAD_RESPONSE");
  });

  it("reports a dropped connection as a network error", async () => {
    handler = (req) => req.socket.destroy();
    expect(await failure(createEdgeClient(api, "c").profile(signal()))).toMatchObject({
      code: "ERR_NETWORK",
      retryable: true,
    });
  });

  it("reports an abort by the caller as aborted, not as a failure to show", async () => {
    handler = () => undefined; // never answers
    const controller = new AbortController();
    const pending = createEdgeClient(api, "c").profile(controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(await failure(pending)).toMatchObject({ code: "ERR_ABORTED", retryable: false });
  });

  it("reports a read that outlasts its timeout as timed out (a retry may help), not as aborted", async () => {
    handler = () => undefined; // never answers
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const pending = createEdgeClient(api, "c").profile(signal());
      await vi.advanceTimersByTimeAsync(GET_TIMEOUT_MS - 1);
      let settled = false;
      void pending.catch(() => undefined).finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await failure(pending)).toMatchObject({ code: "ERR_TIMEOUT", retryable: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it("never puts patient details in the error", async () => {
    handler = problem(422, "validation", [
      { pointer: "/patient/email", code: "invalid_email", detail: "bad" },
    ]);
    const e = await failure(book(api, "c", { slot, patient, consent: true }, "cpk_0123456789", signal()));
    expect(JSON.stringify({ ...e, message: e.message })).not.toContain("jo@example.com");
    expect(e.message).not.toContain("Jo");
  });

  it("calls the manage endpoints with the contract's paths, keys only the changes, and gives every POST a fresh proof", async () => {
    handler = json(200, { booking: { reference: "100616" } });
    let taken = 0;
    const client = createManageClient(api, "harbour side", { take: async () => ({ n: ++taken }) });
    const sentProof = () => (JSON.parse(seen.at(-1)!.body) as { proof?: unknown }).proof;
    await client.lookup({ reference: "100616", lastName: "Walker", dateOfBirth: "1969-10-14" }, signal());
    expect(seen.at(-1)).toMatchObject({ url: "/v1/clinics/harbour%20side/bookings/lookup" });
    expect(seen.at(-1)?.headers["idempotency-key"]).toBeUndefined();
    expect(sentProof()).toEqual({ n: 1 });
    await client.get("a.b/c", signal());
    expect(seen.at(-1)?.url).toBe("/v1/clinics/harbour%20side/bookings/a.b%2Fc");
    expect(taken).toBe(1);
    await client.cancel("tok", { reason: "Better" }, "cpk_0123456789", signal());
    expect(seen.at(-1)).toMatchObject({
      url: "/v1/clinics/harbour%20side/bookings/tok/cancel",
      body: '{"reason":"Better","proof":{"n":2}}',
    });
    expect(seen.at(-1)?.headers["idempotency-key"]).toBe("cpk_0123456789");
    await client.reschedule("tok", { start: "2026-12-03T09:00:00+11:00" }, "cpk_abcdefghij", signal());
    expect(seen.at(-1)?.url).toBe("/v1/clinics/harbour%20side/bookings/tok/reschedule");
    expect(seen.at(-1)?.headers["idempotency-key"]).toBe("cpk_abcdefghij");
    expect(sentProof()).toEqual({ n: 3 });
    // A clinic that asks for none: no proof field at all.
    await createManageClient(api, "c", { take: async () => undefined }).cancel(
      "t",
      {},
      "cpk_0123456789",
      signal(),
    );
    expect(seen.at(-1)?.body).toBe("{}");
  });

  it("tells a slot taken apart from the other 409s of a change", async () => {
    const client = createManageClient(api, "c");
    const body = { start: "2026-12-03T09:00:00+11:00" };
    handler = problem(409, "slot-unavailable");
    expect((await failure(client.reschedule("t", body, "cpk_0123456789", signal()))).code).toBe(
      "ERR_SLOT_UNAVAILABLE",
    );
    handler = problem(409, "too-late-to-change");
    expect(await failure(client.reschedule("t", body, "cpk_0123456789", signal()))).toMatchObject({
      code: "ERR_REFUSED",
      problemType: "too-late-to-change",
      retryable: false,
    });
    handler = problem(404, "booking-not-found");
    expect(await failure(client.get("t", signal()))).toMatchObject({
      code: "ERR_NOT_FOUND",
      problemType: "booking-not-found",
    });
  });
});
