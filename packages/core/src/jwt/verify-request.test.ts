import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import type { RequestClaims } from "./claims.js";
import { createRequestSigner } from "./sign-request.js";
import { type VerifyRequestOptions, verifyRequestToken } from "./verify-request.js";

const b64 = (json: unknown) => Buffer.from(JSON.stringify(json)).toString("base64url");

/** An independent HS256 implementation (node:crypto), so verification is not only checked against our own signer. */
function hs256(claims: object, secret: string, header: object = { alg: "HS256", typ: "JWT" }): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}
function hs512(claims: object, secret: string): string {
  const input = `${b64({ alg: "HS512", typ: "JWT" })}.${b64(claims)}`;
  return `${input}.${createHmac("sha512", secret).update(input).digest("base64url")}`;
}

const SECRET = "consumer-secret-ü";
const CONSUMER = "consumer-1";
const ACCESS = "access-token-1";
const NOW = Date.UTC(2026, 0, 15, 3, 4, 5, 600);
const NBF = Math.floor(NOW / 1000);
const URL_SENT = "http://127.0.0.1:4010/API/Core/v2.1/Client/?name=ann&pageSize=100";

function claims(overrides: Partial<Record<keyof RequestClaims, unknown>> = {}): Record<string, unknown> {
  return {
    iss: "https://clinic.example",
    aud: "https://sandbox.coreplus.com.au",
    nbf: NBF,
    exp: NBF + 60,
    consumerId: CONSUMER,
    accessToken: ACCESS,
    url: URL_SENT,
    httpMethod: "GET",
    ...overrides,
  };
}

function opts(overrides: Partial<VerifyRequestOptions> = {}): VerifyRequestOptions {
  return {
    method: "GET",
    url: URL_SENT,
    now: () => NOW,
    lookupConsumer: (id) =>
      id === CONSUMER ? { consumerSecret: SECRET, isAccessTokenValid: (t) => t === ACCESS } : undefined,
    ...overrides,
  };
}

async function reasonFor(authorization: string | null | undefined, o: Partial<VerifyRequestOptions> = {}) {
  const result = await verifyRequestToken(authorization, opts(o));
  if (result.ok) return "ok";
  // No detail may leak the secret, the access token or the token itself.
  for (const secretish of [SECRET, ACCESS, authorization?.slice(8)]) {
    if (secretish) expect(result.detail).not.toContain(secretish);
  }
  return result.reason;
}
const jw = (token: string) => `JwToken ${token}`;

describe("verifyRequestToken accepts", () => {
  test("a token made by an independent node:crypto implementation, returning its claims", async () => {
    const result = await verifyRequestToken(jw(hs256(claims(), SECRET)), opts());
    expect(result).toEqual({ ok: true, claims: claims() });
  });

  test("a token from our signer, with a relative url claim, trailing slash and case differences in the path", async () => {
    const signer = createRequestSigner({
      consumerId: CONSUMER,
      consumerSecret: SECRET,
      accessToken: ACCESS,
      now: () => NOW,
    });
    expect(await reasonFor(await signer.authorization("get", URL_SENT))).toBe("ok");
    const relative = hs256(claims({ url: "/api/core/V2.1/client?name=ann&pageSize=100" }), SECRET);
    expect(await reasonFor(jw(relative))).toBe("ok");
    // scheme and host are ignored
    expect(
      await reasonFor(jw(relative), {
        url: new URL("https://other.example/API/Core/v2.1/Client/?name=ann&pageSize=100"),
      }),
    ).toBe("ok");
  });

  test("nbf up to the documented 5 s skew in the future, and a POST with a JSON body", async () => {
    expect(await reasonFor(jw(hs256(claims({ nbf: NBF + 5, exp: NBF + 65 }), SECRET)))).toBe("ok");
    const post = hs256(claims({ httpMethod: "POST" }), SECRET);
    const body = { method: "POST", hasBody: true, contentType: "application/json; charset=utf-8" };
    expect(await reasonFor(jw(post), body)).toBe("ok");
  });
});

