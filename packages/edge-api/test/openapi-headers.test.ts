/**
 * The response headers of /openapi.json are the ones the API sends: real requests over HTTP against
 * the sandbox (reads, a booking and its replay, a cancel and its replay, problems of each kind, a
 * rate limit, the health), and for each answer, every header below that it carries is documented on
 * its operation's response for that status, and every header documented as required is there.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  availability,
  bookingBody,
  NEXT_MONDAY,
  type Stack,
  seedIds,
  solvedProof,
  startStack,
} from "./stack.ts";

/** The headers whose documentation is checked (lower case). */
const WATCHED = [
  "x-request-id",
  "server-timing",
  "vary",
  "cache-control",
  "retry-after",
  "idempotent-replayed",
  "content-disposition",
  "etag",
  "last-modified",
  "age",
];

interface HeaderDoc {
  required?: boolean;
  $ref?: string;
}
interface Doc {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { headers?: Record<string, HeaderDoc> }> }>
  >;
  components: { headers: Record<string, HeaderDoc> };
}

let s: Stack;
let doc: Doc;
let ids: ReturnType<typeof seedIds>;
let visitor = 0;
const LIMITED_VISITOR = "203.0.113.77";

beforeAll(async () => {
  s = await startStack({
    config: (c) => ({
      ...c,
      trustProxy: true,
      clinics: c.clinics.map((clinic) => ({
        ...clinic,
        limits: { ...clinic.limits, reads: { limit: 2, windowMs: 60_000 } },
      })),
    }),
  });
  ids = seedIds(s);
  doc = (await (await fetch(`${s.edge.url}/openapi.json`)).json()) as Doc;
});
afterAll(() => s?.close());

/** The documented path template that `path` matches. */
function templateOf(path: string, method: string): string {
  const matches = Object.keys(doc.paths).filter((t) => {
    if (!doc.paths[t]?.[method]) return false;
    const re = new RegExp(`^${t.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    return re.test(path);
  });
  // A literal segment beats a parameter (…/bookings/lookup over …/bookings/{token}).
  matches.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  const found = matches[0];
  if (!found) throw new Error(`no documented operation for ${method} ${path}`);
  return found;
}

/** What is wrong between an answer's headers and its documented response. */
function headerProblems(method: string, url: string, res: Response): string[] {
  const path = new URL(url).pathname;
  const template = templateOf(path, method);
  const response = doc.paths[template]?.[method]?.responses[String(res.status)];
  const where = `${method.toUpperCase()} ${template} ${res.status}`;
  if (!response) return [`${where}: the status is not documented`];
  const documented = new Map<string, HeaderDoc>();
  for (const [name, h] of Object.entries(response.headers ?? {})) {
    const resolved = h.$ref ? doc.components.headers[h.$ref.split("/").pop() ?? ""] : h;
    if (!resolved) return [`${where}: ${name} refers to a missing component`];
    documented.set(name.toLowerCase(), resolved);
  }
  const problems: string[] = [];
  for (const name of WATCHED)
    if (res.headers.has(name) && !documented.has(name))
      problems.push(`${where}: ${name} sent, not documented`);
  for (const [name, h] of documented)
    if (h.required && !res.headers.has(name))
      problems.push(`${where}: ${name} documented as required, not sent`);
  return problems;
}

const problems: string[] = [];
const seen = new Set<string>();

/** Sends a request as a new visitor (unless `visitorAddress`), checks its headers, returns it. */
async function call(url: string, init: RequestInit & { visitorAddress?: string } = {}) {
  const method = (init.method ?? "GET").toLowerCase();
  const headers = new Headers(init.headers);
  headers.set("x-forwarded-for", init.visitorAddress ?? `198.51.100.${++visitor}`);
  const res = await fetch(url, { ...init, headers });
  const text = await res.text();
  problems.push(...headerProblems(method, url, res));
  seen.add(`${method} ${res.status}`);
  return { res, text };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe("documented response headers", () => {
  test("every watched header an answer carries is documented, every required one is sent", async () => {
    const api = s.api;
    const origin = { origin: "http://localhost:5173" };
    await call(api, { headers: origin });
    await call(`${s.edge.url}/v1/clinics/nowhere`);
    await call(api, { headers: { origin: "https://elsewhere.invalid" } });
    await call(`${api}/practitioners`);
    await call(`${api}/appointment-types?locationId=${ids.docklands}`);
    await call(`${api}/availability?locationId=${ids.docklands}`);
    const q = {
      locationId: ids.docklands,
      appointmentTypeId: ids.standard,
      from: NEXT_MONDAY,
      to: NEXT_MONDAY,
    };
    await call(`${api}/availability?${new URLSearchParams(q)}`);
    await call(`${api}/challenge`);
    await call(`${s.edge.url}/healthz`);

    // A booking, its replay (Idempotent-Replayed), and problems before and under the key's lock.
    const slot = (await availability(s, q)).body.days[0]!.slots[0]!;
    const body = bookingBody(slot, ids.standard);
    const proof = await solvedProof(api);
    const booked = await call(
      `${api}/bookings`,
      json({ ...body, proof }, { "idempotency-key": "headers-booking-1" }),
    );
    expect(booked.res.status, booked.text).toBe(201);
    const replay = await call(
      `${api}/bookings`,
      json({ ...body, proof: undefined }, { "idempotency-key": "headers-booking-1" }),
    );
    expect(replay.res.status, replay.text).toBe(201);
    expect(replay.res.headers.get("idempotent-replayed")).toBe("true");
    await call(`${api}/bookings`, json(body));
    await call(`${api}/bookings`, {
      method: "POST",
      headers: { "idempotency-key": "headers-booking-2" },
      body: "x",
    });
    await call(
      `${api}/bookings`,
      json({ ...body, consent: false }, { "idempotency-key": "headers-booking-3" }),
    );

    // Managing it: the token's booking, a bad token, a cancel and its replay.
    const token = (JSON.parse(booked.text) as { manage: { token: string } }).manage.token;
    await call(`${api}/bookings/${token}`);
    await call(`${api}/bookings/not-a-token`);
    // Its calendar file (200 with Content-Disposition), a bad token's 404, a foreign link's 422.
    const calendar = `${api}/bookings/${token}/calendar.ics`;
    const ics = await call(`${calendar}?manage=${encodeURIComponent(`http://localhost:5173/?t=${token}`)}`);
    expect(ics.res.status, ics.text).toBe(200);
    await call(`${api}/bookings/not-a-token/calendar.ics`);
    await call(`${calendar}?manage=${encodeURIComponent("https://elsewhere.invalid/manage")}`);
    await call(
      `${api}/bookings/lookup`,
      json({ reference: "NOPE", lastName: "Nobody", dateOfBirth: "1980-01-01" }),
    );
    const cancelled = await call(
      `${api}/bookings/${token}/cancel`,
      json({}, { "idempotency-key": "headers-cancel-1" }),
    );
    const again = await call(
      `${api}/bookings/${token}/cancel`,
      json({}, { "idempotency-key": "headers-cancel-1" }),
    );
    expect(again.res.status, again.text).toBe(cancelled.res.status);

    // The reads limit (2 a minute here): a 429 with Retry-After.
    for (let i = 0; i < 3; i++) await call(`${api}/practitioners`, { visitorAddress: LIMITED_VISITOR });

    expect(problems).toEqual([]);
    // The answers above covered these kinds.
    for (const kind of [
      "get 200",
      "get 403",
      "get 404",
      "get 422",
      "get 429",
      "post 201",
      "post 400",
      "post 422",
    ])
      expect(seen, kind).toContain(kind);
  });
});
