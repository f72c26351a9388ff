import { DEV_BASE_URL, DEV_CONSUMER_SECRET } from "@coreplus-kit/core/dev";
import { describe, expect, it } from "vitest";
import { createSlackbot } from "./create-slackbot.js";
import { slackbotConfigFromEnv } from "./env.js";
import { SlackbotConfigError } from "./errors.js";

const base = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "secret" };

describe("slackbotConfigFromEnv", () => {
  it("uses HTTP mode on 127.0.0.1:3000 and the development coreplus by default", () => {
    const { options, summary } = slackbotConfigFromEnv(base);
    expect(options).toMatchObject({
      botToken: "xoxb-1",
      signingSecret: "secret",
      port: 3000,
      host: "127.0.0.1",
      showClientNames: "initials",
      showTypes: true,
      practitionerMap: {},
      viewers: [],
      admins: [],
      coreplus: { baseUrl: DEV_BASE_URL, consumerSecret: DEV_CONSUMER_SECRET },
    });
    expect(options.appToken).toBeUndefined();
    // What must survive a restart goes to a file by default.
    expect(options.state).toEqual({ file: "slackbot-state.json" });
    expect(options.activityChannel).toBeUndefined();
    expect(
      slackbotConfigFromEnv({ ...base, SLACKBOT_STATE_FILE: "/var/lib/bot.json" }).options.state,
    ).toEqual({
      file: "/var/lib/bot.json",
    });
    expect(options.slackApiUrl).toBeUndefined();
    expect(summary).toEqual({ mode: "http", coreplusBaseUrl: DEV_BASE_URL, coreplusIsDev: true });
  });

  it("reads every setting", () => {
    const { options, summary } = slackbotConfigFromEnv({
      ...base,
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_API_URL: "http://127.0.0.1:9999/api/",
      SLACKBOT_PORT: "3100",
      HOST: "0.0.0.0",
      SLACK_TIMEZONE: "Australia/Perth",
      SLACK_SHOW_CLIENT_NAMES: "FULL",
      SLACK_SHOW_TYPES: "Off",
      SLACK_PRACTITIONER_MAP: '{"U1":"p-1"," U2 ":" p-2 "}',
      SLACK_VIEWERS: "U3, U4,,",
      SLACK_ADMINS: "U5",
      SLACKBOT_TIMEOUT_MS: "15000",
      REDIS_URL: "redis://127.0.0.1:6390",
      SLACK_ACTIVITY_CHANNEL: "C0ACTIVITY",
      SLACK_ALERT_TOKEN: "alert-token-0123456789",
      SLACKBOT_WATCH_INTERVAL_MS: "60000",
      SLACKBOT_WATCH_DAYS: "5",
      SLACKBOT_WATCH_BUDGET_SHARE: "0.1",
      COREPLUS_BASE_URL: "https://sandbox.coreplus.com.au",
      COREPLUS_CONSUMER_SECRET: "real-secret",
    });
    expect(options).toMatchObject({
      appToken: "xapp-1",
      slackApiUrl: "http://127.0.0.1:9999/api/",
      port: 3100,
      host: "0.0.0.0",
      timezone: "Australia/Perth",
      showClientNames: "full",
      showTypes: false,
      practitionerMap: { U1: "p-1", U2: "p-2" },
      viewers: ["U3", "U4"],
      admins: ["U5"],
      requestTimeoutMs: 15000,
      state: { redisUrl: "redis://127.0.0.1:6390" },
      activityChannel: "C0ACTIVITY",
      alertToken: "alert-token-0123456789",
      watch: { intervalMs: 60000, days: 5, budgetShare: 0.1 },
    });
    expect(summary).toEqual({
      mode: "socket",
      coreplusBaseUrl: "https://sandbox.coreplus.com.au",
      coreplusIsDev: false,
    });
  });

  it("names the variable that is wrong, never its value", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ SLACK_SIGNING_SECRET: "s" }, /SLACK_BOT_TOKEN is required/],
      [{ SLACK_BOT_TOKEN: "xoxb-1" }, /SLACK_SIGNING_SECRET is required/],
      [{ ...base, SLACK_PRACTITIONER_MAP: "{not json" }, /SLACK_PRACTITIONER_MAP is not JSON/],
      [{ ...base, SLACK_PRACTITIONER_MAP: '["U1"]' }, /must be a JSON object/],
      [{ ...base, SLACK_PRACTITIONER_MAP: '{"U1": 5}' }, /value for U1/],
      [{ ...base, SLACKBOT_PORT: "http" }, /SLACKBOT_PORT/],
      [{ ...base, SLACK_SHOW_CLIENT_NAMES: "some" }, /SLACK_SHOW_CLIENT_NAMES must be initials or full/],
      [{ ...base, SLACKBOT_TIMEOUT_MS: "5" }, /SLACKBOT_TIMEOUT_MS/],
      [{ ...base, SLACK_SHOW_TYPES: "maybe" }, /SLACK_SHOW_TYPES must be on or off/],
      [{ ...base, REDIS_URL: "http://user:hunter2@redis" }, /REDIS_URL must start with redis:\/\//],
      [{ ...base, REDIS_URL: "not a url hunter2" }, /REDIS_URL is not a URL/],
      [
        { ...base, SLACK_ALERT_TOKEN: "alert-token-0123456789" },
        /SLACK_ALERT_TOKEN needs SLACK_ACTIVITY_CHANNEL/,
      ],
      [{ ...base, SLACK_ACTIVITY_CHANNEL: "C1", SLACK_ALERT_TOKEN: "short" }, /at least 16/],
      [{ ...base, SLACKBOT_WATCH_INTERVAL_MS: "5" }, /SLACKBOT_WATCH_INTERVAL_MS must be a number from 1000/],
      [{ ...base, SLACKBOT_WATCH_DAYS: "2.5" }, /SLACKBOT_WATCH_DAYS/],
    ];
    for (const [env, message] of cases) {
      let error: unknown;
      try {
        slackbotConfigFromEnv(env);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SlackbotConfigError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("hunter2");
      expect((error as SlackbotConfigError).code).toBe("ERR_SLACKBOT_CONFIG");
    }
  });

  it("does not need a signing secret in Socket Mode", () => {
    expect(slackbotConfigFromEnv({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).summary.mode).toBe(
      "socket",
    );
  });
});

describe("createSlackbot", () => {
  const coreplus = { baseUrl: DEV_BASE_URL, consumerId: "c", consumerSecret: "s", accessToken: "t" };

  it("chooses Socket Mode when an app token is given, without connecting", async () => {
    const bot = createSlackbot({ signingSecret: "", botToken: "xoxb-1", appToken: "xapp-1", coreplus });
    expect(bot.mode).toBe("socket");
    await bot.stop();
  });

  it("refuses an unknown SLACK_TIMEZONE and a missing signing secret in HTTP mode", () => {
    expect(() =>
      createSlackbot({ signingSecret: "s", botToken: "xoxb-1", coreplus, timezone: "Mars/Base" }),
    ).toThrow(SlackbotConfigError);
    expect(() => createSlackbot({ signingSecret: "", botToken: "xoxb-1", coreplus })).toThrow(
      /signingSecret/,
    );
  });
});
