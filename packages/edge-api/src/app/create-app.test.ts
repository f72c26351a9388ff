import { describe, expect, test } from "vitest";
import { defaultSandboxConfig } from "../config/default-sandbox.js";
import { createEdgeApp } from "./create-app.js";

// No upstream is reachable here: these requests must all be answered before coreplus is needed.
const config = defaultSandboxConfig({ baseUrl: "http://127.0.0.1:9" });
const logs: Record<string, unknown>[] = [];
const app = createEdgeApp(config, { logger: (e) => logs.push(e) });
const base = "/v1/clinics/harbourside";

async function problem(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as { type: string; status: number; detail: string };
}

describe("createEdgeApp without upstream", () => {
  test("serves an OpenAPI 3.1 document generated from the schemas", async () => {
    const res = await app.request("/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: unknown;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/v1/clinics/{clinic}",
        "/v1/clinics/{clinic}/practitioners",
        "/v1/clinics/{clinic}/appointment-types",
        "/v1/clinics/{clinic}/availability",
        "/v1/clinics/{clinic}/bookings",
        "/healthz",
      ]),
    );
    expect(JSON.stringify(doc.components)).toContain("BookingRequest");
  });

  test("every operation has a unique operationId and a tag", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
    };
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(ops.length).toBeGreaterThanOrEqual(6);
    for (const op of ops) {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.tags?.length).toBeGreaterThan(0);
    }
    expect(new Set(ops.map((op) => op.operationId)).size).toBe(ops.length);
  });

  test("unknown clinic → 404 clinic-not-found; unknown path → 404 not-found", async () => {
    const a = await problem(await app.request("/v1/clinics/nowhere"));
    expect(a.type).toMatch(/\/clinic-not-found$/);
    expect(a.status).toBe(404);
    const b = await problem(await app.request("/nothing-here"));
    expect(b.type).toMatch(/\/not-found$/);
  });

  test("a malformed escape in the slug is a 404, and GET /bookings a 405", async () => {
    const a = await app.request("/v1/clinics/%zz");
    expect(a.status).toBe(404);
    expect((await problem(a)).type).toMatch(/\/clinic-not-found$/);
    const b = await app.request(`${base}/bookings`);
    expect(b.status).toBe(405);
    expect(b.headers.get("allow")).toBe("POST, OPTIONS");
    expect((await problem(b)).type).toMatch(/\/method-not-allowed$/);
  });

  test("preflight from a loopback origin is answered without counting", async () => {
    const res = await app.request(`${base}/bookings`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(res.headers.get("access-control-allow-headers")).toBe("Content-Type, Idempotency-Key");
    expect(res.headers.get("access-control-max-age")).toBe("600");
  });

  test("problems carry the CORS, security and timing headers too", async () => {
    const res = await app.request(`${base}/availability?from=nope`, {
      headers: { origin: "http://localhost:5173" },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(res.headers.get("access-control-expose-headers")).toContain("Retry-After");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("server-timing")).toMatch(/^app;dur=/);
    expect((await problem(res)).type).toMatch(/\/validation$/);
    expect(logs.at(-1)).toMatchObject({ status: 422, problem: "validation" });
  });

  test("a foreign origin is refused", async () => {
    const res = await app.request(base, { headers: { origin: "https://evil.example" } });
    expect((await problem(res)).type).toMatch(/\/forbidden-origin$/);
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    app.request(`${base}/bookings`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "idempotency-key": "test-key-0001", ...headers },
    });

  test("malformed JSON → 400 malformed-body", async () => {
    const res = await post("{not json");
    expect(res.status).toBe(400);
    expect((await problem(res)).type).toMatch(/\/malformed-body$/);
  });

  test("honeypot → 422 spam, before anything else", async () => {
    const res = await post(JSON.stringify({ website: "http://spam.example" }), { "idempotency-key": "" });
    expect(res.status).toBe(422);
    expect((await problem(res)).type).toMatch(/\/spam$/);
  });

  test("missing or short Idempotency-Key → 400 idempotency-key-missing", async () => {
    for (const key of ["", "short"]) {
      const res = await post("{}", { "idempotency-key": key });
      expect(res.status).toBe(400);
      expect((await problem(res)).type).toMatch(/\/idempotency-key-missing$/);
    }
  });

  test("a body over the limit → 413 payload-too-large", async () => {
    const res = await post(JSON.stringify({ note: "x".repeat(20_000) }));
    expect(res.status).toBe(413);
    expect((await problem(res)).type).toMatch(/\/payload-too-large$/);
  });

  test("a body that is not JSON → 415", async () => {
    const res = await post("a=b", { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
  });

  test("secure headers, request id and Server-Timing on every answer; logs carry no body", async () => {
    const res = await post(JSON.stringify({ patient: { firstName: "Zebedee" }, website: "x" }));
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("server-timing")).toMatch(/^app;dur=\d/);
    expect(JSON.stringify(logs)).not.toContain("Zebedee");
    expect(logs.at(-1)).toMatchObject({ msg: "request", status: 422, method: "POST" });
  });

  test("/docs renders swagger-ui from local assets", async () => {
    const res = await app.request("/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("/docs/assets/swagger-ui-bundle.js");
    expect(html).not.toMatch(/https?:\/\/(?!127)/);
  });
});
