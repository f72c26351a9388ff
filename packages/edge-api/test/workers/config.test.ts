/** The Worker's configuration comes from its bindings; a bad one is refused naming the field, never a secret. */
import { afterEach, describe, expect, test, vi } from "vitest";
import { WORKERS_TEST } from "./constants.ts";
import { captureLogs, workerWith } from "./harness.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Serves one request with the test Worker's bindings changed as given. */
async function serveWith(changes: Record<string, string | undefined>) {
  const logs = captureLogs();
  const edge = workerWith(changes);
  const res = await edge.fetch("https://edge.test/v1/clinics/harbourside", {
    headers: { "cf-connecting-ip": "192.0.2.1" },
  });
  await edge.settled();
  return { res, text: await res.text(), logs: logs.join("\n") };
}

const clinics = (secretRef: string) =>
  JSON.stringify({
    clinics: [
      {
        ...WORKERS_TEST.clinics.clinics[0],
        coreplus: { ...WORKERS_TEST.clinics.clinics[0]!.coreplus, consumerSecret: { env: secretRef } },
      },
    ],
  });

describe("configuration from bindings", () => {
  test("a secret referenced by CLINICS_JSON is read from the bindings", async () => {
    const { res } = await serveWith({
      CLINICS_JSON: clinics("OTHER_SECRET"),
      OTHER_SECRET: "coreplus-kit-dev-secret",
    });
    expect(res.status).toBe(200);
  });

  test("a missing secret: 500 problem+json for visitors, the field named in the log, no secret anywhere", async () => {
    const { res, text, logs } = await serveWith({ CLINICS_JSON: clinics("MISSING_SECRET") });
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.parse(text)).toMatchObject({
      type: "https://coreplus-kit.dev/problems/internal",
      status: 500,
    });
    expect(text).not.toContain("MISSING_SECRET");
    expect(logs).toContain(
      "clinics[0].coreplus.consumerSecret: environment variable MISSING_SECRET is not set",
    );
    expect(logs).not.toContain("coreplus-kit-dev-secret");
  });

  test("bad JSON, a bad budget or a bad business time are refused the same way", async () => {
    for (const [changes, field] of [
      [{ CLINICS_JSON: "{not json" }, "CLINICS_JSON"],
      [{ COREPLUS_REQUESTS_PER_SECOND: "50" }, "COREPLUS_REQUESTS_PER_SECOND"],
      [{ COREPLUS_PRIORITY_RESERVE: "9" }, "COREPLUS_PRIORITY_RESERVE"],
      [{ BUSINESS_TIME: "soon" }, "BUSINESS_TIME"],
    ] as const) {
      const { res, logs } = await serveWith(changes);
      expect(res.status).toBe(500);
      expect(logs).toContain(field);
    }
  });

  test("ALERT_WEBHOOK_URL and ALERT_WEBHOOK_TOKEN: both or neither, a bad one named in the log, no token", async () => {
    const token = "workers-alert-token-of-the-config-test";
    for (const [changes, message] of [
      [{ ALERT_WEBHOOK_URL: "https://bot.example/slack/alerts" }, "ALERT_WEBHOOK_TOKEN: must be set"],
      [{ ALERT_WEBHOOK_TOKEN: token }, "ALERT_WEBHOOK_URL: must be set"],
      [
        { ALERT_WEBHOOK_URL: "bot.example/slack/alerts", ALERT_WEBHOOK_TOKEN: token },
        "ALERT_WEBHOOK_URL: must be an http(s) URL",
      ],
      [
        { ALERT_WEBHOOK_URL: "https://bot.example/slack/alerts", ALERT_WEBHOOK_TOKEN: "short" },
        "ALERT_WEBHOOK_TOKEN: must be at least 16",
      ],
    ] as const) {
      const { res, text, logs } = await serveWith(changes);
      expect(res.status, text).toBe(500);
      expect(text).not.toContain("ALERT_WEBHOOK");
      expect(logs).toContain(message);
      expect(logs).not.toContain(token);
      expect(logs).not.toContain('"short"');
    }
    const both = await serveWith({
      ALERT_WEBHOOK_URL: "https://bot.example/slack/alerts",
      ALERT_WEBHOOK_TOKEN: token,
    });
    expect(both.res.status, both.text).toBe(200);
  });

  test("CLINICS_JSON without EDGE_SECRET or MANAGE_SECRET: refused (500), the variable named in the log", async () => {
    for (const missing of ["EDGE_SECRET", "MANAGE_SECRET"]) {
      const { res, text, logs } = await serveWith({ [missing]: undefined });
      expect(res.status).toBe(500);
      expect(text).not.toContain(missing);
      expect(logs).toContain(`${missing}: must be set with a CLINICS_JSON`);
    }
  });

  test("without CLINICS_JSON: the sandbox clinic with COREPLUS_* or the development defaults, and a warning", async () => {
    const { res, text, logs } = await serveWith({ CLINICS_JSON: undefined });
    expect(res.status, text).toBe(200);
    expect(JSON.parse(text).clinic.slug).toBe("harbourside");
    expect(logs).toContain("no CLINICS_JSON");
    // The development fallback (and its warning) is kept for the sandbox clinic only.
    const dev = await serveWith({
      CLINICS_JSON: undefined,
      EDGE_SECRET: undefined,
      MANAGE_SECRET: undefined,
    });
    expect(dev.res.status, dev.text).toBe(200);
    expect(dev.logs).toContain("EDGE_SECRET is not set");
  });
});
