/**
 * Authentication (coreplus-api.md §2): the JWT refusal matrix with tokens built by hand (node:crypto,
 * not core's signer), the access-token expiry control, and the per-consumer rate limit.
 */
import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createSandbox } from "../src/index.js";
import { apiUrl, call, testSandbox } from "./helpers.js";

const INVALID = { result: [{ severity: 2, reason: "Invalid token" }] };
const sandbox = testSandbox();
const { consumerId, consumerSecret, accessToken } = sandbox.credentials;

const b64url = (data: string | Buffer): string => Buffer.from(data).toString("base64url");

/** A compact JWS signed with HMAC (or unsigned for alg none). */
function jwt(
  claims: Record<string, unknown>,
  opts: { alg?: string; secret?: string; header?: Record<string, unknown> } = {},
): string {
  const alg = opts.alg ?? "HS256";
  const header = b64url(JSON.stringify(opts.header ?? { alg, typ: "JWT" }));
  const payload = b64url(JSON.stringify(claims));
  const input = `${header}.${payload}`;
  if (alg === "none") return `${input}.`;
  const hash = alg === "HS512" ? "sha512" : alg === "HS384" ? "sha384" : "sha256";
  return `${input}.${createHmac(hash, opts.secret ?? consumerSecret)
    .update(input)
    .digest("base64url")}`;
}

function claimsFor(
  method: string,
  url: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: "https://clinic.example",
    aud: "https://sandbox.coreplus.com.au",
    nbf: now,
    exp: now + 60,
    consumerId,
    accessToken,
    url,
    httpMethod: method,
    ...overrides,
  };
}

async function send(
  method: string,
  url: string,
  authorization: string | undefined,
  init: { body?: string; contentType?: string | null } = {},
) {
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  const contentType = init.contentType === undefined ? "application/json" : init.contentType;
  if (contentType !== null) headers["content-type"] = contentType;
  const req = new Request(url, { method, headers, ...(init.body === undefined ? {} : { body: init.body }) });
  const res = await sandbox.app.fetch(req);
  return { status: res.status, body: await res.json(), reason: res.headers.get("x-sandbox-auth-error") };
}

const LIST = apiUrl("/Client/", { query: { pageSize: 5 } });

describe("accepted tokens", () => {
  test("a hand-built HS256 token with the exact URL (query included) is accepted", async () => {
    const res = await send("GET", LIST, `JwToken ${jwt(claimsFor("GET", LIST))}`);
    expect(res.status).toBe(200);
  });

  test("the url claim may be path+query only, another host, other case or a trailing slash difference", async () => {
    const variants = [
      "/API/Core/v2.1/Client/?pageSize=5",
      "https://sandbox.coreplus.com.au/API/Core/v2.1/Client/?pageSize=5",
      "http://sandbox.test/api/core/v2.1/client?pageSize=5",
    ];
    for (const url of variants) {
      const res = await send("GET", LIST, `JwToken ${jwt(claimsFor("GET", url))}`);
      expect(res.status, url).toBe(200);
    }
  });

  test("nbf up to 5 s ahead of the wall clock is tolerated; GET needs no Content-Type", async () => {
    const now = Math.floor(Date.now() / 1000);
    const res = await send(
      "GET",
      LIST,
      `JwToken ${jwt(claimsFor("GET", LIST, { nbf: now + 3, exp: now + 63 }))}`,
      {
        contentType: null,
      },
    );
    expect(res.status).toBe(200);
  });

  test("moving the business clock far away does not break signatures (JWT checks use the wall clock)", async () => {
    const local = testSandbox();
    local.clock.set(new Date("2031-01-01T00:00:00Z"));
    expect((await call(local, "GET", "/Location/")).status).toBe(200);
  });
});

