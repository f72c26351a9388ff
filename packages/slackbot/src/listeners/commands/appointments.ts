/**
 * `/appointments`: acknowledge at once (Slack's 3-second limit holds however slow coreplus is), then
 * answer privately through the response URL. Nothing is ever posted to the channel.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { answerCommand } from "../../answer/answer-request.js";
import type { SlackMessage } from "../../blocks/day-blocks.js";
import { yieldToEventLoop } from "../../internal/yield.js";
import type { ListenerDeps } from "../deps.js";
import { slackEmailLookup } from "../slack-email.js";

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** The listener for the slash command. */
export function appointmentsCommand(deps: ListenerDeps): (args: Args) => Promise<void> {
  return async function appointments({ ack, command, respond, client, logger }: Args): Promise<void> {
    // Empty ack: the HTTP response goes back now, before any coreplus or Slack API call.
    await ack();
    const started = deps.wallClock();
    const at = new Date(started).toISOString();
    const { messages, audit } = await answerCommand(deps.services, {
      userId: command.user_id,
      text: command.text ?? "",
      lookupEmail: slackEmailLookup(client, logger),
    });
    // Audited before delivery, so a request is on record even if Slack refuses the answer.
    deps.audit({
      at,
      surface: "command",
      user: command.user_id,
      ...(command.team_id ? { team: command.team_id } : {}),
      ...audit,
      ms: deps.wallClock() - started,
    });
    for (const message of messages) {
      await yieldToEventLoop();
      await deliver(message);
    }

    async function deliver(message: SlackMessage): Promise<void> {
      try {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: message.text,
          blocks: message.blocks,
        });
      } catch (error) {
        // An expired or refused response URL: fall back to an ephemeral message, still never a channel post.
        logger.warn(`response_url failed (${String(error)}); falling back to chat.postEphemeral`);
        await client.chat.postEphemeral({
          channel: command.channel_id,
          user: command.user_id,
          text: message.text,
          blocks: message.blocks,
        });
      }
    }
  };
}
