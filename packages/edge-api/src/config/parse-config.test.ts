import { describe, expect, test } from "vitest";
import { clinicEntry, configIssues } from "../../test/config-fixture.js";
import { deploymentSecrets, parseEdgeConfig, parseEdgeConfigText } from "./parse-config.js";
import { startupWarnings } from "./startup-warnings.js";

/** The fixture's clinic with its coreplus secrets from the environment and an origin allowlist. */
const clinic = (over: Record<string, unknown> = {}) =>
  clinicEntry({
    coreplus: {
      ...clinicEntry().coreplus,
      consumerSecret: { env: "HARBOUR_SECRET" },
      accessToken: { env: "HARBOUR_TOKEN" },
    },
    allowedOrigins: ["https://www.harbourside.example", "loopback"],
    ...over,
  });
const issues = configIssues;

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

  test("every limit has its documented default, each can be changed or switched off, bad ones are named", () => {
    const env = { HARBOUR_SECRET: "s", HARBOUR_TOKEN: "t" };
    const defaults = parseEdgeConfig({ clinics: [clinic()] }, env).clinics[0]!.limits;
    expect(defaults).toEqual({
      reads: { limit: 300, windowMs: 60_000 },
      bookings: { limit: 10, windowMs: 3_600_000 },
      misses: { limit: 60, windowMs: 600_000 },
      perPatient: { limit: 3, windowMs: 86_400_000 },
      clinicBookings: { limit: 60, windowMs: 3_600_000 },
      lookups: { limit: 5, windowMs: 3_600_000 },
      ipv6Prefix: 64,
    });
    const changed = parseEdgeConfig(
      {
        clinics: [
          clinic({
            limits: {
              perPatient: { limit: 5, windowSeconds: 43_200 },
              clinicBookings: null,
              lookups: { limit: 3, windowSeconds: 600 },
              ipv6Prefix: 56,
            },
          }),
        ],
      },
      env,
    ).clinics[0]!.limits;
    expect(changed).toMatchObject({
      perPatient: { limit: 5, windowMs: 43_200_000 },
      clinicBookings: null,
      lookups: { limit: 3, windowMs: 600_000 },
      ipv6Prefix: 56,
      reads: { limit: 300, windowMs: 60_000 },
    });
    const bad = clinic({ limits: { lookups: { limit: 0, windowSeconds: 60 }, ipv6Prefix: 16, hourly: 1 } });
    const found = issues(() => parseEdgeConfig({ clinics: [bad] }, env));
    expect(found.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        "clinics[0].limits.lookups.limit",
        "clinics[0].limits.ipv6Prefix",
        "clinics[0].limits",
      ]),
    );
    expect(found.find((i) => i.path === "clinics[0].limits.ipv6Prefix")?.message).toBe(
      "must be a prefix length from 32 to 128",
    );
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

