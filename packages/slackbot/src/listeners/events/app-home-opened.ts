/** `app_home_opened`: show the linked practitioner's day on the Home tab. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../deps.js";
import { publishHome } from "../publish-home.js";

type Args = SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs;

/** The listener for the Home tab being opened (the Messages tab is ignored). */
export function appHomeOpened(deps: ListenerDeps): (args: Args) => Promise<void> {
  return async function homeOpened({ event, body, client, logger }: Args): Promise<void> {
    // Bolt acknowledges events itself before listeners run.
    if (event.tab !== "home") return;
    await publishHome(deps, client, logger, event.user, body.team_id);
  };
}
