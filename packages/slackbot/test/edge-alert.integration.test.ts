/**
 * The edge API's booking-rate alert reaches staff (architecture.md, "Limits…": "a Slack notice where
 * the bot is connected"): the edge API's poster (ALERT_WEBHOOK_URL + ALERT_WEBHOOK_TOKEN) posts it
 * over real HTTP to this bot's `POST /slack/alerts` (SLACK_ALERT_TOKEN), which posts it to the activity
 * channel of the fake Slack.
 */
import { alertWebhookFromEnv, type CeilingAlert, createAlertPoster } from "@coreplus-kit/edge-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedCall } from "../src/testing/index.js";
import { type Rig, startRig } from "./harness.js";
import { visibleText } from "./limits.js";

const TOKEN = "edge-alert-token-0123456789";
let rig: Rig;

// The bot in HTTP mode with its own fake Slack and sandbox.
beforeAll(async () => {
  rig = await startRig({ activityChannel: "C0ACTIVITY", alertToken: TOKEN });
});
afterAll(() => rig?.close());

// The alert as the limits raise it: 60 online bookings an hour for harbourside.
const alert: CeilingAlert & { at: string } = {
  alert: "booking-rate",
  clinic: "harbourside",
  limit: 60,
  windowSeconds: 3600,
  at: "2026-11-30T21:00:00.000Z",
};
const textOf = (c: RecordedCall): string =>
  visibleText([{ text: String(c.body.text ?? ""), blocks: (c.body.blocks ?? []) as never }]);

describe("the edge API's booking-rate alert, posted to the bot", () => {
  it("reaches the activity channel, with the clinic, the count and the ceiling; the poster logs it posted", async () => {
    const hook = alertWebhookFromEnv({
      ALERT_WEBHOOK_URL: new URL("/slack/alerts", rig.eventsUrl).href,
      ALERT_WEBHOOK_TOKEN: TOKEN,
    })!;
    const logs: Record<string, unknown>[] = [];
    const since = rig.slack.nextSeq();
    await createAlertPoster(hook, { logger: (e) => logs.push(e) })(alert);
    const [posted] = await rig.slack.waitFor(
      (c) => c.method === "chat.postMessage" && c.body.channel === "C0ACTIVITY",
      { since },
    );
    expect(textOf(posted!)).toContain("Online bookings for harbourside reached 61 in the last 60 minutes");
    expect(textOf(posted!)).toContain("the limit is 60");
    expect(logs).toEqual([
      { level: "info", msg: "alert webhook posted", alert: "booking-rate", clinic: "harbourside" },
    ]);
  });

  it("with the wrong token the bot refuses it (401) and the poster logs the failure, never the token", async () => {
    const logs: Record<string, unknown>[] = [];
    const since = rig.slack.nextSeq();
    const wrong = "not-the-alert-token-0123";
    await createAlertPoster(
      { url: new URL("/slack/alerts", rig.eventsUrl).href, token: wrong },
      { logger: (e) => logs.push(e) },
    )(alert);
    expect(logs).toEqual([
      {
        level: "warn",
        msg: "alert webhook failed",
        alert: "booking-rate",
        clinic: "harbourside",
        reason: "answered 401",
      },
    ]);
    expect(JSON.stringify(logs)).not.toContain(wrong);
    expect(rig.slack.calls.filter((c) => c.seq >= since && c.method === "chat.postMessage")).toEqual([]);
  });

  it("the bot gone: the poster logs it unreachable and resolves", async () => {
    const logs: Record<string, unknown>[] = [];
    await createAlertPoster(
      { url: "http://127.0.0.1:9/slack/alerts", token: TOKEN },
      { logger: (e) => logs.push(e) },
    )(alert);
    expect(logs[0]).toMatchObject({ level: "warn", reason: "unreachable" });
  });

  it("the edge API's variables: both or neither, a URL, a token long enough", () => {
    expect(alertWebhookFromEnv({})).toBeUndefined();
    const paths = (env: Record<string, string>) => {
      try {
        alertWebhookFromEnv(env);
        return [];
      } catch (err) {
        return (err as { issues: { path: string }[] }).issues.map((i) => i.path);
      }
    };
    expect(paths({ ALERT_WEBHOOK_URL: "https://bot.example/slack/alerts" })).toEqual(["ALERT_WEBHOOK_TOKEN"]);
    expect(paths({ ALERT_WEBHOOK_TOKEN: TOKEN })).toEqual(["ALERT_WEBHOOK_URL"]);
    expect(paths({ ALERT_WEBHOOK_URL: "bot.example", ALERT_WEBHOOK_TOKEN: "short" })).toEqual([
      "ALERT_WEBHOOK_URL",
      "ALERT_WEBHOOK_TOKEN",
    ]);
  });
});