describe("challenge, deployment secret and health token", () => {
  const env = { HARBOUR_SECRET: "s3cret", HARBOUR_TOKEN: "tok" };

  test("altcha with the production setting unless the clinic chooses otherwise", () => {
    const cfg = parseEdgeConfig({ clinics: [clinic()] }, env);
    expect(cfg.clinics[0]!.challenge).toEqual({
      kind: "altcha",
      algorithm: "PBKDF2/SHA-256",
      cost: 250,
      maxCounter: 1500,
    });
    expect(
      parseEdgeConfig({ clinics: [clinic({ challenge: { kind: "none" } })] }, env).clinics[0]!.challenge,
    ).toEqual({
      kind: "none",
    });
  });

  test("Turnstile's secret key is resolved like any secret, and its siteverify URL defaults to Cloudflare's", () => {
    const turnstile = { kind: "turnstile", siteKey: "0x4AAA", secretKey: { env: "TURNSTILE_SECRET" } };
    const cfg = parseEdgeConfig(
      { clinics: [clinic({ challenge: turnstile })] },
      { ...env, TURNSTILE_SECRET: "ts" },
    );
    expect(cfg.clinics[0]!.challenge).toEqual({
      kind: "turnstile",
      siteKey: "0x4AAA",
      secretKey: "ts",
      siteverifyUrl: "https://challenges.cloudflare.com/turnstile/v0/siteverify",
    });
    expect(issues(() => parseEdgeConfig({ clinics: [clinic({ challenge: turnstile })] }, env))).toEqual([
      { path: "clinics[0].challenge.secretKey", message: "environment variable TURNSTILE_SECRET is not set" },
    ]);
    expect(
      issues(() => parseEdgeConfig({ clinics: [clinic({ challenge: { kind: "captcha" } })] }, env))[0]!.path,
    ).toBe("clinics[0].challenge.kind");
  });

  test("EDGE_SECRET and HEALTH_TOKEN are read from the environment; too short is refused without echoing it", () => {
    const long = "x".repeat(32);
    const cfg = parseEdgeConfig({ clinics: [clinic()] }, { ...env, EDGE_SECRET: long, HEALTH_TOKEN: long });
    expect(cfg).toMatchObject({ secret: long, healthToken: long });
    expect(parseEdgeConfig({ clinics: [clinic()] }, env).secret).toBeUndefined();
    const found = issues(() =>
      parseEdgeConfig({ clinics: [clinic()] }, { ...env, EDGE_SECRET: "short-secret" }),
    );
    expect(found).toEqual([{ path: "EDGE_SECRET", message: "must be at least 32 characters" }]);
    expect(JSON.stringify(found)).not.toContain("short-secret");
  });

  test("the start-up warnings name the development secret and every clinic without a challenge", () => {
    const cfg = parseEdgeConfig({ clinics: [clinic({ challenge: { kind: "none" } })] }, env);
    const msgs = startupWarnings(cfg).map((w) => String(w.msg));
    expect(msgs).toHaveLength(2);
    expect(msgs[0]).toMatch(/EDGE_SECRET is not set/);
    expect(msgs[1]).toMatch(/'harbourside' takes bookings with no challenge/);
    const quiet = parseEdgeConfig({ clinics: [clinic()] }, { ...env, EDGE_SECRET: "y".repeat(40) });
    expect(startupWarnings(quiet)).toEqual([]);
  });
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

const PUBLIC_URL_MESSAGE =
  'must be an http(s) URL with no trailing slash, query or fragment, such as "https://book.example.com"';

describe("publicUrl (the OpenAPI document's servers)", () => {
  const secrets = { HARBOUR_SECRET: "s", HARBOUR_TOKEN: "t" };
  test("unset by default; taken from the file, and EDGE_API_PUBLIC_URL wins over it", () => {
    expect(parseEdgeConfig({ clinics: [clinic()] }, secrets).publicUrl).toBeUndefined();
    const file = { clinics: [clinic()], publicUrl: "https://book.harbourside.example" };
    expect(parseEdgeConfig(file, secrets).publicUrl).toBe("https://book.harbourside.example");
    const env = { EDGE_API_PUBLIC_URL: "https://api.harbourside.example/booking" };
    expect(parseEdgeConfig(file, { ...secrets, ...env }).publicUrl).toBe(
      "https://api.harbourside.example/booking",
    );
    // The default sandbox configuration reads it through deploymentSecrets.
    expect(deploymentSecrets(env)).toEqual({ publicUrl: "https://api.harbourside.example/booking" });
  });

  test.each([
    "https://book.example.com/",
    "https://book.example.com?x=1",
    "https://book.example.com#docs",
    "ftp://book.example.com",
    "https://user:pw@book.example.com",
    "book.example.com",
  ])("%s is refused, naming the field", (url) => {
    expect(issues(() => parseEdgeConfig({ clinics: [clinic()], publicUrl: url }, secrets))).toEqual([
      { path: "publicUrl", message: PUBLIC_URL_MESSAGE },
    ]);
    expect(issues(() => deploymentSecrets({ EDGE_API_PUBLIC_URL: url }))).toEqual([
      { path: "EDGE_API_PUBLIC_URL", message: PUBLIC_URL_MESSAGE },
    ]);
  });
});
