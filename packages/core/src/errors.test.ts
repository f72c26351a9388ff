import { describe, expect, expectTypeOf, test } from "vitest";
import {
  CoreplusAuthError,
  CoreplusDateTimeError,
  CoreplusError,
  type CoreplusErrorCode,
  CoreplusNetworkError,
  CoreplusNotFoundError,
  CoreplusRateLimitedError,
  CoreplusResponseError,
  CoreplusSlotUnavailableError,
  CoreplusTimeoutError,
  CoreplusUpstreamError,
  CoreplusValidationError,
  errorForStatus,
  SLOT_UNAVAILABLE_REASON,
} from "./errors.js";

const SECRET = "super-secret-consumer-key";
const ACCESS = "00000000-0000-4000-8000-00000000c0de";
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjb25zdW1lcklkIjoiYSIsImFjY2Vzc1Rva2VuIjoiYiJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";

describe("error classes", () => {
  test.each([
    [CoreplusAuthError, "ERR_COREPLUS_AUTH"],
    [CoreplusNotFoundError, "ERR_COREPLUS_NOT_FOUND"],
    [CoreplusValidationError, "ERR_COREPLUS_VALIDATION"],
    [CoreplusSlotUnavailableError, "ERR_COREPLUS_SLOT_UNAVAILABLE"],
    [CoreplusRateLimitedError, "ERR_COREPLUS_RATE_LIMITED"],
    [CoreplusUpstreamError, "ERR_COREPLUS_UPSTREAM"],
    [CoreplusTimeoutError, "ERR_COREPLUS_TIMEOUT"],
    [CoreplusNetworkError, "ERR_COREPLUS_NETWORK"],
    [CoreplusResponseError, "ERR_COREPLUS_BAD_RESPONSE"],
    [CoreplusDateTimeError, "ERR_COREPLUS_DATETIME"],
  ] as const)("%o has code %s, its own name, and keeps its cause", (Cls, code) => {
    const cause = new Error("root cause");
    const err = new Cls("boom", { cause, status: 500, method: "get", url: "http://x/API/Core/v2.1/Client/" });
    expect(err).toBeInstanceOf(CoreplusError);
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe(code);
    expect(err.name).toBe(Cls.name);
    expect(err.cause).toBe(cause);
    expect(err.method).toBe("GET");
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({
      name: Cls.name,
      code,
      message: "boom",
      status: 500,
    });
  });
});

describe("CoreplusErrorCode", () => {
  // A Record over the union: adding a code without a class (or the reverse) fails the typecheck.
  const classOf: Record<CoreplusErrorCode, new (message: string) => CoreplusError> = {
    ERR_COREPLUS: CoreplusError,
    ERR_COREPLUS_AUTH: CoreplusAuthError,
    ERR_COREPLUS_NOT_FOUND: CoreplusNotFoundError,
    ERR_COREPLUS_VALIDATION: CoreplusValidationError,
    ERR_COREPLUS_SLOT_UNAVAILABLE: CoreplusSlotUnavailableError,
    ERR_COREPLUS_RATE_LIMITED: CoreplusRateLimitedError,
    ERR_COREPLUS_UPSTREAM: CoreplusUpstreamError,
    ERR_COREPLUS_TIMEOUT: CoreplusTimeoutError,
    ERR_COREPLUS_NETWORK: CoreplusNetworkError,
    ERR_COREPLUS_BAD_RESPONSE: CoreplusResponseError,
    ERR_COREPLUS_DATETIME: CoreplusDateTimeError,
  };

  test.each(Object.entries(classOf))("%s is the code of its class", (code, Cls) => {
    expect(new Cls("x").code).toBe(code);
  });

  test("code is typed with the union, and each subclass with its own literal", () => {
    expectTypeOf<CoreplusError["code"]>().toEqualTypeOf<CoreplusErrorCode>();
    expectTypeOf<CoreplusSlotUnavailableError["code"]>().toEqualTypeOf<"ERR_COREPLUS_SLOT_UNAVAILABLE">();
    expectTypeOf<CoreplusRateLimitedError["code"]>().toEqualTypeOf<"ERR_COREPLUS_RATE_LIMITED">();
  });
});

