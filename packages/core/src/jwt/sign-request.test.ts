import { createHmac } from "node:crypto";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createRequestSigner } from "./sign-request.js";

/** An independent HS256 JWT: node:crypto HMAC over base64url(header).base64url(claims). */
function hs256(header: object, claims: object, secret: string): string {
  const b64 = (json: object) => Buffer.from(JSON.stringify(json)).toString("base64url");
  const signingInput = `${b64(header)}.${b64(claims)}`;
  return `${signingInput}.${createHmac("sha256", Buffer.from(secret, "utf8")).update(signingInput).digest("base64url")}`;
}

const credentials = {
  consumerId: "5f2a1c9e-consumer",
  consumerSecret: "s3cr3t-with-ünïcode+/=", // raw UTF-8, deliberately not valid base64
  accessToken: "00000000-0000-4000-8000-00000000c0de",
};
const NOW = Date.UTC(2025, 4, 20, 9, 0, 0, 999); // the fraction must be dropped, not rounded

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createRequestSigner", () => {
  test("known answer: equals an independent node:crypto HMAC-SHA256 over the same header and claims", async () => {
    const signer = createRequestSigner({
      ...credentials,
      issuer: "https://clinic.example",
      audience: "https://sandbox.coreplus.com.au",
      now: () => NOW,
    });
    const url = "https://sandbox.coreplus.com.au/API/Core/v2.1/Client/?name=o%27brien&pageSize=100";
    const nbf = Math.floor(NOW / 1000);
    expect(nbf).toBe(1747731600);
    const expected = hs256(
      { alg: "HS256", typ: "JWT" },
      {
        iss: "https://clinic.example",
        aud: "https://sandbox.coreplus.com.au",
        nbf,
        exp: nbf + 60,
        consumerId: credentials.consumerId,
        accessToken: credentials.accessToken,
        url,
        httpMethod: "GET",
      },
      credentials.consumerSecret,
    );
    const token = await signer.token("get", url);
    expect(token).toBe(expected);
    expect(await signer.authorization("get", new URL(url))).toBe(`JwToken ${expected}`);
    // The exact bytes of the header and claims, so any drift in claim names or order shows up here.
    const [header, payload] = token.split(".");
    expect(Buffer.from(header!, "base64url").toString()).toBe('{"alg":"HS256","typ":"JWT"}');
    expect(Buffer.from(payload!, "base64url").toString()).toBe(
      `{"iss":"https://clinic.example","aud":"https://sandbox.coreplus.com.au","nbf":1747731600,"exp":1747731660,` +
        `"consumerId":"5f2a1c9e-consumer","accessToken":"00000000-0000-4000-8000-00000000c0de",` +
        `"url":"${url}","httpMethod":"GET"}`,
    );
  });

  test("defaults iss and aud, and reads the wall clock on every call", async () => {
    let now = NOW;
    const signer = createRequestSigner({ ...credentials, now: () => now });
    const claimsOf = async () => {
      const t = await signer.token("POST", "http://127.0.0.1:4010/API/Core/v2.1/Client/");
      return JSON.parse(Buffer.from(t.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
    };
    const first = await claimsOf();
    expect(first).toMatchObject({
      iss: "coreplus-kit",
      aud: "https://coreplus.com.au", // the documented audience, whatever host the request goes to
      httpMethod: "POST",
    });
    now += 61_000;
    const second = await claimsOf();
    expect(second.nbf).toBe((first.nbf as number) + 61);
    expect(second.exp).toBe((second.nbf as number) + 60);
  });

  test("aud is configurable", async () => {
    const signer = createRequestSigner({ ...credentials, audience: "https://sandbox.coreplus.com.au" });
    const t = await signer.token("GET", "http://127.0.0.1:4010/API/Core/v2.1/Client/");
    expect(JSON.parse(Buffer.from(t.split(".")[1]!, "base64url").toString()).aud).toBe(
      "https://sandbox.coreplus.com.au",
    );
    expect(() => createRequestSigner({ ...credentials, audience: "" })).toThrow(/audience/);
  });

  test("signs the URL exactly as fetch will send it (the URL parser's encoding)", async () => {
    const signer = createRequestSigner({ ...credentials, now: () => NOW });
    const t = await signer.token("GET", "http://127.0.0.1:4010/API/Core/v2.1/Client/?name=Ann Lee");
    const claims = JSON.parse(Buffer.from(t.split(".")[1]!, "base64url").toString()) as { url: string };
    expect(claims.url).toBe("http://127.0.0.1:4010/API/Core/v2.1/Client/?name=Ann%20Lee");
  });

  test("imports the secret as a CryptoKey once per signer, however many tokens", async () => {
    const importKey = vi.spyOn(crypto.subtle, "importKey");
    const signer = createRequestSigner(credentials);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => signer.token("GET", `http://h/API/Core/v2.1/x/${i}/`)),
    );
    await signer.token("GET", "http://h/API/Core/v2.1/x/");
    expect(importKey).toHaveBeenCalledTimes(1);
    expect(importKey.mock.calls[0]?.[0]).toBe("raw");
  });

  test("refuses bad options and relative URLs without echoing the secret", async () => {
    expect(() => createRequestSigner({ ...credentials, consumerSecret: "" })).toThrow(TypeError);
    expect(() => createRequestSigner({ ...credentials, consumerId: "" })).toThrow(/consumerId/);
    const signer = createRequestSigner(credentials);
    const error = await signer.token("GET", "/API/Core/v2.1/Client/").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/absolute/);
    expect(String(error)).not.toContain(credentials.consumerSecret);
    await expect(signer.token("", "http://h/")).rejects.toThrow(/method/);
  });
});
