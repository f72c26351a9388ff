import { describe, expect, it } from "vitest";
import { canonicalJson, createIdempotencyKeys, newIdempotencyKey } from "./idempotency.ts";

const body = (start = "2026-12-02T09:00:00+11:00", email = "jo@example.com") => ({
  slot: { locationId: "l1", practitionerId: "p1", appointmentTypeId: "t1", start },
  patient: { firstName: "Jo", lastName: "Citizen", dateOfBirth: "1990-03-27", email, mobile: "0400 000 000" },
  consent: true,
});

describe("idempotency keys", () => {
  it("reuses one key for every retry of the same slot and details", () => {
    const keys = createIdempotencyKeys();
    const first = keys.keyFor(body());
    expect(keys.keyFor(body())).toBe(first);
    expect(keys.keyFor(JSON.parse(JSON.stringify(body())))).toBe(first);
  });

  it("makes a new key when the slot or the details change", () => {
    const keys = createIdempotencyKeys();
    const first = keys.keyFor(body());
    const otherSlot = keys.keyFor(body("2026-12-02T09:30:00+11:00"));
    expect(otherSlot).not.toBe(first);
    const otherEmail = keys.keyFor(body("2026-12-02T09:30:00+11:00", "jo@example.org"));
    expect(otherEmail).not.toBe(otherSlot);
    // Going back to the first body is a new attempt, not a replay of the first one.
    expect(keys.keyFor(body())).not.toBe(first);
  });

  it("starts afresh after reset", () => {
    const keys = createIdempotencyKeys();
    const first = keys.keyFor(body());
    keys.reset();
    expect(keys.keyFor(body())).not.toBe(first);
  });

  it("ignores key order and undefined fields", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe(canonicalJson({ a: [{ d: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: "1" }));
  });

  it("sorts the keys at every depth and keeps every value", () => {
    const canonical = canonicalJson({ b: [{ y: 1, x: { z: null, w: "v" } }], a: true });
    expect(canonical).toBe('{"a":true,"b":[{"x":{"w":"v","z":null},"y":1}]}');
    expect(canonicalJson({ a: [{ x: { w: 1 } }] })).not.toBe(canonicalJson({ a: [{ x: { w: 2 } }] }));
  });

  it("produces keys inside the edge API's 8 to 128 characters", () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^cpk_[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(key);
    expect(newIdempotencyKey((b) => b.fill(255))).toBe(`cpk_${"ff".repeat(16)}`);
  });
});
