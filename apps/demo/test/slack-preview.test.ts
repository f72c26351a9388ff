/**
 * The Slack preview against the real bot: requests signed by the demo are accepted by Bolt, the bot
 * reads the user's email from the fake Web API, and answers through the response URL the demo hosts.
 * A request signed with the wrong secret is refused and costs nothing.
 */
import { DEV_ACCESS_TOKEN, DEV_CONSUMER_ID, DEV_CONSUMER_SECRET } from "@coreplus-kit/core/dev";
import { type Listening, listen } from "@coreplus-kit/core/node";
import { type RunningSandbox, serveSandbox } from "@coreplus-kit/sandbox/node";
import { createSlackbot, HOME_REFRESH_ACTION_ID, type Slackbot } from "@coreplus-kit/slackbot";
import { createFakeSlack, type FakeSlackHandler } from "@coreplus-kit/slackbot/testing";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackPreview, type SlackPreview } from "../src/slack/slack-preview.js";
import { buildStaff, type StaffMember } from "../src/slack/staff.js";

const NOW = new Date("2026-03-02T07:30:00+11:00");
const SECRET = "test-signing-secret";
const TOKEN = "xoxb-test";

let sandbox: RunningSandbox;
let site: Listening;
let bot: Slackbot;
let fake: FakeSlackHandler;
let preview: SlackPreview;
let staff: StaffMember[];
let botUrl: string;

beforeAll(async () => {
  sandbox = await serveSandbox({ port: 0, now: () => new Date(NOW), log: () => {} });
  staff = buildStaff(
    sandbox.sandbox.seed.practitioners.map((p) => ({
      practitionerId: p.practitionerId,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
    })),
  );
  fake = createFakeSlack({ botToken: TOKEN, users: staff });
  const slackRoutes = new Hono().post("/slack/*", (c) => fake.handle(c.req.raw));
  site = await listen(getRequestListener(slackRoutes.fetch), {
    host: "127.0.0.1",
    port: 0,
  });
  bot = createSlackbot({
    signingSecret: SECRET,
    botToken: TOKEN,
    slackApiUrl: `${site.url}/slack/api/`,
    port: 0,
    coreplus: {
      baseUrl: sandbox.url,
      consumerId: DEV_CONSUMER_ID,
      consumerSecret: DEV_CONSUMER_SECRET,
      accessToken: DEV_ACCESS_TOKEN,
    },
    now: () => new Date(NOW),
    viewers: staff.filter((s) => s.role === "viewer").map((s) => s.id),
    botId: "B1",
    botUserId: "U1BOT",
    audit: () => {},
  });
  const started = await bot.start();
  botUrl = started.mode === "http" ? started.url : "";
  preview = createSlackPreview({
    fakeSlack: fake,
    staff,
    botEventsUrl: botUrl,
    signingSecret: SECRET,
    responseUrlBase: `${site.url}/slack/response/`,
  });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await site?.close();
  await sandbox?.close();
});

function textOf(value: unknown): string {
  return JSON.stringify(value);
}

describe("the Slack preview with the real bot", () => {
  it("gets a practitioner's own day through the response URL, after users.info", async () => {
    const liam = staff.find((s) => s.realName.includes("O'Connor"));
    expect(liam).toBeDefined();
    const result = await preview.command(liam?.id ?? "", "today");
    expect(result.ack.status).toBe(200);
    expect(result.timedOut).toBe(false);
    expect(result.apiCalls.map((c) => c.method)).toContain("users.info");
    const reply = result.replies.find((r) => r.via === "response_url");
    expect(reply?.message.response_type).toBe("ephemeral");
    expect(textOf(reply?.message.blocks)).toContain("O'Connor");
  });

  it("lets reception ask for everyone", async () => {
    const desk = staff.find((s) => s.role === "viewer");
    const result = await preview.command(desk?.id ?? "", "today all");
    expect(textOf(result.replies)).toContain("All practitioners");
  });

  it("publishes the Home tab for the user who opened it", async () => {
    const liam = staff.find((s) => s.realName.includes("O'Connor"));
    const result = await preview.openHome(liam?.id ?? "");
    expect(result.ack.status).toBe(200);
    expect(result.views).toHaveLength(1);
    expect(textOf(result.views[0]?.view)).toContain("O'Connor");
  });

  it("refreshes the Home tab when its button is clicked", async () => {
    const liam = staff.find((s) => s.realName.includes("O'Connor"));
    const opened = await preview.openHome(liam?.id ?? "");
    expect(textOf(opened.views[0]?.view)).toContain(HOME_REFRESH_ACTION_ID);
    const result = await preview.clickHomeButton(liam?.id ?? "", { actionId: HOME_REFRESH_ACTION_ID });
    expect(result.ack.status).toBe(200);
    expect(result.views).toHaveLength(1);
    expect(textOf(result.views[0]?.view)).toContain("O'Connor");
  });

  it("is refused by the bot when signed with another secret, and nothing is fetched", async () => {
    const wrong = createSlackPreview({
      fakeSlack: fake,
      staff,
      botEventsUrl: botUrl,
      signingSecret: "not-the-secret",
      responseUrlBase: `${site.url}/slack/response/`,
      timeoutMs: 500,
    });
    const result = await wrong.command(staff[0]?.id ?? "", "today");
    expect(result.ack.status).toBe(401);
    expect(result.replies).toEqual([]);
    expect(result.apiCalls).toEqual([]);
  });

  it("refuses a user who is not in the workspace", async () => {
    await expect(preview.command("U404", "today")).rejects.toThrow("No such member");
  });
});
