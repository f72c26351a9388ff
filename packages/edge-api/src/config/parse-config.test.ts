import { describe, expect, test } from "vitest";
import { EdgeConfigError, parseEdgeConfig, parseEdgeConfigText } from "./parse-config.js";

const clinic = (over: Record<string, unknown> = {}) => ({
  slug: "harbourside",
  name: "Harbourside Physiotherapy",
  coreplus: {
    baseUrl: "https://sandbox.coreplus.com.au",
    consumerId: "consumer-1",
    consumerSecret: { env: "HARBOUR_SECRET" },
    accessToken: { env: "HARBOUR_TOKEN" },
  },
  allowedOrigins: ["https://www.harbourside.example", "loopback"],
  ...over,
});

function issues(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(EdgeConfigError);
    return (err as EdgeConfigError).issues;
  }
  throw new Error("expected an EdgeConfigError");
}

describe("parseEdgeConfig", () => {
  test("resolves secrets from the environment and applies defaults", () => {
    const cfg = parseEdgeConfig({ clinics: [clinic()] }, { HARBOUR_SECRET: "s3cret", HARBOUR_TOKEN: "tok" });
    const c = cfg.clinics[0]!;
    expect(c.coreplus).toMatchObject({
      consumerSecret: "s3cret",
      accessToken: "tok",
      version: "v2.1",
      timeoutMs: 10_000,
    });
    expect(c.allowedOrigins).toEqual(["https://www.harbourside.example"]);
    expect(c.allowLoopbackOrigins).toBe(true);
    expect(c.rules).toEqual({ minNoticeMinutes: 120, maxDaysAhead: 60 });
    expect(c.limits.reads).toEqual({ limit: 300, windowMs: 60_000 });
    expect(cfg.trustProxy).toBe(false);
  });

  test("names the missing secret variable without printing any secret", () => {
    const found = issues(() => parseEdgeConfig({ clinics: [clinic()] }, { HARBOUR_TOKEN: "tok" }));
    expect(found).toEqual([
      {
        path: "clinics[0].coreplus.consumerSecret",
        message: "environment variable HARBOUR_SECRET is not set",
      },
    ]);
  });

  test("names each bad field", () => {
    const bad = clinic({
      slug: "Bad Slug",
      allowedOrigins: ["https://x.example/path"],
      rules: { maxDaysAhead: 0 },
    });
    const found = issues(() => parseEdgeConfig({ clinics: [bad, clinic({ extra: 1 })] }, {}));
    const paths = found.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "clinics[0].slug",
        "clinics[0].allowedOrigins[0]",
        "clinics[0].rules.maxDaysAhead",
        "clinics[1]",
      ]),
    );
    expect(found.find((i) => i.path === "clinics[1]")?.message).toContain("extra");
  });

  test("duplicate slugs and missing fields are reported", () => {
    const env = { HARBOUR_SECRET: "s", HARBOUR_TOKEN: "t" };
    expect(issues(() => parseEdgeConfig({ clinics: [clinic(), clinic()] }, env))).toEqual([
      { path: "clinics[1].slug", message: 'duplicate slug "harbourside"' },
    ]);
    const { name: _name, ...noName } = clinic();
    expect(issues(() => parseEdgeConfig({ clinics: [noName] }, env))).toEqual([
      { path: "clinics[0].name", message: "is required" },
    ]);
  });

  test("text that is not JSON names its source", () => {
    expect(issues(() => parseEdgeConfigText("{", {}, "inline"))).toEqual([
      { path: "(root)", message: "CLINICS_JSON is not valid JSON" },
    ]);
  });
});

test("the README's clinics.example.json parses, with both clinics on one consumer", async () => {
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(new URL("../../clinics.example.json", import.meta.url), "utf8");
  const cfg = parseEdgeConfigText(
    text,
    {
      HARBOURSIDE_CONSUMER_ID: "consumer",
      HARBOURSIDE_CONSUMER_SECRET: "secret",
      HARBOURSIDE_ACCESS_TOKEN: "token-a",
      HAMILTON_ACCESS_TOKEN: "token-b",
    },
    "file",
  );
  expect(cfg.clinics.map((c) => c.slug)).toEqual(["harbourside", "harbourside-hamilton"]);
  expect(cfg.clinics[1]?.coreplus).toMatchObject({
    consumerId: "consumer",
    accessToken: "token-b",
    version: "v2.1",
  });
  expect(cfg.clinics[1]?.reminders).toEqual({ email: true, sms: false });
});

describe("changes policy", () => {
  const env = { HARBOUR_SECRET: "s3cret", HARBOUR_TOKEN: "tok" };
  test("defaults to cancel and reschedule online up to 24 hours before, with a policy text", () => {
    const c = parseEdgeConfig({ clinics: [clinic()] }, env).clinics[0]!;
    expect(c.changes).toEqual({
      cancel: true,
      reschedule: true,
      noticeHours: 24,
      policy:
        "You can change or cancel your appointment online up to 1 day before it starts. After that, please call us.",
    });
  });

  test("takes the clinic's own notice, switches and text; refuses unknown fields and bad hours", () => {
    const own = parseEdgeConfig(
      { clinics: [clinic({ changes: { reschedule: false, noticeHours: 48 } })] },
      env,
    ).clinics[0]!;
    expect(own.changes).toMatchObject({ cancel: true, reschedule: false, noticeHours: 48 });
    expect(own.changes.policy).toContain("2 days");
    const text = parseEdgeConfig(
      { clinics: [clinic({ changes: { noticeHours: 6, policy: "Call us to change." } })] },
      env,
    ).clinics[0]!;
    expect(text.changes.policy).toBe("Call us to change.");
    expect(
      issues(() => parseEdgeConfig({ clinics: [clinic({ changes: { noticeHours: -1 } })] }, env)),
    ).toEqual([expect.objectContaining({ path: "clinics[0].changes.noticeHours" })]);
    expect(issues(() => parseEdgeConfig({ clinics: [clinic({ changes: { refunds: true } })] }, env))).toEqual(
      [{ path: "clinics[0].changes", message: "unknown field(s): refunds" }],
    );
  });
});