describe("verifyRequestToken rejects", () => {
  test("a missing or malformed Authorization header", async () => {
    const token = hs256(claims(), SECRET);
    expect(await reasonFor(undefined)).toBe("missing_header");
    expect(await reasonFor(null)).toBe("missing_header");
    expect(await reasonFor("")).toBe("missing_header");
    expect(await reasonFor(`Bearer ${token}`)).toBe("malformed_header");
    expect(await reasonFor(`JWToken ${token}`)).toBe("malformed_header");
    expect(await reasonFor(`JwToken${token}`)).toBe("malformed_header");
    expect(await reasonFor(`JwToken  ${token}`)).toBe("malformed_header");
    expect(await reasonFor("JwToken")).toBe("malformed_header");
    expect(await reasonFor("JwToken ")).toBe("malformed_header");
    expect(await reasonFor(token)).toBe("malformed_header");
  });

  test("something that is not a JWS", async () => {
    expect(await reasonFor(jw("not-a-jwt"))).toBe("malformed_token");
    expect(await reasonFor(jw("a.b.c"))).toBe("malformed_token");
    expect(await reasonFor(jw(`${b64({ alg: "HS256" })}.${b64([1, 2])}.sig`))).toBe("malformed_token");
  });

  test("alg none, HS512 and a missing alg", async () => {
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims())}.`;
    expect(await reasonFor(jw(none))).toBe("unsupported_alg");
    expect(await reasonFor(jw(hs512(claims(), SECRET)))).toBe("unsupported_alg");
    expect(await reasonFor(jw(hs256(claims(), SECRET, { typ: "JWT" })))).toBe("unsupported_alg");
  });

  test("an unknown consumer and a wrong secret", async () => {
    expect(await reasonFor(jw(hs256(claims({ consumerId: "someone-else" }), SECRET)))).toBe(
      "unknown_consumer",
    );
    expect(await reasonFor(jw(hs256(claims(), "not-the-secret")))).toBe("bad_signature");
    // a signature that was valid for other claims
    const [h, , s] = hs256(claims(), SECRET).split(".");
    expect(await reasonFor(jw(`${h}.${b64(claims({ httpMethod: "POST" }))}.${s}`))).toBe("bad_signature");
  });

  test.each(["iss", "aud", "nbf", "exp", "consumerId", "accessToken", "url", "httpMethod"] as const)(
    "a token without %s, naming the claim",
    async (name) => {
      const c = claims();
      delete c[name];
      const result = await verifyRequestToken(jw(hs256(c, SECRET)), opts());
      expect(result).toMatchObject({ ok: false, reason: "missing_claim" });
      expect(result.ok ? "" : result.detail).toContain(name);
    },
  );

  test("claims of the wrong type", async () => {
    expect(await reasonFor(jw(hs256(claims({ nbf: String(NBF) }), SECRET)))).toBe("missing_claim");
    expect(await reasonFor(jw(hs256(claims({ exp: NBF + 60.5 }), SECRET)))).toBe("missing_claim");
    expect(await reasonFor(jw(hs256(claims({ url: 42 }), SECRET)))).toBe("missing_claim");
  });

  test("an access token that is not (or no longer) granted", async () => {
    expect(await reasonFor(jw(hs256(claims({ accessToken: "other" }), SECRET)))).toBe("access_token_invalid");
  });

  test("expired, not yet valid beyond the skew, and a lifetime over 3600 s", async () => {
    expect(await reasonFor(jw(hs256(claims({ nbf: NBF - 60, exp: NBF }), SECRET)))).toBe("expired");
    expect(await reasonFor(jw(hs256(claims({ nbf: NBF - 600, exp: NBF - 540 }), SECRET)))).toBe("expired");
    expect(await reasonFor(jw(hs256(claims({ nbf: NBF + 6, exp: NBF + 66 }), SECRET)))).toBe("not_yet_valid");
    expect(await reasonFor(jw(hs256(claims({ nbf: NBF, exp: NBF + 3601 }), SECRET)))).toBe(
      "lifetime_too_long",
    );
    expect(await reasonFor(jw(hs256(claims({ nbf: NBF, exp: NBF + 3600 }), SECRET)))).toBe("ok");
    // the skew is configurable
    const early = jw(hs256(claims({ nbf: NBF + 20, exp: NBF + 80 }), SECRET));
    expect(await reasonFor(early, { clockSkewSeconds: 30 })).toBe("ok");
  });

  test("an exp at or before nbf, even while both are within the skew", async () => {
    // now = NBF; nbf within the 5 s skew, so only the order of the two claims can refuse these
    expect(await reasonFor(jw(hs256(claims({ nbf: NBF + 3, exp: NBF + 3 }), SECRET)))).toBe(
      "exp_not_after_nbf",
    );
    expect(await reasonFor(jw(hs256(claims({ nbf: NBF + 4, exp: NBF + 2 }), SECRET)))).toBe(
      "exp_not_after_nbf",
    );
    expect(await reasonFor(jw(hs256(claims({ nbf: NBF - 10, exp: NBF - 20 }), SECRET)))).toBe(
      "exp_not_after_nbf",
    );
    expect(await reasonFor(jw(hs256(claims({ nbf: NBF + 3, exp: NBF + 4 }), SECRET)))).toBe("ok");
  });

  test("a method that differs, or is not upper case", async () => {
    expect(await reasonFor(jw(hs256(claims(), SECRET)), { method: "POST" })).toBe("method_mismatch");
    expect(await reasonFor(jw(hs256(claims({ httpMethod: "get" }), SECRET)))).toBe("method_mismatch");
  });

  test("a url whose path or query string differs (query compared exactly)", async () => {
    const token = jw(hs256(claims(), SECRET));
    const base = "http://127.0.0.1:4010/API/Core/v2.1";
    expect(await reasonFor(token, { url: `${base}/Appointment/?name=ann&pageSize=100` })).toBe(
      "url_mismatch",
    );
    expect(await reasonFor(token, { url: `${base}/Client/` })).toBe("url_mismatch");
    expect(await reasonFor(token, { url: `${base}/Client/?pageSize=100&name=ann` })).toBe("url_mismatch");
    expect(await reasonFor(token, { url: `${base}/Client/?name=Ann&pageSize=100` })).toBe("url_mismatch");
    expect(await reasonFor(token, { url: `${base}/Client/?name=ann&pageSize=100&x=1` })).toBe("url_mismatch");
    // old-style path-only claims without the query are refused too
    const pathOnly = jw(hs256(claims({ url: "/API/Core/v2.1/Client/" }), SECRET));
    expect(await reasonFor(pathOnly)).toBe("url_mismatch");
  });

  test("a request with a body but no JSON Content-Type", async () => {
    const token = jw(hs256(claims({ httpMethod: "POST" }), SECRET));
    expect(await reasonFor(token, { method: "POST", hasBody: true })).toBe("missing_content_type");
    expect(await reasonFor(token, { method: "POST", hasBody: true, contentType: "text/plain" })).toBe(
      "missing_content_type",
    );
    // a GET needs none
    expect(await reasonFor(jw(hs256(claims(), SECRET)), { contentType: null })).toBe("ok");
  });

  test("with the first failure in coreplus's order", async () => {
    // expired and for another method and URL: the time check comes first
    const token = jw(hs256(claims({ nbf: NBF - 600, exp: NBF - 540, httpMethod: "PUT" }), SECRET));
    expect(await reasonFor(token, { url: "http://h/x" })).toBe("expired");
    // a bad signature wins over missing claims and expiry
    const forged = jw(hs256({ consumerId: CONSUMER, nbf: 1, exp: 2 }, "wrong"));
    expect(await reasonFor(forged)).toBe("bad_signature");
  });

  test("an async lookup works the same", async () => {
    const lookupConsumer = async (id: string) =>
      id === CONSUMER ? { consumerSecret: SECRET, isAccessTokenValid: () => true } : undefined;
    expect(await reasonFor(jw(hs256(claims(), SECRET)), { lookupConsumer })).toBe("ok");
    expect(await reasonFor(jw(hs256(claims(), "x")), { lookupConsumer })).toBe("bad_signature");
  });
});
