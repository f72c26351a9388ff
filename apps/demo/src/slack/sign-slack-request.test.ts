import { createHmac, timingSafeEqual } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signSlackRequest, slackSignature } from "./sign-slack-request.js";

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

describe("slackSignature", () => {
  it("matches Slack's published example", () => {
    expect(slackSignature(SLACK_EXAMPLE.signingSecret, SLACK_EXAMPLE.timestamp, SLACK_EXAMPLE.body)).toBe(
      SLACK_EXAMPLE.signature,
    );
  });

  it("changes with the body, the timestamp and the secret", () => {
    const base = slackSignature("secret", 1_700_000_000, "text=today");
    expect(slackSignature("secret", 1_700_000_000, "text=tomorrow")).not.toBe(base);
    expect(slackSignature("secret", 1_700_000_001, "text=today")).not.toBe(base);
    expect(slackSignature("other", 1_700_000_000, "text=today")).not.toBe(base);
  });
});

describe("signSlackRequest", () => {
  it("produces headers an independent verifier accepts", () => {
    const headers = signSlackRequest({
      signingSecret: "s3cret",
      body: "command=%2Fappointments",
      timestamp: 1000,
    });
    expect(headers["x-slack-request-timestamp"]).toBe("1000");
    expect(verify("s3cret", { ...headers }, "command=%2Fappointments", 1010)).toBe(true);
    expect(verify("wrong", { ...headers }, "command=%2Fappointments", 1010)).toBe(false);
    expect(verify("s3cret", { ...headers }, "command=%2Fappointment", 1010)).toBe(false);
  });

  it("uses the wall clock by default", () => {
    const before = Math.floor(Date.now() / 1000);
    const headers = signSlackRequest({ signingSecret: "s", body: "" });
    const ts = Number(headers["x-slack-request-timestamp"]);
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it("never puts the secret in the headers", () => {
    const headers = signSlackRequest({ signingSecret: "do-not-leak", body: "x", timestamp: 1 });
    expect(JSON.stringify(headers)).not.toContain("do-not-leak");
  });

  it("refuses a timestamp that is not whole seconds", () => {
    expect(() => signSlackRequest({ signingSecret: "s", body: "", timestamp: 1.5 })).toThrow(RangeError);
  });
});
