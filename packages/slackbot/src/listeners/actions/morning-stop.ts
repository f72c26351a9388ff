/** The Home tab's Stop button: no more morning messages. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../deps.js";
import { publishHome } from "../publish-home.js";

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** The listener for the stop button. */
export function morningStop(deps: ListenerDeps): (args: Args) => Promise<void> {
  return async function stop({ ack, body, client, logger }: Args): Promise<void> {
    await ack();
    await deps.services.subscriptions.remove(body.user.id);
    await publishHome(deps, client, logger, body.user.id, body.team?.id ?? undefined);
  };
}
