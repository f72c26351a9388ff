/**
 * Signs requests the way Slack does (signing secret, version "v0", HMAC-SHA256 over
 * `v0:<timestamp>:<raw body>`), so the demo can talk to the real Bolt receiver without Slack.
 */
import { createHmac } from "node:crypto";

/** The two headers Slack adds to every request it sends to an app. */
export interface SlackSignatureHeaders {
  "x-slack-request-timestamp": string;
  "x-slack-signature": string;
}

/** Options for {@link signSlackRequest}. */
export interface SignSlackRequestOptions {
  /** The app's signing secret (never logged or returned). */
  signingSecret: string;
  /** The exact bytes of the request body, as sent. */
  body: string;
  /** Unix time in seconds; default: the wall clock (Bolt rejects timestamps older than five minutes). */
  timestamp?: number;
}

/** The `v0=<hex>` signature of `body` sent at `timestamp` (unix seconds). */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex");
  return `v0=${digest}`;
}

/**
 * The headers that make `body` a request Slack could have sent.
 * @example
 * const headers = signSlackRequest({ signingSecret, body });
 * await fetch(botUrl, { method: "POST", body, headers: { ...headers, "content-type": "application/x-www-form-urlencoded" } });
 */
export function signSlackRequest(opts: SignSlackRequestOptions): SlackSignatureHeaders {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  if (!Number.isInteger(timestamp) || timestamp < 0) {
    throw new RangeError("timestamp must be a non-negative integer number of seconds");
  }
  return {
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(opts.signingSecret, timestamp, opts.body),
  };
}
