import { describe, expect, test } from "vitest";
import { bodyHash, canonicalJson, requireIdempotencyKey } from "./idempotency.js";

describe("idempotency", () => {
  test("canonical JSON ignores key order and undefined fields", async () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"e":1,"f":2}]},"b":1}',
    );
    expect(await bodyHash({ a: 1, b: 2 })).toBe(await bodyHash({ b: 2, a: 1 }));
    expect(await bodyHash({ a: 1 })).not.toBe(await bodyHash({ a: 2 }));
    expect(await bodyHash({})).toMatch(/^[0-9a-f]{64}$/);
  });

  test("keys must be 8 to 128 printable characters", () => {
    expect(requireIdempotencyKey("abcdefgh")).toBe("abcdefgh");
    expect(() => requireIdempotencyKey(undefined)).toThrow(/Idempotency-Key/);
    expect(() => requireIdempotencyKey("seven77")).toThrow();
    expect(() => requireIdempotencyKey("x".repeat(129))).toThrow();
    expect(() => requireIdempotencyKey("has space inside")).toThrow();
  });
});
