import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeSlack, type FakeSlack, startFakeSlack } from "./fake-slack.js";

describe("startFakeSlack", () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack({ emails: { U0MEI: "mei@clinic.example" }, botToken: "xoxb-right" });
  });
  afterAll(() => slack.close());

  const call = (method: string, body: Record<string, string>, token = "xoxb-right") =>
    fetch(`${slack.apiUrl}${method}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${token}` },
      body: new URLSearchParams(body),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);

  it("answers the Web API over HTTP and records each call with its decoded body", async () => {
    const since = slack.nextSeq();
    expect(await call("users.info", { user: "U0MEI" })).toMatchObject({
      ok: true,
      user: { id: "U0MEI", profile: { email: "mei@clinic.example" } },
    });
    expect(await call("users.info", { user: "U0NOBODY" })).toEqual({ ok: false, error: "user_not_found" });
    await call("chat.postMessage", { channel: "C0ACT", text: "hi", blocks: '[{"type":"divider"}]' });
    const [posted] = await slack.waitFor((c) => c.method === "chat.postMessage", { since });
    expect(posted?.body).toEqual({ channel: "C0ACT", text: "hi", blocks: [{ type: "divider" }] });
    expect(posted?.token).toBe("xoxb-right");
    expect(slack.callsOf("users.info")).toHaveLength(2);
  });

  it("refuses a wrong bot token and can be told to fail a method", async () => {
    expect(await call("auth.test", {}, "xoxb-wrong")).toEqual({ ok: false, error: "invalid_auth" });
    slack.failures.set("chat.postMessage", "ratelimited");
    expect(await call("chat.postMessage", { channel: "C0ACT", text: "x" })).toEqual({
      ok: false,
      error: "ratelimited",
    });
    slack.failures.clear();
  });

  it("records response URL posts and can answer them as expired", async () => {
    const url = slack.responseUrl("abc");
    const post = () =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"text":"x"}' });
    expect((await post()).status).toBe(200);
    slack.responseStatus = 404;
    expect((await post()).status).toBe(404);
    slack.responseStatus = 200;
    const calls = await slack.waitFor((c) => c.responseId === "abc", { count: 2 });
    expect(calls.map((c) => c.ok)).toEqual([true, false]);
  });

  it("rejects a wait that times out, naming what it saw", async () => {
    await expect(slack.waitFor((c) => c.method === "never", { timeoutMs: 20 })).rejects.toThrow(
      /waited 20 ms for 1 matching call\(s\); saw 0/,
    );
  });
});

describe("createFakeSlack", () => {
  it("is a fetch handler that works mounted under any prefix", async () => {
    const fake = createFakeSlack({ teamId: "T0HARBOUR" });
    const res = await fake.handle(new Request("http://demo.local/slack/api/auth.test", { method: "POST" }));
    expect(await res.json()).toMatchObject({ ok: true, team_id: "T0HARBOUR" });
    await fake.handle(
      new Request("http://demo.local/slack/response/r1", { method: "POST", body: '{"text":"a"}' }),
    );
    expect(fake.calls.map((c) => [c.method, c.responseId])).toEqual([
      ["auth.test", undefined],
      ["response_url", "r1"],
    ]);
  });
});
