/**
 * What the demo relies on from `@coreplus-kit/slackbot/testing`, checked the way the demo uses it:
 * the v0 signer against Slack's published example and an independent verifier, and the fake Slack
 * mounted under the site's /slack/ and driven by the real @slack/web-api client the bot uses.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { type Listening, listen } from "@coreplus-kit/core/node";
import { createFakeSlack, signSlackRequest } from "@coreplus-kit/slackbot/testing";
import { getRequestListener } from "@hono/node-server";
import { WebClient } from "@slack/web-api";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The worked example from Slack's "Verifying requests from Slack" guide.
const SLACK_EXAMPLE = {
  signingSecret: "8f742231b10e8888abcd99yyyzzz85a5",
  timestamp: 1531420618,
  body:
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V" +
    "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=" +
    "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN" +
    "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
  signature: "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
};

/** An independent verifier written the way Slack documents it (and Bolt implements it). */
function verify(secret: string, headers: Record<string, string>, body: string, nowSeconds: number): boolean {
  const ts = Number(headers["x-slack-request-timestamp"]);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > 300) return false;
  const expected = `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
  const given = headers["x-slack-signature"] ?? "";
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const signature = (secret: string, timestamp: number, body: string): string =>
  signSlackRequest(secret, body, timestamp)["x-slack-signature"];

describe("signSlackRequest", () => {
  it("matches Slack's published example", () => {
    expect(signature(SLACK_EXAMPLE.signingSecret, SLACK_EXAMPLE.timestamp, SLACK_EXAMPLE.body)).toBe(
      SLACK_EXAMPLE.signature,
    );
  });

  it("changes with the body, the timestamp and the secret", () => {
    const base = signature("secret", 1_700_000_000, "text=today");
    expect(signature("secret", 1_700_000_000, "text=tomorrow")).not.toBe(base);
    expect(signature("secret", 1_700_000_001, "text=today")).not.toBe(base);
    expect(signature("other", 1_700_000_000, "text=today")).not.toBe(base);
  });

  it("produces headers an independent verifier accepts", () => {
    const headers = signSlackRequest("s3cret", "command=%2Fappointments", 1000);
    expect(headers["x-slack-request-timestamp"]).toBe("1000");
    expect(verify("s3cret", { ...headers }, "command=%2Fappointments", 1010)).toBe(true);
    expect(verify("wrong", { ...headers }, "command=%2Fappointments", 1010)).toBe(false);
    expect(verify("s3cret", { ...headers }, "command=%2Fappointment", 1010)).toBe(false);
  });

  it("uses the wall clock by default", () => {
    const before = Math.floor(Date.now() / 1000);
    const headers = signSlackRequest("s", "");
    const ts = Number(headers["x-slack-request-timestamp"]);
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it("never puts the secret in the headers", () => {
    const headers = signSlackRequest("do-not-leak", "x", 1);
    expect(JSON.stringify(headers)).not.toContain("do-not-leak");
  });

  it("refuses a timestamp that is not whole seconds", () => {
    expect(() => signSlackRequest("s", "", 1.5)).toThrow(RangeError);
  });
});

const BOT_TOKEN = "xoxb-test-token";
const TEAM_ID = "T0HARBOUR";
const fake = createFakeSlack({
  botToken: BOT_TOKEN,
  teamId: TEAM_ID,
  users: [{ id: "U1", name: "amelia", realName: "Amelia Chen", email: "amelia@example.test" }],
});
let server: Listening;
let web: WebClient;

beforeAll(async () => {
  // Mounted as the demo's site mounts it.
  const app = new Hono().post("/slack/*", (c) => fake.handle(c.req.raw));
  server = await listen(getRequestListener(app.fetch), { host: "127.0.0.1", port: 0 });
  // The real Web API client the bot uses, pointed at the fake exactly as SLACK_API_URL would.
  web = new WebClient(BOT_TOKEN, { slackApiUrl: `${server.url}/slack/api/`, retryConfig: { retries: 0 } });
});
afterAll(() => server.close());

describe("the fake Slack Web API, driven by @slack/web-api", () => {
  it("answers auth.test with the bot's identity", async () => {
    const res = await web.auth.test();
    expect(res.ok).toBe(true);
    expect(res.team_id).toBe(TEAM_ID);
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
    const [seen] = await fake.waitFor((t) => t.method === "chat.postEphemeral", { since, timeoutMs: 1000 });
    expect(seen).toMatchObject({ ok: true, body: { channel: "C1", user: "U1", blocks } });
  });

  it("records views.publish and echoes the view with an id", async () => {
    const since = fake.nextSeq();
    const view = { type: "home" as const, blocks: [{ type: "divider" as const }] };
    const res = await web.views.publish({ user_id: "U1", view });
    expect(res.view?.id).toMatch(/^V/);
    const [seen] = await fake.waitFor((t) => t.method === "views.publish", { since, timeoutMs: 1000 });
    expect(seen).toMatchObject({ body: { user_id: "U1", view } });
  });

  it("refuses a wrong token and an unknown method, and never puts the token in what the demo shows", async () => {
    const other = new WebClient("xoxb-wrong", {
      slackApiUrl: `${server.url}/slack/api/`,
      retryConfig: { retries: 0 },
    });
    await expect(other.auth.test()).rejects.toMatchObject({ data: { error: "invalid_auth" } });
    await expect(web.apiCall("nope.nothing")).rejects.toMatchObject({ data: { error: "unknown_method" } });
    // The preview renders methods, outcomes and bodies; the bearer token is kept apart from them.
    const shown = fake.calls.map(({ method, ok, body, responseId }) => ({ method, ok, body, responseId }));
    expect(shown.length).toBeGreaterThan(0);
    expect(JSON.stringify(shown)).not.toContain("xoxb-");
  });
});

describe("response URLs", () => {
  it("records JSON posted to a response URL and wakes a waiter", async () => {
    const since = fake.nextSeq();
    const waiting = fake.waitFor((t) => t.method === "response_url" && t.responseId === "abc", {
      since,
      timeoutMs: 2000,
    });
    const res = await fetch(`${server.url}/slack/response/abc`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ response_type: "ephemeral", text: "hello" }),
    });
    expect(res.status).toBe(200);
    expect(await waiting).toMatchObject([
      { method: "response_url", responseId: "abc", body: { text: "hello" } },
    ]);
  });

  it("rejects a wait when nothing matching arrives in time (the preview reads that as no reply)", async () => {
    await expect(
      fake.waitFor((t) => t.responseId === "never", { since: fake.nextSeq(), timeoutMs: 50 }),
    ).rejects.toThrow(/waited 50 ms/);
  });

  it("keeps only the newest records", async () => {
    const small = createFakeSlack({ botToken: "t", users: [], maxRecords: 2 });
    for (const id of ["a", "b", "c"]) {
      await small.handle(
        new Request(`http://demo.local/slack/response/${id}`, { method: "POST", body: "{}" }),
      );
    }
    expect(small.calls.map((t) => t.responseId)).toEqual(["b", "c"]);
  });
});
