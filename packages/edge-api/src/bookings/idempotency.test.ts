import { describe, expect, test } from "vitest";
import { hmacKey, sha256Hex } from "../internal/crypto.js";
import { bodyHash, canonicalJson, requireIdempotencyKey } from "./idempotency.js";

describe("idempotency", () => {
  test("canonical JSON ignores key order and undefined fields", async () => {
    const key = await hmacKey("a-deployment-secret-of-32-characters!");
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"e":1,"f":2}]},"b":1}',
    );
    expect(await bodyHash(key, { a: 1, b: 2 })).toBe(await bodyHash(key, { b: 2, a: 1 }));
    expect(await bodyHash(key, { a: 1 })).not.toBe(await bodyHash(key, { a: 2 }));
    expect(await bodyHash(key, {})).toMatch(/^[0-9a-f]{64}$/);
  });

  test("the body hash is an HMAC keyed by the secret, not a bare SHA-256 anyone can recompute", async () => {
    const body = { patient: { firstName: "Ada", lastName: "Lovelace", dateOfBirth: "1990-02-03" } };
    const one = await bodyHash(await hmacKey("secret-one-secret-one-secret-one!"), body);
    const two = await bodyHash(await hmacKey("secret-two-secret-two-secret-two!"), body);
    expect(one).not.toBe(two);
    expect(one).not.toBe(await sha256Hex(canonicalJson(body)));
  });

  test("keys must be 8 to 128 printable characters", () => {
    expect(requireIdempotencyKey("abcdefgh")).toBe("abcdefgh");
    expect(() => requireIdempotencyKey(undefined)).toThrow(/Idempotency-Key/);
    expect(() => requireIdempotencyKey("seven77")).toThrow();
    expect(() => requireIdempotencyKey("x".repeat(129))).toThrow();
    expect(() => requireIdempotencyKey("has space inside")).toThrow();
  });
});
