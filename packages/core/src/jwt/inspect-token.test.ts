import { describe, expect, test } from "vitest";
import { inspectToken } from "./inspect-token.js";
import { createRequestSigner } from "./sign-request.js";

const b64 = (json: unknown) => Buffer.from(JSON.stringify(json)).toString("base64url");
const NOW = Date.UTC(2026, 0, 15, 3, 4, 5);
const NBF = NOW / 1000;
const good = {
  iss: "i",
  aud: "a",
  nbf: NBF,
  exp: NBF + 60,
  consumerId: "c",
  accessToken: "t",
  url: "http://h/API/Core/v2.1/Client/",
  httpMethod: "GET",
};
const unsigned = (claims: object, header: object = { alg: "HS256", typ: "JWT" }) =>
  `${b64(header)}.${b64(claims)}.c2ln`;
const reasons = (jwt: string, now = NOW) =>
  inspectToken(jwt, { now: () => now }).problems.map((p) => p.reason);

describe("inspectToken", () => {
  test("decodes a good token with no problems, with or without the JwToken prefix", async () => {
    const signer = createRequestSigner({
      consumerId: "c",
      consumerSecret: "s",
      accessToken: "t",
      now: () => NOW,
    });
    const auth = await signer.authorization("GET", "http://h/API/Core/v2.1/Client/");
    const result = inspectToken(auth, { now: () => NOW + 1000 });
    expect(result.header).toEqual({ alg: "HS256", typ: "JWT" });
    expect(result.claims).toMatchObject({ consumerId: "c", nbf: NBF, exp: NBF + 60, httpMethod: "GET" });
    expect(result.problems).toEqual([]);
  });

  test("lists every problem it can see without the secret", () => {
    expect(reasons(unsigned(good), NOW + 60_000)).toEqual(["expired"]);
    expect(reasons(unsigned(good), NOW - 6_000)).toEqual(["not_yet_valid"]);
    expect(reasons(unsigned({ ...good, exp: NBF + 7200 }))).toEqual(["lifetime_too_long"]);
    expect(reasons(unsigned(good, { alg: "none" }))).toEqual(["unsupported_alg"]);
    expect(reasons(unsigned(good, { alg: "HS512", typ: "JWT" }))).toEqual(["unsupported_alg"]);
    expect(reasons(unsigned({ ...good, httpMethod: "get" }))).toEqual(["method_mismatch"]);
    const { url: _url, accessToken: _token, ...partial } = good;
    const result = inspectToken(unsigned(partial), { now: () => NOW });
    expect(result.problems).toEqual([
      { reason: "missing_claim", detail: "the accessToken claim is missing" },
      { reason: "missing_claim", detail: "the url claim is missing" },
    ]);
  });

  test("reports a malformed token instead of throwing", () => {
    for (const bad of ["", "abc", "a.b", "a.b.c", `${b64({ alg: "HS256" })}.${b64("str")}.x`]) {
      const result = inspectToken(bad);
      expect(result).toMatchObject({ header: {}, claims: {} });
      expect(result.problems.map((p) => p.reason)).toEqual(["malformed_token"]);
    }
  });
});
