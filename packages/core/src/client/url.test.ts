import { describe, expect, test } from "vitest";
import { backoffMs, parseRetryAfter, retryPolicy } from "./retry.js";
import { apiBaseFor, buildUrl, encodeQuery } from "./url.js";

describe("apiBaseFor", () => {
  test.each([
    ["https://sandbox.coreplus.com.au", undefined, "https://sandbox.coreplus.com.au/API/Core/v2.1"],
    ["https://sandbox.coreplus.com.au/", "v2", "https://sandbox.coreplus.com.au/API/Core/v2"],
    [
      "https://sandbox.coreplus.com.au/API/Core/v2.1/",
      undefined,
      "https://sandbox.coreplus.com.au/API/Core/v2.1",
    ],
    ["https://sandbox.coreplus.com.au/api/core/v2", undefined, "https://sandbox.coreplus.com.au/API/Core/v2"],
    ["https://sandbox.coreplus.com.au/api/core/v2", "v2.1", "https://sandbox.coreplus.com.au/API/Core/v2.1"],
    ["http://127.0.0.1:4010/proxy/API/Core/v2.1", undefined, "http://127.0.0.1:4010/proxy/API/Core/v2.1"],
  ] as const)("%s (%s) → %s", (base, version, expected) => {
    expect(apiBaseFor(base, version)).toBe(expected);
  });
  test("rejects a relative base", () => {
    expect(() => apiBaseFor("sandbox.coreplus.com.au")).toThrow(TypeError);
  });
});

describe("buildUrl", () => {
  const base = "http://127.0.0.1:4010/API/Core/v2.1";
  test("canonical trailing slash, repeated keys, booleans, undefined left out", () => {
    expect(buildUrl(base, "Client")).toBe(`${base}/Client/`);
    expect(buildUrl(base, "/Client/abc")).toBe(`${base}/Client/abc/`);
    expect(
      buildUrl(base, "/AvailabilitySlot/", {
        startDate: "2026-12-01",
        practitionerId: ["a", "b"],
        includeCancelled: true,
        pageSize: 100,
        skip: undefined,
      }),
    ).toBe(
      `${base}/AvailabilitySlot/?startDate=2026-12-01&practitionerId=a&practitionerId=b&includeCancelled=true&pageSize=100`,
    );
  });
  test("what we build is what the URL parser (and fetch) keeps", () => {
    const url = buildUrl(base, "/Client/", { name: "O'Brien (Jr)*! & co", email: "a+b@x.com" });
    expect(new URL(url).href).toBe(url);
    expect(new URL(url).searchParams.get("name")).toBe("O'Brien (Jr)*! & co");
    expect(new URL(url).searchParams.get("email")).toBe("a+b@x.com");
    expect(url).toContain("name=O%27Brien%20%28Jr%29%2A%21%20%26%20co");
  });
  test("a query string in the path is refused", () => {
    expect(() => buildUrl(base, "/Client/?name=x")).toThrow(TypeError);
  });
  test("encodeQuery of nothing", () => {
    expect(encodeQuery(undefined)).toBe("");
    expect(encodeQuery({})).toBe("");
  });
});

describe("retry timing", () => {
  test("exponential, capped, jittered between half and full", () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect(backoffMs(0, policy, () => 0)).toBe(50);
    expect(backoffMs(0, policy, () => 1)).toBe(100);
    expect(backoffMs(2, policy, () => 1)).toBe(400);
    expect(backoffMs(10, policy, () => 1)).toBe(1000);
    expect(backoffMs(10, policy, () => 0)).toBe(500);
    expect(() => retryPolicy({ retries: -1 })).toThrow(RangeError);
  });
  test("Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("1", now)).toBe(1000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:03 GMT", now)).toBe(3000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