describe("errorForStatus", () => {
  test.each([
    [400, CoreplusValidationError],
    [422, CoreplusValidationError],
    [401, CoreplusAuthError],
    [403, CoreplusAuthError],
    [404, CoreplusNotFoundError],
    [409, CoreplusSlotUnavailableError],
    [429, CoreplusRateLimitedError],
    [500, CoreplusUpstreamError],
    [503, CoreplusUpstreamError],
    [418, CoreplusUpstreamError],
    [200, CoreplusValidationError],
  ] as const)("%i → %o", (status, Cls) => {
    const err = errorForStatus(status, {
      reasons: ["Something"],
      method: "POST",
      url: "http://h/API/Core/v2.1/Client/?a=1",
    });
    expect(err).toBeInstanceOf(Cls);
    expect(err.status).toBe(status);
    expect(err.reasons).toEqual(["Something"]);
    expect(err.message).toContain(String(status));
    expect(err.message).toContain("POST /API/Core/v2.1/Client/");
  });

  test("the slot-unavailable reason is a conflict whatever the status", () => {
    for (const status of [200, 400, 409]) {
      expect(errorForStatus(status, { reasons: [SLOT_UNAVAILABLE_REASON] })).toBeInstanceOf(
        CoreplusSlotUnavailableError,
      );
    }
    expect(errorForStatus(400, { reasons: [`${SLOT_UNAVAILABLE_REASON.toLowerCase()}.`] })).toBeInstanceOf(
      CoreplusSlotUnavailableError,
    );
  });

  test("429 keeps retryAfterMs", () => {
    const err = errorForStatus(429, { retryAfterMs: 1000 });
    expect(err).toBeInstanceOf(CoreplusRateLimitedError);
    expect((err as CoreplusRateLimitedError).retryAfterMs).toBe(1000);
    expect(JSON.parse(JSON.stringify(err)).retryAfterMs).toBe(1000);
  });
});

describe("redaction", () => {
  const secrets = [SECRET, ACCESS, JWT];
  /** Every text an error keeps, its cause's and its cause's cause's included. */
  const textsOf = (err: CoreplusError) => {
    const cause = err.cause as Error | undefined;
    return [
      err.message,
      err.url ?? "",
      err.reasons.join(),
      err.stack ?? "",
      JSON.stringify(err),
      String(cause),
      String(cause?.cause),
      cause?.stack ?? "",
    ];
  };

  test("message, url, reasons, cause, stack and JSON never carry secrets", () => {
    const inner = new Error(`socket closed; secret=${SECRET}`);
    const cause = Object.assign(
      new TypeError(`fetch failed: Authorization: JwToken ${JWT} token ${ACCESS}`, { cause: inner }),
      {
        code: "UND_ERR_SOCKET",
      },
    );
    const err = errorForStatus(500, {
      reasons: [`bad ${ACCESS}`],
      method: "GET",
      url: `http://h/API/Core/v2.1/Client/?accessToken=${ACCESS}`,
      cause,
      secrets,
    });
    for (const text of textsOf(err)) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    expect(err.cause).toBeInstanceOf(Error);
    expect((err.cause as Error).name).toBe("TypeError");
    expect((err.cause as { code?: string }).code).toBe("UND_ERR_SOCKET");
    expect(String(err.cause)).toContain("[REDACTED]");
  });

  test("JWTs and Authorization values are redacted even when the secrets are not listed", () => {
    const err = new CoreplusAuthError(`rejected JwToken ${JWT}, also Bearer abc.def and ${JWT}`);
    expect(err.message).not.toContain(JWT);
    expect(err.message).not.toContain("abc.def");
    expect(err.message).toContain("JwToken [REDACTED]");
  });

  test("clean causes are kept as the same object", () => {
    const cause = new Error("ECONNRESET");
    expect(new CoreplusNetworkError("dropped", { cause, secrets }).cause).toBe(cause);
  });

  test("a non-Error cause holding headers is reduced to redacted text", () => {
    const err = new CoreplusNetworkError("x", {
      cause: { headers: { authorization: `JwToken ${JWT}` } },
      secrets,
    });
    expect(typeof err.cause).toBe("string");
    expect(String(err.cause)).not.toContain(JWT);
  });

  describe("query values (a last name, a date of birth) appear nowhere", () => {
    const name = "Featherstonehaugh O'Brien";
    const dob = "1961-02-28";
    const url = `http://h/API/Core/v2.1/Client/?name=${encodeURIComponent(name)}&dateOfBirth=${dob}`;
    const values = [name, encodeURIComponent(name), "Featherstonehaugh", dob];

    test.each([400, 404, 500, 503])(
      "errorForStatus(%i) keeps the path and the names, not the values",
      (status) => {
        const err = errorForStatus(status, {
          method: "GET",
          url,
          reasons: ["No match"],
          cause: new TypeError(`fetch failed for ${url}`),
        });
        for (const text of textsOf(err)) for (const value of values) expect(text).not.toContain(value);
        expect(err.url).toBe("http://h/API/Core/v2.1/Client/?name=[REDACTED]&dateOfBirth=[REDACTED]");
        expect(err.message).toContain("GET /API/Core/v2.1/Client/");
      },
    );

    test("a URL quoted in a message or a cause loses its query values too", () => {
      const err = new CoreplusNetworkError(`could not reach ${url}`, {
        url: new URL(url),
        cause: new Error(`connect ECONNREFUSED (${url})`),
      });
      for (const text of textsOf(err)) for (const value of values) expect(text).not.toContain(value);
      expect(err.message).toBe(
        "could not reach http://h/API/Core/v2.1/Client/?name=[REDACTED]&dateOfBirth=[REDACTED]",
      );
    });

    test("a query value echoed in a reason is scrubbed as well", () => {
      const err = errorForStatus(400, {
        method: "GET",
        url,
        reasons: [`dateOfBirth ${dob} is in the future`],
      });
      expect(err.reasons).toEqual(["dateOfBirth [REDACTED] is in the future"]);
    });
  });
});
