/** The Home tab's Refresh button: acknowledge, then republish the day. */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../deps.js";
import { publishHome } from "../publish-home.js";

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** The listener for the refresh button. */
export function homeRefresh(deps: ListenerDeps): (args: Args) => Promise<void> {
  return async function refresh({ ack, body, client, logger }: Args): Promise<void> {
    await ack();
    await publishHome(deps, client, logger, body.user.id, body.team?.id ?? undefined);
  };
}
