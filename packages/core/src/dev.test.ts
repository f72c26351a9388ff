import { describe, expect, test } from "vitest";
import {
  coreplusConfigFromEnv,
  DEV_ACCESS_TOKEN,
  DEV_BASE_URL,
  DEV_CONSUMER_ID,
  DEV_CONSUMER_SECRET,
  DEV_DEFAULTS,
  DEV_SANDBOX_ADMIN_TOKEN,
} from "./dev.js";

describe("@coreplus-kit/core/dev", () => {
  test("the defaults are the ones architecture.md lists", () => {
    expect(DEV_DEFAULTS).toEqual({
      baseUrl: "http://127.0.0.1:4010",
      consumerId: "coreplus-kit-dev",
      consumerSecret: "coreplus-kit-dev-secret",
      accessToken: "00000000-0000-4000-8000-00000000c0de",
      sandboxAdminToken: "sandbox-admin-dev",
    });
    expect([
      DEV_BASE_URL,
      DEV_CONSUMER_ID,
      DEV_CONSUMER_SECRET,
      DEV_ACCESS_TOKEN,
      DEV_SANDBOX_ADMIN_TOKEN,
    ]).toEqual(Object.values(DEV_DEFAULTS));
    expect(Object.isFrozen(DEV_DEFAULTS)).toBe(true);
  });

  test("an empty environment gives the development defaults", () => {
    expect(coreplusConfigFromEnv({})).toEqual({
      baseUrl: DEV_BASE_URL,
      consumerId: DEV_CONSUMER_ID,
      consumerSecret: DEV_CONSUMER_SECRET,
      accessToken: DEV_ACCESS_TOKEN,
      isDevSecret: true,
    });
  });

  test("COREPLUS_* variables win; blank ones count as unset; values are used as given", () => {
    const config = coreplusConfigFromEnv({
      COREPLUS_BASE_URL: "https://sandbox.coreplus.com.au",
      COREPLUS_CONSUMER_ID: "real-consumer",
      COREPLUS_CONSUMER_SECRET: " spaced secret ",
      COREPLUS_ACCESS_TOKEN: "  ",
      UNRELATED: "x",
    });
    expect(config).toEqual({
      baseUrl: "https://sandbox.coreplus.com.au",
      consumerId: "real-consumer",
      consumerSecret: " spaced secret ",
      accessToken: DEV_ACCESS_TOKEN,
      isDevSecret: false,
    });
  });
});
