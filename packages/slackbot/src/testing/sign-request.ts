/**
 * Signing requests the way Slack does (v0 HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing
 * secret), and building the bodies Slack posts (slash commands, events, block actions). For tests,
 * benchmarks and demos, which post to the bot's /slack/events exactly as Slack would.
 */
import { createHmac } from "node:crypto";

/** The headers Slack sends with a signed request. */
export interface SlackSignatureHeaders {
  "x-slack-request-timestamp": string;
  "x-slack-signature": string;
}

/**
 * Signs a raw request body.
 * @param timestampSeconds unix seconds; default now (the bot refuses anything older than 5 minutes)
 * @example
 * const body = slashCommandBody({ text: "tomorrow", userId: "U123", responseUrl });
 * await fetch(eventsUrl, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded",
 *   ...signSlackRequest(signingSecret, body) } });
 */
export function signSlackRequest(
  signingSecret: string,
  body: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  if (!Number.isInteger(timestampSeconds) || timestampSeconds < 0)
    throw new RangeError("timestamp must be a non-negative integer number of seconds");
  const timestamp = String(timestampSeconds);
  const hash = createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": timestamp, "x-slack-signature": `v0=${hash}` };
}

/** The fields of a slash command invocation that the bot reads. */
export interface SlashCommandFields {
  text: string;
  userId: string;
  /** Where the bot posts its answer; a fake Slack records what arrives there. */
  responseUrl: string;
  command?: string;
  userName?: string;
  teamId?: string;
  channelId?: string;
  triggerId?: string;
}

/** The `application/x-www-form-urlencoded` body Slack posts for a slash command. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: "unused-verification-token",
    team_id: fields.teamId ?? "T0CLINIC",
    team_domain: "clinic",
    channel_id: fields.channelId ?? "C0GENERAL",
    channel_name: "general",
    user_id: fields.userId,
    user_name: fields.userName ?? fields.userId.toLowerCase(),
    command: fields.command ?? "/appointments",
    text: fields.text,
    api_app_id: "A0COREPLUS",
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `trigger.${Math.random().toString(36).slice(2)}`,
  }).toString();
}

/** The JSON body Slack posts for an Events API event (e.g. `app_home_opened`). */
export function eventCallbackBody(
  event: Record<string, unknown> & { type: string },
  teamId = "T0CLINIC",
): string {
  return JSON.stringify({
    token: "unused-verification-token",
    team_id: teamId,
    api_app_id: "A0COREPLUS",
    event,
    type: "event_callback",
    event_id: `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: "U0BOT", is_bot: true, is_enterprise_install: false }],
  });
}

/** The `payload=` form body Slack posts for a block action (e.g. a button click on the Home tab). */
export function blockActionBody(fields: {
  userId: string;
  actionId: string;
  teamId?: string;
  value?: string;
}): string {
  const teamId = fields.teamId ?? "T0CLINIC";
  const payload = {
    type: "block_actions",
    user: { id: fields.userId, team_id: teamId },
    api_app_id: "A0COREPLUS",
    token: "unused-verification-token",
    team: { id: teamId, domain: "clinic" },
    container: { type: "view", view_id: "V0HOME" },
    trigger_id: `trigger.${Math.random().toString(36).slice(2)}`,
    view: { id: "V0HOME", type: "home" },
    actions: [
      {
        type: "button",
        action_id: fields.actionId,
        block_id: "home_actions",
        value: fields.value ?? "refresh",
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * The JSON body Slack posts when a workflow runs the app's custom step (`function_executed`); the
 * step completes with `bot_access_token` (functions.completeSuccess / completeError).
 */
export function functionExecutedBody(fields: {
  callbackId: string;
  inputs: Record<string, unknown>;
  executionId?: string;
  botAccessToken?: string;
  teamId?: string;
}): string {
  return eventCallbackBody(
    {
      type: "function_executed",
      function: {
        id: "Fn0COREPLUS",
        callback_id: fields.callbackId,
        title: fields.callbackId,
        type: "app",
        input_parameters: [],
        output_parameters: [],
        app_id: "A0COREPLUS",
        date_created: 1_700_000_000,
        date_updated: 1_700_000_000,
        date_deleted: 0,
      },
      inputs: fields.inputs,
      function_execution_id:
        fields.executionId ?? `Fx${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
      workflow_execution_id: "Wx0COREPLUS",
      event_ts: String(Date.now() / 1000),
      bot_access_token: fields.botAccessToken ?? "xwfp-workflow-token",
    },
    fields.teamId,
  );
}