describe("the refusal matrix: every case is 401 with the result body", () => {
  const now = Math.floor(Date.now() / 1000);
  const good = claimsFor("GET", LIST);
  const cases: [string, () => string | undefined, string][] = [
    ["no Authorization header", () => undefined, "missing_header"],
    ["Bearer scheme", () => `Bearer ${jwt(good)}`, "malformed_header"],
    ["no space after JwToken", () => `JwToken${jwt(good)}`, "malformed_header"],
    ["two spaces after JwToken", () => `JwToken  ${jwt(good)}`, "malformed_header"],
    ["lower-case scheme", () => `jwtoken ${jwt(good)}`, "malformed_header"],
    ["not a JWT", () => "JwToken not.a.jwt", "malformed_token"],
    ["wrong secret", () => `JwToken ${jwt(good, { secret: "someone-elses-secret" })}`, "bad_signature"],
    [
      "secret base64-decoded instead of raw",
      () => `JwToken ${jwt(good, { secret: Buffer.from(consumerSecret).toString("base64") })}`,
      "bad_signature",
    ],
    ["alg none", () => `JwToken ${jwt(good, { alg: "none" })}`, "unsupported_alg"],
    ["HS512", () => `JwToken ${jwt(good, { alg: "HS512" })}`, "unsupported_alg"],
    ["expired", () => `JwToken ${jwt({ ...good, nbf: now - 120, exp: now - 60 })}`, "expired"],
    [
      "nbf in the future",
      () => `JwToken ${jwt({ ...good, nbf: now + 60, exp: now + 120 })}`,
      "not_yet_valid",
    ],
    [
      "lifetime over an hour",
      () => `JwToken ${jwt({ ...good, nbf: now, exp: now + 3601 })}`,
      "lifetime_too_long",
    ],
    [
      "url path mismatch",
      () => `JwToken ${jwt({ ...good, url: apiUrl("/Location/", { query: { pageSize: 5 } }) })}`,
      "url_mismatch",
    ],
    [
      "url query mismatch",
      () => `JwToken ${jwt({ ...good, url: apiUrl("/Client/", { query: { pageSize: 6 } }) })}`,
      "url_mismatch",
    ],
    [
      "url without the query string",
      () => `JwToken ${jwt({ ...good, url: apiUrl("/Client/") })}`,
      "url_mismatch",
    ],
    ["method mismatch", () => `JwToken ${jwt({ ...good, httpMethod: "POST" })}`, "method_mismatch"],
    ["unknown consumer", () => `JwToken ${jwt({ ...good, consumerId: "someone-else" })}`, "unknown_consumer"],
    [
      "access token not granted",
      () => `JwToken ${jwt({ ...good, accessToken: "11111111-1111-4111-8111-111111111111" })}`,
      "access_token_invalid",
    ],
  ];
  for (const claim of ["iss", "aud", "nbf", "exp", "consumerId", "accessToken", "url", "httpMethod"]) {
    cases.push([
      `missing claim ${claim}`,
      () => {
        const { [claim]: _dropped, ...rest } = good;
        return `JwToken ${jwt(rest)}`;
      },
      "missing_claim",
    ]);
  }

  for (const [name, authorization, reason] of cases) {
    test(name, async () => {
      const res = await send("GET", LIST, authorization());
      expect(res.status).toBe(401);
      expect(res.body).toEqual(INVALID);
      expect(res.reason).toBe(reason);
    });
  }

  test("a POST without Content-Type: application/json", async () => {
    const url = apiUrl("/Client/");
    const auth = `JwToken ${jwt(claimsFor("POST", url))}`;
    const body = JSON.stringify({ firstName: "A", lastName: "B", dateOfBirth: "2000-01-01" });
    for (const contentType of [null, "text/plain"]) {
      const res = await send("POST", url, auth, { body, contentType });
      expect(res.status, String(contentType)).toBe(401);
      expect(res.body).toEqual(INVALID);
      expect(res.reason).toBe("missing_content_type");
    }
    const ok = await send("POST", url, auth, { body });
    expect(ok.status).toBe(200);
  });

  test("unknown routes are refused too when the token is bad (auth comes first)", async () => {
    const url = apiUrl("/Nope/");
    const res = await send("GET", url, undefined);
    expect(res.status).toBe(401);
  });
});

describe("access-token expiry control", () => {
  test("expired via the control → 401 for every request; restore → 200", async () => {
    const local = testSandbox();
    const control = (path: string) =>
      local.app.fetch(
        new Request(`http://sandbox.test/_sandbox/access-token/${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${local.adminToken}` },
        }),
      );
    expect((await control("expire")).status).toBe(200);
    const refused = await call(local, "GET", "/Location/");
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(INVALID);
    expect(refused.headers.get("x-sandbox-auth-error")).toBe("access_token_invalid");
    expect((await control("restore")).status).toBe(200);
    expect((await call(local, "GET", "/Location/")).status).toBe(200);
  });
});

describe("rate limit", () => {
  test("10 requests per second per consumer, then 429 with Retry-After: 1 and the result body", async () => {
    const limited = createSandbox({ now: () => new Date("2026-05-18T23:00:00Z") });
    const results = await Promise.all(Array.from({ length: 14 }, () => call(limited, "GET", "/Location/")));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.headers.get("retry-after")).toBe("1");
      expect(r.body).toEqual({ result: [{ severity: 2, reason: "Too Many Requests" }] });
    }
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await call(limited, "GET", "/Location/")).status).toBe(200);
  });

  test("rateLimit: false switches it off", async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => call(sandbox, "GET", "/Location/")));
    expect(results.every((r) => r.status === 200)).toBe(true);
  });
});
