/**
 * Plays Slack's part for the demo: builds a slash command (or an App Home event, or a button click)
 * as Slack would, signs it with the bot's signing secret, posts it to the running bot, and collects
 * what the bot answers (the HTTP acknowledgement, response URL posts, ephemeral messages, views).
 */
import { randomUUID } from "node:crypto";
import { type FakeSlackHandler, type RecordedCall, signSlackRequest } from "@coreplus-kit/slackbot/testing";
import { DEMO_TEAM, type StaffMember } from "./staff.js";

/** A message as the bot sent it (Block Kit JSON, passed through untouched). */
export interface SlackMessage {
  text?: string;
  blocks?: unknown[];
  response_type?: string;
  [key: string]: unknown;
}

/** How one reply reached Slack. */
export type ReplyChannel = "ack" | "response_url" | "chat.postEphemeral" | "chat.postMessage";

/** What the bot did in answer to one request. */
export interface SlackExchange {
  /** The HTTP status of the bot's acknowledgement, and how long it took. */
  ack: { status: number; ms: number };
  replies: { via: ReplyChannel; ms: number; message: SlackMessage }[];
  /** App Home views published for the user. */
  views: { ms: number; view: SlackMessage }[];
  /** Every Web API method the bot called meanwhile (users.info, …), in order. */
  apiCalls: { method: string; ok: boolean }[];
  /** True when nothing arrived before the deadline. */
  timedOut: boolean;
}

/** Options for {@link createSlackPreview}. */
export interface SlackPreviewOptions {
  /** The fake Slack the bot's Web API client and the response URLs point at. */
  fakeSlack: FakeSlackHandler;
  /** The workspace's members (a command from anyone else is an {@link UnknownSlackUserError}). */
  staff: readonly StaffMember[];
  /** Default: the demo's team. */
  teamId?: string;
  /** The bot's events URL, e.g. "http://127.0.0.1:3000/slack/events". */
  botEventsUrl: string;
  signingSecret: string;
  /** Prefix for response URLs the fake hosts, e.g. "http://127.0.0.1:5173/slack/response/". */
  responseUrlBase: string;
  /** How long to wait for the bot's answer; default 10 s. */
  timeoutMs?: number;
  /** After the first answer, how long to keep collecting (a long day may be split); default 400 ms. */
  settleMs?: number;
  fetch?: typeof fetch;
  /** Wall clock in ms for signing timestamps; default Date.now. */
  now?: () => number;
}

/** Drives the bot as Slack would; see {@link createSlackPreview}. */
export interface SlackPreview {
  /** Sends `/appointments <text>` from `userId` in a direct message with the app. */
  command(userId: string, text: string, command?: string): Promise<SlackExchange>;
  /** Opens the app's Home tab for `userId`. */
  openHome(userId: string): Promise<SlackExchange>;
  /** Clicks a button (`block_actions`) in the user's Home tab. */
  clickHomeButton(
    userId: string,
    action: { actionId: string; blockId?: string; value?: string },
  ): Promise<SlackExchange>;
}

/** Thrown for a user the fake workspace does not have. */
export class UnknownSlackUserError extends Error {
  readonly code = "ERR_DEMO_UNKNOWN_SLACK_USER";
  constructor() {
    super("No such member in the demo workspace");
    this.name = this.constructor.name;
  }
}

const APP_ID = "A0APPTBOT";
/** How the fake records a post to a response URL. */
const RESPONSE_URL = "response_url";
const DM_CHANNEL = { id: "D0APPTDM1", name: "directmessage" };

