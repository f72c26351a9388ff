import { decodeJwt, decodeProtectedHeader, SignJWT } from "jose";
import { describe, expect, test } from "vitest";
import { createManageTokens, DEV_MANAGE_SECRET } from "./token.js";

const start = Date.parse("2026-12-07T09:00:00+11:00");
const id = "3f2c6a4e-9b1d-4c7a-8e21-5d0f4b6a7c11";

describe("manage tokens", () => {
  const tokens = createManageTokens(DEV_MANAGE_SECRET);

  test("name only the clinic and the appointment, and expire at the start", async () => {
    const link = await tokens.sign("harbourside", id, start, "Australia/Melbourne");
    expect(link.expiresAt).toBe("2026-12-07T09:00:00+11:00");
    expect(decodeJwt(link.token)).toEqual({ sub: id, aud: "harbourside", exp: start / 1000 });
    expect(decodeProtectedHeader(link.token)).toEqual({ alg: "HS256", typ: "coreplus-manage+jwt" });
    expect(await tokens.verify(link.token, "harbourside", start - 1000)).toBe(id);
    expect(await tokens.verify(link.token, "harbourside", start)).toBeUndefined();
    expect(await tokens.verify(link.token, "elsewhere", start - 1000)).toBeUndefined();
  });

  test("refuse other secrets, other kinds of JWT and garbage; a short secret is refused at start", async () => {
    const other = await createManageTokens("another-deployment-secret").sign("harbourside", id, start, "UTC");
    expect(await tokens.verify(other.token, "harbourside", 0)).toBeUndefined();
    const plain = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(id)
      .setAudience("harbourside")
      .setExpirationTime(start / 1000)
      .sign(new TextEncoder().encode(DEV_MANAGE_SECRET));
    expect(await tokens.verify(plain, "harbourside", 0)).toBeUndefined();
    expect(await tokens.verify("", "harbourside", 0)).toBeUndefined();
    expect(await tokens.verify("a.b.c", "harbourside", 0)).toBeUndefined();
    expect(() => createManageTokens("short")).toThrow(/at least 16/);
  });
});
