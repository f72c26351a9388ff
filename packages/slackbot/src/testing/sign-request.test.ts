import { isValidSlackRequest } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { signSlackRequest, slashCommandBody } from "./sign-request.js";

const SECRET = "sign-request-test-secret";

describe("signSlackRequest", () => {
  const body = slashCommandBody({ text: "tomorrow", userId: "U0MEI", responseUrl: "http://127.0.0.1:1/r" });
  const check = (headers: Record<string, string>, secret = SECRET, text = body) =>
    isValidSlackRequest({
      signingSecret: secret,
      body: text,
      headers: {
        "x-slack-signature": headers["x-slack-signature"]!,
        "x-slack-request-timestamp": Number(headers["x-slack-request-timestamp"]),
      },
    });

  it("produces a v0 signature Bolt's own verifier accepts", () => {
    const headers = signSlackRequest(SECRET, body);
    expect(headers["x-slack-signature"]).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(check({ ...headers })).toBe(true);
  });

  it("is refused for another secret, another body or an old timestamp", () => {
    expect(check({ ...signSlackRequest(SECRET, body) }, "another-secret")).toBe(false);
    expect(check({ ...signSlackRequest(SECRET, body) }, SECRET, `${body}&x=1`)).toBe(false);
    const old = Math.floor(Date.now() / 1000) - 10 * 60;
    expect(check({ ...signSlackRequest(SECRET, body, old) })).toBe(false);
  });
});