/** Creates the preview driver. */
export function createSlackPreview(opts: SlackPreviewOptions): SlackPreview {
  const fetchImpl = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const settleMs = opts.settleMs ?? 400;
  const slack = opts.fakeSlack;
  const teamId = opts.teamId ?? DEMO_TEAM.id;

  function userOf(userId: string): StaffMember {
    const user = opts.staff.find((u) => u.id === userId);
    if (!user) throw new UnknownSlackUserError();
    return user;
  }

  async function send(
    body: string,
    contentType: string,
  ): Promise<{ status: number; ms: number; text: string }> {
    const started = now();
    const headers = signSlackRequest(opts.signingSecret, body, Math.floor(now() / 1000));
    const res = await fetchImpl(opts.botEventsUrl, {
      method: "POST",
      headers: { ...headers, "content-type": contentType },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, ms: now() - started, text };
  }

  /**
   * Sends, then gathers traffic matching `mine` until the first match plus `settleMs`, or the deadline.
   */
  async function exchange(
    body: string,
    contentType: string,
    mine: (t: RecordedCall) => boolean,
    ackMessage: boolean,
  ): Promise<SlackExchange> {
    const since = slack.nextSeq();
    const started = now();
    const ack = await send(body, contentType);
    const result: SlackExchange = {
      ack: { status: ack.status, ms: ack.ms },
      replies: [],
      views: [],
      apiCalls: [],
      timedOut: false,
    };
    const ackBody = ackMessage ? parseMessage(ack.text) : undefined;
    if (ackBody) result.replies.push({ via: "ack", ms: ack.ms, message: ackBody });

    if (ack.status >= 200 && ack.status < 300) {
      // An answer already in the acknowledgement needs only a short wait for anything further.
      // The fake rejects a wait that times out: that is "nothing arrived", not a failure of the preview.
      const first = await slack.waitFor(mine, { since, timeoutMs: ackBody ? settleMs : timeoutMs }).then(
        ([call]) => call,
        () => undefined,
      );
      if (first) await delay(settleMs);
      else if (!ackBody) result.timedOut = true;
    }

    for (const t of [...slack.calls]) {
      if (t.seq < since) continue;
      if (t.method !== RESPONSE_URL) result.apiCalls.push({ method: t.method, ok: t.ok });
      if (!mine(t)) continue;
      const ms = now() - started;
      if (t.method === RESPONSE_URL) result.replies.push({ via: "response_url", ms, message: t.body });
      else if (t.method === "views.publish") result.views.push({ ms, view: t.body.view as SlackMessage });
      else if (t.method === "chat.postEphemeral" || t.method === "chat.postMessage") {
        result.replies.push({ via: t.method, ms, message: t.body as SlackMessage });
      }
    }
    return result;
  }

  return {
    async command(userId, text, command = "/appointments") {
      const user = userOf(userId);
      const responseId = randomUUID();
      const form = new URLSearchParams({
        token: "demo-verification-token",
        team_id: teamId,
        team_domain: "harbourside",
        channel_id: DM_CHANNEL.id,
        channel_name: DM_CHANNEL.name,
        user_id: user.id,
        user_name: user.name,
        command,
        text,
        api_app_id: APP_ID,
        is_enterprise_install: "false",
        response_url: `${opts.responseUrlBase}${responseId}`,
        trigger_id: `${Date.now()}.${randomUUID()}`,
      });
      return exchange(
        form.toString(),
        "application/x-www-form-urlencoded",
        (t) =>
          (t.method === RESPONSE_URL && t.responseId === responseId) ||
          ((t.method === "chat.postEphemeral" || t.method === "chat.postMessage") &&
            t.body.channel === DM_CHANNEL.id &&
            (t.method === "chat.postMessage" || t.body.user === user.id)),
        true,
      );
    },

    async openHome(userId) {
      const user = userOf(userId);
      const eventTime = Math.floor(now() / 1000);
      const body = JSON.stringify({
        token: "demo-verification-token",
        team_id: teamId,
        api_app_id: APP_ID,
        type: "event_callback",
        event_id: `Ev${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`,
        event_time: eventTime,
        event: {
          type: "app_home_opened",
          user: user.id,
          channel: DM_CHANNEL.id,
          tab: "home",
          event_ts: `${eventTime}.000100`,
        },
        authorizations: [{ team_id: teamId, user_id: "U0APPTBOT", is_bot: true }],
      });
      return exchange(body, "application/json", homeViewFor(user.id), false);
    },

    async clickHomeButton(userId, action) {
      const user = userOf(userId);
      const payload = {
        type: "block_actions",
        team: { id: teamId, domain: "harbourside" },
        user: { id: user.id, username: user.name, name: user.name, team_id: teamId },
        api_app_id: APP_ID,
        token: "demo-verification-token",
        container: { type: "view", view_id: "V00000000" },
        trigger_id: `${Date.now()}.${randomUUID()}`,
        view: { id: "V00000000", type: "home", team_id: teamId },
        actions: [
          {
            type: "button",
            action_id: action.actionId,
            block_id: action.blockId ?? "home",
            ...(action.value === undefined ? {} : { value: action.value }),
            action_ts: `${Math.floor(now() / 1000)}.000200`,
          },
        ],
      };
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return exchange(body, "application/x-www-form-urlencoded", homeViewFor(user.id), false);
    },
  };
}

function homeViewFor(userId: string): (t: RecordedCall) => boolean {
  return (t) => t.method === "views.publish" && t.body.user_id === userId;
}

/** An acknowledgement body that carries a message (Bolt answers an empty `ack()` with an empty body). */
function parseMessage(text: string): SlackMessage | undefined {
  if (text.trim() === "") return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === "object" && parsed !== null && ("text" in parsed || "blocks" in parsed)) {
      return parsed as SlackMessage;
    }
    return undefined;
  } catch {
    return { text };
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
