import { type Listening, listen } from "@coreplus-kit/core/node";
import { getRequestListener } from "@hono/node-server";
import { WebClient } from "@slack/web-api";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeSlack } from "./fake-slack.js";

const BOT_TOKEN = "xoxb-test-token";
const fake = createFakeSlack({
  botToken: BOT_TOKEN,
  users: [
    { id: "U1", name: "amelia", realName: "Amelia Chen", email: "amelia@example.test", title: "Physio" },
  ],
});
let server: Listening;
let web: WebClient;

beforeAll(async () => {
  const app = new Hono().route("/slack", fake.app);
  server = await listen(getRequestListener(app.fetch), { host: "127.0.0.1", port: 0 });
  // The real Web API client the bot uses, pointed at the fake exactly as SLACK_API_URL would.
  web = new WebClient(BOT_TOKEN, { slackApiUrl: `${server.url}/slack/api/`, retryConfig: { retries: 0 } });
});
afterAll(() => server.close());

describe("the fake Slack Web API, driven by @slack/web-api", () => {
  it("answers auth.test with the bot's identity", async () => {
    const res = await web.auth.test();
    expect(res.ok).toBe(true);
    expect(res.team_id).toBe(fake.teamId);
    expect(res.user_id).toBeTruthy();
  });

  it("returns a user's email from users.info, and user_not_found otherwise", async () => {
    const res = await web.users.info({ user: "U1" });
    expect(res.user?.profile?.email).toBe("amelia@example.test");
    expect(res.user?.real_name).toBe("Amelia Chen");
    await expect(web.users.info({ user: "U404" })).rejects.toMatchObject({
      data: { error: "user_not_found" },
    });
  });

  it("records chat.postEphemeral with its blocks parsed", async () => {
    const since = fake.nextSeq();
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*Today*" } }];
    const res = await web.chat.postEphemeral({ channel: "C1", user: "U1", text: "Today", blocks });
    expect(res.ok).toBe(true);
    const seen = await fake.waitFor((t) => t.kind === "api" && t.method === "chat.postEphemeral", {
      since,
      timeoutMs: 1000,
    });
    expect(seen).toMatchObject({ kind: "api", ok: true, args: { channel: "C1", user: "U1", blocks } });
  });

  it("records views.publish and echoes the view with an id", async () => {
    const since = fake.nextSeq();
    const view = { type: "home" as const, blocks: [{ type: "divider" as const }] };
    const res = await web.views.publish({ user_id: "U1", view });
    expect(res.view?.id).toMatch(/^V/);
    const seen = await fake.waitFor((t) => t.kind === "api" && t.method === "views.publish", {
      since,
      timeoutMs: 1000,
    });
    expect(seen).toMatchObject({ args: { user_id: "U1", view } });
  });

  it("refuses a wrong token and an unknown method, and never records the token", async () => {
    const other = new WebClient("xoxb-wrong", {
      slackApiUrl: `${server.url}/slack/api/`,
      retryConfig: { retries: 0 },
    });
    await expect(other.auth.test()).rejects.toMatchObject({ data: { error: "invalid_auth" } });
    await expect(web.apiCall("nope.nothing")).rejects.toMatchObject({ data: { error: "unknown_method" } });
    expect(JSON.stringify(fake.traffic())).not.toContain("xoxb-");
  });
});

describe("response URLs", () => {
  it("records JSON posted to a response URL and wakes a waiter", async () => {
    const since = fake.nextSeq();
    const waiting = fake.waitFor((t) => t.kind === "response_url" && t.id === "abc", {
      since,
      timeoutMs: 2000,
    });
    const res = await fetch(`${server.url}/slack/response/abc`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ response_type: "ephemeral", text: "hello" }),
    });
    expect(res.status).toBe(200);
    expect(await waiting).toMatchObject({ kind: "response_url", id: "abc", body: { text: "hello" } });
  });

  it("resolves undefined when nothing matching arrives in time", async () => {
    const result = await fake.waitFor((t) => t.kind === "response_url" && t.id === "never", {
      since: fake.nextSeq(),
      timeoutMs: 50,
    });
    expect(result).toBeUndefined();
  });

  it("keeps only the newest records", async () => {
    const small = createFakeSlack({ botToken: "t", users: [], maxRecords: 2 });
    for (const id of ["a", "b", "c"]) {
      await small.app.request(`/response/${id}`, { method: "POST", body: "{}" });
    }
    expect(small.traffic().map((t) => (t.kind === "response_url" ? t.id : ""))).toEqual(["b", "c"]);
  });
});
