import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFakeSlack } from "@coreplus-kit/slackbot/testing";
import { afterAll, describe, expect, it } from "vitest";
import { type SlackExchange, type SlackPreview, UnknownSlackUserError } from "../slack/slack-preview.js";
import { buildStaff } from "../slack/staff.js";
import type { TodayFeed } from "../today/todays-appointments.js";
import { createSiteApp } from "./site-app.js";

const root = mkdtempSync(join(tmpdir(), "demo-site-"));
mkdirSync(join(root, "assets"));
writeFileSync(
  join(root, "index.html"),
  '<meta name="coreplus-api" content="http://127.0.0.1:8787"><coreplus-booking api="http://127.0.0.1:8787">',
);
writeFileSync(join(root, "playground.html"), "<h1>Playground</h1>");
writeFileSync(join(root, "assets", "app-abc123.js"), "export {}");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const staff = buildStaff([
  { practitionerId: "p1", firstName: "Liam", lastName: "O'Connor", title: "Mr", email: "liam@example.test" },
  { practitionerId: "p2", firstName: "No", lastName: "Email" },
]);
const exchange: SlackExchange = {
  ack: { status: 200, ms: 1 },
  replies: [],
  views: [],
  apiCalls: [],
  timedOut: false,
};
const calls: string[] = [];
const preview: SlackPreview = {
  async command(userId, text) {
    if (!staff.some((s) => s.id === userId)) throw new UnknownSlackUserError();
    calls.push(`command ${userId} ${text}`);
    return exchange;
  },
  async openHome(userId) {
    calls.push(`home ${userId}`);
    return exchange;
  },
  async clickHomeButton(userId, action) {
    calls.push(`click ${userId} ${action.actionId}`);
    return exchange;
  },
};
let todayFails = false;
const today: TodayFeed = {
  async get() {
    if (todayFails) throw new Error("upstream down: secret-token-123");
    return { asOf: "2026-03-02T00:00:00.000Z", locations: [] };
  },
};
const app = createSiteApp({
  siteDir: root,
  urls: {
    site: "http://127.0.0.1:1",
    sandbox: "http://127.0.0.1:2",
    edgeApi: "http://127.0.0.1:45678",
    slackbot: "http://127.0.0.1:3",
    slackEvents: "http://127.0.0.1:3/slack/events",
    slackApi: "http://127.0.0.1:1/slack/api/",
  },
  fakeSlack: createFakeSlack({ botToken: "t", users: staff }),
  slackPreview: preview,
  staff,
  today,
});

describe("the built site", () => {
  it("serves pages pointing the embed at the running edge API, under a strict CSP", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain("8787");
    expect(html).toContain('api="http://127.0.0.1:45678"');
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:45678");
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });

  it("serves clean URLs and caches hashed assets", async () => {
    expect(await (await app.request("/playground")).text()).toBe("<h1>Playground</h1>");
    const asset = await app.request("/assets/app-abc123.js");
    expect(asset.headers.get("content-type")).toContain("text/javascript");
    expect(asset.headers.get("cache-control")).toContain("immutable");
  });

  it("never serves files outside the site", async () => {
    for (const path of [
      "/../package.json",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/assets/..%2f..%2fetc%2fpasswd",
      "/%E0%A4%A",
    ]) {
      expect((await app.request(path)).status, path).toBe(404);
    }
  });
});

describe("the demo's JSON", () => {
  it("lists the workspace without emails", async () => {
    const body = (await (await app.request("/api/slack/staff")).json()) as { staff: { id: string }[] };
    expect(body.staff.map((s) => s.id)).toEqual(staff.map((s) => s.id));
    expect(JSON.stringify(body)).not.toContain("@example.test");
    // A practitioner without an email cannot be linked, so is not a member.
    expect(staff.filter((s) => s.role === "practitioner")).toHaveLength(1);
  });

  it("runs a command, and refuses bad input and unknown users", async () => {
    const ok = await app.request("/api/slack/command", {
      method: "POST",
      body: JSON.stringify({ userId: "U0HH0001", text: " today " }),
    });
    expect(ok.status).toBe(200);
    expect(calls).toContain("command U0HH0001 today");
    const bad = await app.request("/api/slack/command", { method: "POST", body: "{" });
    expect(bad.status).toBe(400);
    const tooLong = await app.request("/api/slack/command", {
      method: "POST",
      body: JSON.stringify({ userId: "U0HH0001", text: "x".repeat(501) }),
    });
    expect(tooLong.status).toBe(400);
    const unknown = await app.request("/api/slack/command", {
      method: "POST",
      body: JSON.stringify({ userId: "U404", text: "today" }),
    });
    expect(unknown.status).toBe(404);
  });

  it("opens the Home tab and clicks its buttons", async () => {
    await app.request("/api/slack/home", { method: "POST", body: JSON.stringify({ userId: "U0HH0001" }) });
    await app.request("/api/slack/action", {
      method: "POST",
      body: JSON.stringify({ userId: "U0HH0001", actionId: "refresh" }),
    });
    expect(calls).toEqual(expect.arrayContaining(["home U0HH0001", "click U0HH0001 refresh"]));
  });

  it("reports a failing today feed without passing the error on", async () => {
    todayFails = true;
    const res = await app.request("/api/today");
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain("secret-token");
    todayFails = false;
    expect((await app.request("/api/today")).status).toBe(200);
  });
});
