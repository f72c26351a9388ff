/** The Home tab's day checkboxes: save the chosen days (no day at all stops the message). */
import type {
  AllMiddlewareArgs,
  BlockAction,
  CheckboxesAction,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import { DEFAULT_MORNING } from "../../blocks/morning-controls.js";
import type { Weekday } from "../../command/parse-schedule.js";
import type { ListenerDeps } from "../deps.js";
import { publishHome } from "../publish-home.js";

type Args = SlackActionMiddlewareArgs<BlockAction<CheckboxesAction>> & AllMiddlewareArgs;

/** The listener for the day checkboxes. */
export function morningDays(deps: ListenerDeps): (args: Args) => Promise<void> {
  return async function pickDays({ ack, action, body, client, logger }: Args): Promise<void> {
    await ack();
    const days = [...new Set(action.selected_options.map((o) => Number(o.value)))]
      .filter((d): d is Weekday => Number.isInteger(d) && d >= 0 && d <= 6)
      .sort((a, b) => a - b);
    const book = deps.services.subscriptions;
    if (days.length === 0) await book.remove(body.user.id);
    else {
      const current = await book.get(body.user.id);
      await book.put({ userId: body.user.id, time: current?.time ?? DEFAULT_MORNING.time, days });
    }
    await publishHome(deps, client, logger, body.user.id, body.team?.id ?? undefined);
  };
}
