import { describe, expect, test } from "vitest";
import { call, replicas, self } from "./harness.ts";

describe("smoke", () => {
  test("profile through self and a replica", async () => {
    const a = await call(self, "/v1/clinics/harbourside");
    expect(a.status, a.text).toBe(200);
    const b = await call(replicas[0]!, "/v1/clinics/harbourside");
    expect(b.status, b.text).toBe(200);
  });
});
