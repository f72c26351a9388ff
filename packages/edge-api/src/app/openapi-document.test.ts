import { describe, expect, test } from "vitest";
import { defaultSandboxConfig } from "../config/default-sandbox.js";
import { createEdgeApp } from "./create-app.js";

type Header = { $ref: string };
type Doc = {
  servers: { url: string; description: string }[];
  security: unknown[];
  tags: { name: string; description?: string }[];
  paths: Record<
    string,
    Record<
      string,
      { tags: string[]; security?: unknown[]; responses: Record<string, { headers: Record<string, Header> }> }
    >
  >;
  components: { headers: Record<string, { required?: boolean }>; securitySchemes: Record<string, unknown> };
};

const config = defaultSandboxConfig({ baseUrl: "http://127.0.0.1:9" });
const docOf = async (app: ReturnType<typeof createEdgeApp>, url = "http://127.0.0.1:8787/openapi.json") =>
  (await (await app.request(url)).json()) as Doc;

describe("the OpenAPI document", () => {
  test("servers: the origin it was fetched from, or the configured publicUrl", async () => {
    const app = createEdgeApp(config, { logger: () => {} });
    expect((await docOf(app)).servers).toEqual([
      { url: "http://127.0.0.1:8787", description: "This deployment" },
    ]);
    expect((await docOf(app, "https://book.harbourside.example/openapi.json")).servers[0]?.url).toBe(
      "https://book.harbourside.example",
    );
    const configured = createEdgeApp(
      { ...config, publicUrl: "https://api.harbourside.example" },
      { logger: () => {} },
    );
    expect((await docOf(configured, "http://10.0.0.5:8787/openapi.json")).servers[0]?.url).toBe(
      "https://api.harbourside.example",
    );
  });

  test("public by default; /healthz optionally with the health token; every tag described", async () => {
    const doc = await docOf(createEdgeApp(config, { logger: () => {} }));
    expect(doc.security).toEqual([]);
    expect(doc.paths["/healthz"]?.get?.security).toEqual([{}, { healthToken: [] }]);
    expect(doc.components.securitySchemes.healthToken).toMatchObject({ type: "http", scheme: "bearer" });
    const used = new Set(Object.values(doc.paths).flatMap((p) => Object.values(p).flatMap((op) => op.tags)));
    expect(doc.tags.map((t) => t.name).sort()).toEqual([...used].sort());
    for (const tag of doc.tags) expect(tag.description, tag.name).toBeTruthy();
  });

  test("the middleware's headers on every response they apply to, the route's own beside them", async () => {
    const doc = await docOf(createEdgeApp(config, { logger: () => {} }));
    const headers = (path: string, method: string, status: string) =>
      Object.keys(doc.paths[path]?.[method]?.responses[status]?.headers ?? {});
    const booking = "/v1/clinics/{clinic}/bookings";
    expect(headers(booking, "post", "201")).toEqual([
      "X-Request-Id",
      "Server-Timing",
      "Vary",
      "Cache-Control",
      "Idempotent-Replayed",
    ]);
    expect(headers(booking, "post", "429")).toEqual([
      "X-Request-Id",
      "Server-Timing",
      "Vary",
      "Cache-Control",
      "Retry-After",
    ]);
    expect(doc.paths[booking]?.post?.responses["503"]?.headers["Retry-After"]).toEqual({
      $ref: "#/components/headers/Retry-After-When-Known",
    });
    expect(headers("/v1/clinics/{clinic}/bookings/{token}", "get", "200")).toEqual([
      "X-Request-Id",
      "Server-Timing",
      "Vary",
    ]);
    expect(headers("/v1/clinics/{clinic}/bookings/{token}/calendar.ics", "get", "200")).toEqual([
      "X-Request-Id",
      "Server-Timing",
      "Vary",
      "Cache-Control",
      "Content-Disposition",
    ]);
    const calendar = doc.paths["/v1/clinics/{clinic}/bookings/{token}/calendar.ics"]?.get as unknown as {
      operationId: string;
      tags: string[];
      parameters: { name: string; in: string; required?: boolean }[];
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(calendar.operationId).toBe("getBookingCalendar");
    expect(calendar.tags).toEqual(["manage"]);
    expect(Object.keys(calendar.responses["200"]?.content ?? {})).toEqual(["text/calendar"]);
    expect(Object.keys(calendar.responses).sort()).toEqual([
      "200",
      "403",
      "404",
      "422",
      "429",
      "502",
      "503",
      "504",
    ]);
    expect(calendar.parameters.find((p) => p.name === "manage")).toMatchObject({
      in: "query",
      required: false,
    });
    expect(headers("/v1/clinics/{clinic}/challenge", "get", "200")).toContain("Cache-Control");
    expect(headers("/healthz", "get", "200")).toEqual(["X-Request-Id", "Server-Timing", "Cache-Control"]);
    expect(doc.components.headers["Retry-After"]?.required).toBe(true);
    expect(doc.components.headers["Retry-After-When-Known"]?.required).toBeUndefined();
  });
});
