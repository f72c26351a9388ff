/** The "all" summary's buttons or menu: acknowledge, then answer privately with that practitioner's day. */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from "@slack/bolt";
import { answerExpand } from "../../answer/answer-request.js";
import { parseExpandValue } from "../../blocks/all-summary.js";
import type { ListenerDeps } from "../deps.js";
import { slackEmailLookup } from "../slack-email.js";

type Args = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction | ButtonAction>> & AllMiddlewareArgs;

/** The listener for the expand menu. */
export function expandPractitioner(deps: ListenerDeps): (args: Args) => Promise<void> {
  return async function expand({ ack, action, body, respond, client, logger }: Args): Promise<void> {
    await ack();
    const value = parseExpandValue(
      (action.type === "button" ? action.value : action.selected_option?.value) ?? "",
    );
    if (!value) return;
    const started = deps.wallClock();
    const { messages, audit } = await answerExpand(deps.services, {
      userId: body.user.id,
      lookupEmail: slackEmailLookup(client, logger),
      ...value,
    });
    deps.audit({
      at: new Date(started).toISOString(),
      surface: "action",
      user: body.user.id,
      ...(body.team?.id ? { team: body.team.id } : {}),
      ...audit,
      ms: deps.wallClock() - started,
    });
    for (const message of messages)
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
  };
}
