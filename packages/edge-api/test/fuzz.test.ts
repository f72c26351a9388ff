/**
 * Property-based fuzzing (fast-check) of every endpoint's query and body against the real sandbox:
 * whatever arrives, the answer is never a 5xx, and every non-2xx is a well-formed problem+json.
 * Paced within the budget: most inputs fail validation locally, and the rest wait for the limiter.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { patient, type Stack, seedIds, startStack } from "./stack.ts";

let s: Stack;
let ids: ReturnType<typeof seedIds>;
beforeAll(async () => {
  s = await startStack();
  ids = seedIds(s);
  await fetch(s.api); // warm the catalogue
});
afterAll(() => s?.close());

async function checkAnswer(res: Response, what: string): Promise<void> {
  const text = await res.text();
  expect(res.status, `${what} → ${res.status} ${text.slice(0, 200)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get("content-type"), what).toBe("application/problem+json");
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(
      typeof body.type === "string" && body.type.startsWith("https://coreplus-kit.dev/problems/"),
      what,
    ).toBe(true);
    expect(typeof body.title, what).toBe("string");
    expect(body.status, what).toBe(res.status);
    expect(typeof body.detail, what).toBe("string");
    expect(text, what).not.toMatch(/\n\s+at |node_modules|JwToken/);
  } else {
    expect(res.headers.get("content-type"), what).toMatch(/^application\/json/);
    JSON.parse(text);
  }
}

const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "",
    "null",
    "2026-12-01",
    "2026-13-01",
    "0000-00-00",
    "9999-12-31",
    "-1",
    "1e9",
    "%00",
    "../..",
  ),
  fc.integer().map(String),
);
const dates = fc
  .date({ min: new Date("2026-10-01T00:00:00Z"), max: new Date("2027-03-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("fuzzing", () => {
  test("GET /availability with arbitrary queries", { timeout: 90_000 }, async () => {
    const idOrJunk = (real: () => string[]) => fc.oneof(fc.constantFrom(...real()), junk);
    const query = fc.record(
      {
        locationId: idOrJunk(() => [ids.docklands, ids.hamilton, ids.williamstown]),
        appointmentTypeId: idOrJunk(() => [ids.standard, ids.initial, ids.psych, ids.hydro]),
        practitionerId: idOrJunk(() => [ids.nguyen, ids.oconnor]),
        from: fc.oneof(dates, junk),
        to: fc.oneof(dates, junk),
        extra: junk,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const params = new URLSearchParams(
          Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][],
        );
        const url = `${s.api}/availability?${params}`;
        await checkAnswer(await fetch(url), url);
      }),
      { numRuns: 150 },
    );
  });

  test("GET /practitioners, /appointment-types and the profile with arbitrary queries and slugs", {
    timeout: 60_000,
  }, async () => {
    const query = fc.dictionary(fc.constantFrom("locationId", "practitionerId", "x"), junk, { maxKeys: 3 });
    const path = fc.constantFrom(
      "",
      "/practitioners",
      "/appointment-types",
      "/availability",
      "/bookings",
      "/nope",
    );
    const slug = fc.oneof(
      fc.constant("harbourside"),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
      fc.stringMatching(/^[%a-fz0-9]{1,6}$/), // raw, possibly malformed, percent escapes
    );
    await fc.assert(
      fc.asyncProperty(slug, path, query, async (sl, p, q) => {
        const url = `${s.edge.url}/v1/clinics/${sl}${p}?${new URLSearchParams(q)}`;
        await checkAnswer(await fetch(url), url);
      }),
      { numRuns: 150 },
    );
  });

  test("POST /bookings with arbitrary bodies and headers", { timeout: 90_000 }, async () => {
    const validish = fc.record({
      slot: fc.record({
        locationId: fc.oneof(fc.constant(ids.docklands), junk),
        practitionerId: fc.oneof(fc.constant(ids.oconnor), junk),
        appointmentTypeId: fc.oneof(fc.constant(ids.standard), junk),
        start: fc.oneof(
          dates.map((d) => `${d}T10:00:00+11:00`),
          fc.constantFrom("2026-12-15T10:00:00+11:00", "2026-12-15T10:00:00", "2026-12-15 10:00 +11:00"),
          junk,
        ),
      }),
      patient: fc.oneof(
        fc.constant(patient()),
        fc.record({
          firstName: junk,
          lastName: junk,
          dateOfBirth: fc.oneof(dates, junk),
          email: junk,
          mobile: junk,
        }),
      ),
      consent: fc.oneof(fc.constant(true), fc.boolean(), junk),
      note: fc.option(fc.string({ maxLength: 400 }), { nil: undefined }),
      website: fc.option(fc.constantFrom("", "x"), { nil: undefined }),
    });
    const body = fc.oneof(
      validish.map((b) => JSON.stringify(b)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
    );
    const key = fc.oneof(fc.uuid(), fc.string({ maxLength: 140 }), fc.constant(undefined));
    const type = fc.constantFrom("application/json", "text/plain", "application/problem+json", "");
    await fc.assert(
      fc.asyncProperty(body, key, type, async (b, k, t) => {
        const headers: Record<string, string> = {};
        if (t) headers["content-type"] = t;
        if (k !== undefined) headers["idempotency-key"] = k.replace(/[^\x20-\x7e]/g, "");
        const res = await fetch(`${s.api}/bookings`, { method: "POST", headers, body: b });
        await checkAnswer(res, `POST ${b.slice(0, 120)}`);
      }),
      { numRuns: 200 },
    );
  });
});
